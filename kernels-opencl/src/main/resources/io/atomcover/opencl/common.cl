/*
 * Shared definitions of the atomcover kernels. Built for one descriptor dimension (-DDIM=63) and
 *   -DREAL=double -DDIRECT=0   (default: distances as |q|^2 + |r|^2 - 2 q.r, exactly as the CPU
 *                               backend forms them: dot product as one FMA chain from component 0)
 *   -DREAL=float  -DDIRECT=1   (--precision float: distances as sum (q_k - r_k)^2, which has no
 *                               cancellation in single precision; exponentials in float)
 * Accumulators are double in both cases.
 *
 * Matrices: query rows are stored column-major (component k of row i at k*ld + i) so that
 * neighbouring work-items read neighbouring addresses, and each work-item keeps its query row in
 * private memory; reference rows are row-major and are staged through local memory in tiles of
 * `tr` rows.
 */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
/* No silent contraction into FMAs: every FMA below is written out, so distances match the CPU's. */
#pragma OPENCL FP_CONTRACT OFF

/* Copies rows [first, first+count) of a row-major matrix into local memory (whole work-group). */
inline void load_tile(__global const REAL* ref, int first, int count, __local REAL* tile)
{
    const int lid = get_local_id(0);
    const int wg = get_local_size(0);
    const size_t base = (size_t)first * DIM;
    for (int t = lid; t < count * DIM; t += wg) tile[t] = ref[base + t];
}

/* Query row i of a column-major matrix (leading dimension ld) into private memory. */
inline void load_row(__global const REAL* qT, size_t ld, int i, REAL* q)
{
    for (int k = 0; k < DIM; k++) q[k] = qT[k * ld + i];
}

/* Squared distance between a private query row and tile row j. */
inline REAL sq_dist(const REAL* q, REAL qn, __local const REAL* tile, int j, REAL rn)
{
    __local const REAL* r = tile + j * DIM;
#if DIRECT
    REAL s = (REAL)0;
    for (int k = 0; k < DIM; k++) {
        REAL d = q[k] - r[k];
        s = fma(d, d, s);
    }
    return s;
#else
    REAL dot = (REAL)0;
    for (int k = 0; k < DIM; k++) dot = fma(q[k], r[k], dot);
    return fmax(qn + rn - (REAL)2 * dot, (REAL)0);
#endif
}

/* Terms per batch of the online max-shifted sum (one private array of exponents). */
#define BATCH 16

/*
 * Adds the Gaussian terms of query row i against tile rows [0, cnt) to a max-shifted sum:
 * a.x = m (largest exponent seen), a.y = sum exp(z - m), starting from (-inf, 0). Exponents are
 * taken in batches: the batch's largest exponent rescales the sum at most once, and the terms
 * themselves are a branch-free loop (vectorises across work-items). The sum is kept in double;
 * the exponentials are taken in REAL.
 */
inline double2 lse_tile(double2 a, const REAL* q, REAL qn, __local const REAL* tile,
                        __global const REAL* rn, int cnt, REAL c)
{
    REAL z[BATCH];
    for (int j0 = 0; j0 < cnt; j0 += BATCH) {
        const int n = min(BATCH, cnt - j0);
        REAL zmax = -INFINITY;
        for (int t = 0; t < n; t++) {
            z[t] = -sq_dist(q, qn, tile, j0 + t, rn[j0 + t]) * c;
            zmax = fmax(zmax, z[t]);
        }
        REAL m = (REAL)a.x;
        if (zmax > m) {
            a.y *= (double)exp(m - zmax);
            m = zmax;
            a.x = (double)zmax;
        }
        double s = 0.0;
        for (int t = 0; t < n; t++) s += (double)exp(z[t] - m);
        a.y += s;
    }
    return a;
}

/* log(e^a + e^b), exact for infinite arguments (same formula as the CPU side). */
inline double log_add_exp(double a, double b)
{
    if (a == -INFINITY) return b;
    if (b == -INFINITY) return a;
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}
