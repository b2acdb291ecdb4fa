/*
 * Per-query-row accumulators over one slice of reference rows; called once per slice, so
 * references of any size stream through and no launch does more than the host's cap on pairs.
 *   mode 0: Gaussian kernel terms, acc = (m, s) with sum_j k(q_i, r_j) = e^m * s
 *   mode 1: Euclidean distances, acc.y += |q_i - r_j|
 * One work-item per query row of rows [q0, q0 + nq) of the block; reference rows [r0, r0 + nr) of
 * the reference buffer. The work-group stages `tr` reference rows at a time in local memory.
 */
#define MODE_KERNEL 0
#define MODE_DISTANCE 1

__kernel void init_acc(__global double2* acc, const int n)
{
    int i = get_global_id(0);
    if (i < n) acc[i] = (double2)(-INFINITY, 0.0);
}

__kernel void row_sums(__global const REAL* qT, const int ldq, const int q0, const int nq, __global const REAL* qn,
                       __global const REAL* ref, const int r0, const int nr, __global const REAL* rn,
                       const REAL c, const int mode,
                       __local REAL* tile, const int tr, __global double2* acc)
{
    const int g = get_global_id(0);
    const bool active = g < nq;
    const int i = q0 + g;
    double2 a = active ? acc[i] : (double2)(-INFINITY, 0.0);
    const REAL qni = active ? qn[i] : (REAL)0;
    REAL q[DIM];
    if (active) load_row(qT, (size_t)ldq, i, q);
    for (int j0 = 0; j0 < nr; j0 += tr) {
        const int cnt = min(tr, nr - j0);
        barrier(CLK_LOCAL_MEM_FENCE);
        load_tile(ref, r0 + j0, cnt, tile);
        barrier(CLK_LOCAL_MEM_FENCE);
        if (!active) continue;
        if (mode == MODE_DISTANCE) {
            for (int j = 0; j < cnt; j++)
                a.y += sqrt((double)sq_dist(q, qni, tile, j, rn[r0 + j0 + j]));
        } else {
            a = lse_tile(a, q, qni, tile, rn + r0 + j0, cnt, c);
        }
    }
    if (active) acc[i] = a;
}
