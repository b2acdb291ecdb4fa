package io.atomcover.descriptor;

/**
 * The arithmetic of one QUESTS descriptor row (SPEC section 2) from an atom's sorted neighbours, with
 * per-thread scratch buffers. Not thread-safe: one instance per worker thread.
 *
 * <p>Only neighbours with positive weight (distance below the cutoff) can make anything non-zero, and
 * they are a prefix of the sorted list, say the first m. Each of their rows of R has exactly m-1
 * positive entries and k-m+1 zeros (the diagonal and the columns of absent or weightless neighbours),
 * so once a row is sorted ascending its zeros come first and column l of the sorted matrix is made
 * of the rows' (k-1-l)-th largest positive entries. Hence
 * {@code x2[t] = (1/k) Σ_j (t-th largest off-diagonal entry of row j)} for t &lt; m-1 and 0 beyond:
 * only the m-1 positive values of each of the m live rows are sorted, the rows are summed in
 * neighbour order (the same additions, in the same order, as summing the k sorted rows of the
 * reference) and the sum is divided by k.
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
    /** One row of R, off-diagonal entries only, then sorted largest first. */
    private final double[] row;
    /** Column sums of the sorted rows, largest entries first. */
    private final double[] sum;

    QuestsKernel(int k, double cutoff) {
        this.k = k;
        this.cutoff = cutoff;
        this.neighbours = new Neighbours(k);
        this.root = new double[k];
        this.row = new double[k];
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

        double[] dx = nb.dx(), dy = nb.dy(), dz = nb.dz();
        double[] s = sum;
        double[] w = row;
        int live = m - 1;
        for (int t = 0; t < live; t++) s[t] = 0;
        for (int j = 0; j < m; j++) {
            double xj = dx[j], yj = dy[j], zj = dz[j], rj = root[j];
            int p = 0;
            for (int l = 0; l < m; l++) {
                if (l == j) continue;
                double ex = dx[l] - xj, ey = dy[l] - yj, ez = dz[l] - zj;
                double d = Math.sqrt(ex * ex + ey * ey + ez * ez);
                w[p++] = rj * root[l] / (d + EPS_X2);
            }
            sortDescending(w, live);
            for (int t = 0; t < live; t++) s[t] += w[t];
        }
        double kk = k;
        for (int t = 0; t < live; t++) out[x2 + t] = s[t] / kk;
        for (int t = live; t < k - 1; t++) out[x2 + t] = 0;
    }

    /** Insertion sort, largest first; at this size (≤ k-1 values) faster than a general sort. */
    static void sortDescending(double[] a, int n) {
        for (int i = 1; i < n; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] < v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
