/*
 * Device-resident greedy minimum set cover (see io.atomcover.backend.GreedyCover).
 *
 * msc_update: one work-group per structure s of structures [s0, s0 + groups). The rows, norms and
 * covers passed in are those of a block of environments starting at environment rowBase (the whole
 * set when resident), so environment e is entry e - rowBase of qT (column-major), qn and cover.
 * If s is still in play, every environment e of s gets the kernel sum against the rows of the
 * structure picked last (ref rows [range[0], range[0] + range[1]); none when range[1] == 0) added
 * to its cover -- linear K_e, or log K_e with log-add-exp -- and the work-group reduces min_e cover
 * in the same pass into the score: H_s - min log K_e (log space) or -log(min K_e) + H_s (linear;
 * +inf when the min is 0). The host cuts the structures into launches of bounded size.
 *
 * msc_argmax: one work-group over all structures: the highest score still in play, smaller index
 * on ties; marks it taken, points `range` at its rows and writes (index, score) for the host.
 */
__kernel void msc_update(__global const REAL* qT, const int ldq, const int rowBase,
                         __global const REAL* qn, __global const int* off, const int s0,
                         __global const REAL* ref, __global const REAL* rn, __global const int* range,
                         const REAL c, const int logSpace,
                         __global const uchar* taken, __global const double* entropy,
                         __global double* cover, __global double* score,
                         __local REAL* tile, const int tr, __local double* red)
{
    const int s = s0 + get_group_id(0);
    if (taken[s]) return; /* uniform over the work-group */
    const int lid = get_local_id(0);
    const int wg = get_local_size(0);
    const int e0 = off[s];
    const int e1 = off[s + 1];
    const int first = range[0];
    const int count = range[1];
    double mn = INFINITY;
    for (int eb = e0; eb < e1; eb += wg) {
        const int e = eb + lid;
        const bool active = e < e1;
        const int qi = e - rowBase;
        const REAL qni = active ? qn[qi] : (REAL)0;
        REAL q[DIM];
        if (active) load_row(qT, (size_t)ldq, qi, q);
        double2 a = (double2)(-INFINITY, 0.0);
        for (int j0 = 0; j0 < count; j0 += tr) {
            const int cnt = min(tr, count - j0);
            barrier(CLK_LOCAL_MEM_FENCE);
            load_tile(ref, first + j0, cnt, tile);
            barrier(CLK_LOCAL_MEM_FENCE);
            if (!active) continue;
            a = lse_tile(a, q, qni, tile, rn + first + j0, cnt, c);
        }
        if (active) {
            double cv = cover[qi];
            if (count > 0) {
                cv = logSpace ? log_add_exp(cv, a.x + log(a.y)) : cv + exp(a.x) * a.y;
                cover[qi] = cv;
            }
            mn = fmin(mn, cv);
        }
    }
    red[lid] = mn;
    for (int stride = wg / 2; stride > 0; stride >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride) red[lid] = fmin(red[lid], red[lid + stride]);
    }
    if (lid == 0) score[s] = logSpace ? entropy[s] - red[0] : -log(red[0]) + entropy[s];
}

/* True when candidate (sa, ia) ranks before (sb, ib); index -1 is no candidate. */
inline bool ranks_before(double sa, int ia, double sb, int ib)
{
    if (ia < 0) return false;
    if (ib < 0) return true;
    return sa > sb || (sa == sb && ia < ib);
}

__kernel void msc_argmax(const int n, __global uchar* taken, __global const double* score,
                         __global const int* off, __global int* range, __global int* pickIndex,
                         __global double* pickScore, __local double* rs, __local int* ri)
{
    const int lid = get_local_id(0);
    const int wg = get_local_size(0);
    double bs = -INFINITY;
    int bi = -1;
    for (int s = lid; s < n; s += wg) {
        if (taken[s]) continue;
        double v = score[s];
        if (ranks_before(v, s, bs, bi)) {
            bs = v;
            bi = s;
        }
    }
    rs[lid] = bs;
    ri[lid] = bi;
    for (int stride = wg / 2; stride > 0; stride >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride && ranks_before(rs[lid + stride], ri[lid + stride], rs[lid], ri[lid])) {
            rs[lid] = rs[lid + stride];
            ri[lid] = ri[lid + stride];
        }
    }
    if (lid == 0) {
        int b = ri[0];
        pickIndex[0] = b;
        pickScore[0] = rs[0];
        if (b >= 0) {
            taken[b] = 1;
            range[0] = off[b];
            range[1] = off[b + 1] - off[b];
        }
    }
}
