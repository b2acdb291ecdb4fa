/*
 * Reductions of finished accumulators (m, s) of self-inclusive or cross kernel sums, with
 * p_i = e^m * s (linear space, exactly 0 when every term underflowed):
 *   out.x = sum_i (log p_i - log N)     (entropy H = -out.x / N)
 *   out.y = sum_i 1 / p_i               (diversity D = log out.y)
 *   out.z = #{i : -log p_i < eps}       (overlap = out.z / N)
 * One partial per work-group (work-group size a power of two); the host adds the partials.
 */
__kernel void entropy_overlap(__global const double2* acc, const int n, const double logN, const double eps,
                              __global double4* partial, __local double4* red)
{
    const int lid = get_local_id(0);
    const int wg = get_local_size(0);
    const int i = get_global_id(0);
    double4 v = (double4)(0.0);
    if (i < n) {
        double p = exp(acc[i].x) * acc[i].y;
        double lp = log(p);
        v.x = lp - logN;
        v.y = 1.0 / p;
        v.z = (-lp < eps) ? 1.0 : 0.0;
    }
    red[lid] = v;
    for (int stride = wg / 2; stride > 0; stride >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride) red[lid] += red[lid + stride];
    }
    if (lid == 0) partial[get_group_id(0)] = red[0];
}
