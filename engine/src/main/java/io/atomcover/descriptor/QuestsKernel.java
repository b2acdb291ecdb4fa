package io.atomcover.descriptor;

/**
 * The arithmetic of one QUESTS descriptor row (docs/methods.md, "QUESTS descriptors") from an
 * atom's sorted neighbours, with per-thread scratch buffers. Not thread-safe: one instance per
 * worker thread.
 *
 * <p>Only neighbours with positive weight (distance below the cutoff) can make anything non-zero, and
 * they are a prefix of the sorted list, say the first m; all other rows and columns of R are zero.
 * R is built for those m (upper triangle computed, mirrored) in a square scratch matrix, and since R
 * is symmetric its rows are also its columns (the scratch is one array per row so the network's
 * loops vectorise, see {@link SortingNetwork}): a {@link SortingNetwork} sorts all m of them at once,
 * largest first, with branch-free SIMD compare-exchanges. Every entry of R is non-negative, so the
 * zeros beyond position m need no sorting and the network only spans the next power of two ≥ m.
 * Column l of the reference's ascending-sorted matrix holds the rows' (k-1-l)-th largest entries, so
 * {@code x2[t] = (1/k) Σ_j (t-th largest entry of row j)}: summed over the live rows in neighbour
 * order (the same additions, in the same order, as the reference summing all k sorted rows, whose
 * other rows are zero) and divided by k. Positions t ≥ m-1 hold only zeros.
 */
final class QuestsKernel {
    /** ε1 of x1: {@code x1[j] = w(r_j + ε1) / (r_j + ε1)}. */
    static final double EPS_X1 = 1e-16;
    /** ε2 of R: {@code R[j][l] = sqrt(w_j w_l) / (d_jl + ε2)}. */
    static final double EPS_X2 = 1e-15;

    private final int k;
    private final double cutoff;
    final Neighbours neighbours;
    /** sqrt(w(r_j)) = 1 - (r_j/rc)^2 for the weighted neighbours. */
    private final double[] root;
    /** R, {@code stride × stride}; only the live top-left block is ever read. */
    private final double[][] matrix;
    private final int stride;
    /** networks[b] sorts 2^b positions. */
    private final SortingNetwork[] networks;
    /** Sums of the t-th largest entries over the live rows. */
    private final double[] sum;

    QuestsKernel(int k, double cutoff) {
        this.k = k;
        this.cutoff = cutoff;
        this.neighbours = new Neighbours(k);
        this.root = new double[k];
        this.stride = Integer.highestOneBit(Math.max(1, k - 1)) << 1;
        this.matrix = new double[stride][stride];
        int levels = Integer.numberOfTrailingZeros(stride) + 1;
        this.networks = new SortingNetwork[levels];
        for (int b = 0; b < levels; b++) networks[b] = new SortingNetwork(1 << b);
        this.sum = new double[k];
    }

    /** Writes the 2k-1 values of the atom whose neighbours are in {@link #neighbours} at {@code out[o..]}. */
    void row(double[] out, int o) {
        Neighbours nb = neighbours;
        int n = nb.count();
        double[] r = nb.distances();
        double rc = cutoff;

        // x1: w(r + ε1) / (r + ε1), zero for missing neighbours
        for (int j = 0; j < n; j++) {
            double rr = r[j] + EPS_X1;
            double z = Math.min(rr, rc) / rc;
            double t = 1 - z * z;
            out[o + j] = t * t / rr;
        }
        for (int j = n; j < k; j++) out[o + j] = 0;

        // weighted prefix: sqrt of the weight, which is 1 - (r/rc)^2 below the cutoff
        int m = 0;
        for (int j = 0; j < n; j++) {
            double z = r[j] / rc;
            if (!(z < 1)) break;
            root[j] = 1 - z * z;
            m = j + 1;
        }
        int x2 = o + k;
        if (m < 2) {
            for (int t = 0; t < k - 1; t++) out[x2 + t] = 0;
            return;
        }

        int size = Integer.highestOneBit(m - 1) << 1; // power of two >= m
        int columns = Math.min(stride, (m + 3) & ~3);  // whole SIMD lanes; the extra columns stay zero
        double[][] a = matrix;
        for (int e = 0; e < size; e++) java.util.Arrays.fill(a[e], 0, columns, 0.0);
        double[] dx = nb.dx(), dy = nb.dy(), dz = nb.dz();
        for (int j = 0; j < m; j++) {
            double xj = dx[j], yj = dy[j], zj = dz[j], rj = root[j];
            double[] row = a[j];
            for (int l = j + 1; l < m; l++) {
                double ex = dx[l] - xj, ey = dy[l] - yj, ez = dz[l] - zj;
                row[l] = rj * root[l] / (Math.sqrt(ex * ex + ey * ey + ez * ez) + EPS_X2);
            }
            for (int l = j + 1; l < m; l++) a[l][j] = row[l];
        }
        networks[Integer.numberOfTrailingZeros(size)].sortColumnsDescending(a, columns);

        int live = m - 1;
        double[] s = sum;
        for (int t = 0; t < live; t++) s[t] = 0;
        for (int j = 0; j < m; j++)
            for (int t = 0; t < live; t++) s[t] += a[t][j];
        double kk = k;
        for (int t = 0; t < live; t++) out[x2 + t] = s[t] / kk;
        for (int t = live; t < k - 1; t++) out[x2 + t] = 0;
    }
}
