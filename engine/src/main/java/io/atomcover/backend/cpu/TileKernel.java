package io.atomcover.backend.cpu;

import java.util.Arrays;

/**
 * The per-tile arithmetic of every CPU kernel sum, and the buffers one thread works in. A tile is
 * up to four query rows against a panel of reference rows transposed (component k of column j at
 * {@code panel[k][j]}): one leaf, or a {@link Strip} of consecutive leaves side by side.
 * {@link #dots4}/{@link #dots1} give the dot products, and the term methods
 * turn them into squared distances {@code max(|x|² + |y|² - 2x·y, 0)} and kernel terms with the fast
 * exp of {@link FastExp}.
 *
 * <p>The per-pair arithmetic (dot product as an FMA chain over k = 0..dim-1 starting from 0, then the
 * clamped squared distance) is the same in every method and does not depend on the position of the
 * pair in a tile, so the backend and its sessions see bit-identical distances. The terms of one row
 * against one panel are summed in a fixed order within the call, so a row's sum depends on how its
 * columns are cut into panels; every caller cuts them the same way whatever the thread count.
 *
 * <p>The term methods split the fast exp in two loops: the exponent, range reduction and polynomial in
 * one loop of pure floating-point arithmetic ({@link #expParts}, compiled to vector FMAs by C2),
 * then the exact 2^k scaling and the sums in a short scalar loop, because the bit manipulation of
 * {@link FastExp#pow2} does not vectorise on JDK 17.
 */
final class TileKernel {
    /**
     * Lower clamp of the shifted exponent in {@link #fastTerms} (e^-60 ≈ 8.8e-27, so each clamped
     * term is off by less than that against a row maximum of 1); keeps the fast exp in its normal
     * range.
     */
    static final double CLAMP = -60.0;
    /** Lowest exponent of {@link #maskedTerms}, whose sums are not shifted: terms further out are e^-708 ≈ 3e-308 instead. */
    static final double UNSHIFTED_CLAMP = FastExp.MIN_NORMAL_ARG;

    static {
        train();
    }

    /**
     * Runs every loop of the kernel on wide synthetic panels before any real use. C2 compiles these
     * loops from their profile: compiled while the calls see 64-column leaves, they run at about half
     * the rate on every width, long strips included; compiled while the calls see 256 columns, they
     * run fast on every width, 64-column leaves included (figures in docs/benchmarks.md,
     * "Micro-kernels"). The sessions' leaves and the backend's strips then share the fast form.
     */
    private static void train() {
        // Long in the column loops, whose profile matters, and short in the component loops: C2
        // compiles a method after some hundreds of calls, and these cost 0.06-0.13 s once per JVM
        // on the loaded 2-core machine.
        int width = 256;
        int dim = 7;
        double[][] pl = new double[dim][width];
        double[] x = new double[4 * dim];
        double[] nr = new double[width];
        for (int k = 0; k < dim; k++)
            for (int j = 0; j < width; j++) pl[k][j] = ((j * 31 + k * 7) % 97) * 1e-3;
        for (int i = 0; i < x.length; i++) x[i] = (i % 89) * 1e-3;
        TileKernel tile = new TileKernel(4, width);
        double[][] dot = tile.dots;
        double[] col = new double[width];
        double[] rm = new double[width];
        double sink = 0;
        for (int it = 0; it < 700; it++) {
            dots4(x, 0, dim, 2 * dim, 3 * dim, dim, pl, 0, width, dot[0], dot[1], dot[2], dot[3]);
            dots1(x, 0, dim, pl, 0, width, dot[0]);
            sink += minDist(dot[0], nr, 0, width, 1.0);
            sink += fastTerms(dot[1], nr, 0, width, 1.0, 10.0, 0.0, tile.p, tile.k, (it & 1) == 0 ? null : col);
            sink += maskedTerms(dot[2], nr, width, 1.0, 10.0, tile.p, tile.k, rm, col, 0);
            sink += exactTerms(dot[3], nr, width, 1.0, 10.0, 0.0, (it & 1) == 0 ? null : col);
        }
        if (Double.isNaN(sink)) throw new AssertionError();
    }

    /** Dot products of the tile's query rows with the panel columns: {@code dots[r][j]}. */
    final double[][] dots;
    /** Per column: the fast exp's polynomial part and its power of two. */
    double[] p;
    double[] k;

    /**
     * Buffers for {@code rows} query rows (1..4) against panels of up to {@code width} columns; see
     * {@link #reserve} for wider ones.
     */
    TileKernel(int rows, int width) {
        dots = new double[rows][width];
        p = new double[width];
        k = new double[width];
    }

    /** Widens the buffers to at least {@code width} columns (to twice their width, at least). */
    void reserve(int width) {
        if (p.length >= width) return;
        int n = Math.max(width, 2 * p.length);
        for (int r = 0; r < dots.length; r++) dots[r] = new double[n];
        p = new double[n];
        k = new double[n];
    }

    /**
     * a_r[j] = x_r · y_j for four query rows at offsets o0..o3. The component loop is unrolled by
     * three with the FMAs nested in component order, so each a_r[j] is the same sequential FMA chain
     * as in {@link #dots1} (bit-identical), while every load/store of an accumulator carries three
     * FMAs instead of one, which roughly doubles the throughput of a plain component loop (figures
     * in docs/benchmarks.md, "Micro-kernels").
     */
    static void dots4(double[] x, int o0, int o1, int o2, int o3, int dim, double[][] pl, int nb,
                      double[] a0, double[] a1, double[] a2, double[] a3) {
        dots4(x, o0, o1, o2, o3, dim, pl, 0, nb, a0, a1, a2, a3);
    }

    /** {@link #dots4} for panel columns [j0, j1) only. */
    static void dots4(double[] x, int o0, int o1, int o2, int o3, int dim, double[][] pl, int j0, int j1,
                      double[] a0, double[] a1, double[] a2, double[] a3) {
        Arrays.fill(a0, j0, j1, 0.0);
        Arrays.fill(a1, j0, j1, 0.0);
        Arrays.fill(a2, j0, j1, 0.0);
        Arrays.fill(a3, j0, j1, 0.0);
        int k = 0;
        for (; k + 3 <= dim; k += 3) {
            double x00 = x[o0 + k], x01 = x[o0 + k + 1], x02 = x[o0 + k + 2];
            double x10 = x[o1 + k], x11 = x[o1 + k + 1], x12 = x[o1 + k + 2];
            double x20 = x[o2 + k], x21 = x[o2 + k + 1], x22 = x[o2 + k + 2];
            double x30 = x[o3 + k], x31 = x[o3 + k + 1], x32 = x[o3 + k + 2];
            double[] y0 = pl[k];
            double[] y1 = pl[k + 1];
            double[] y2 = pl[k + 2];
            for (int j = j0; j < j1; j++) {
                double v0 = y0[j];
                double v1 = y1[j];
                double v2 = y2[j];
                a0[j] = Math.fma(x02, v2, Math.fma(x01, v1, Math.fma(x00, v0, a0[j])));
                a1[j] = Math.fma(x12, v2, Math.fma(x11, v1, Math.fma(x10, v0, a1[j])));
                a2[j] = Math.fma(x22, v2, Math.fma(x21, v1, Math.fma(x20, v0, a2[j])));
                a3[j] = Math.fma(x32, v2, Math.fma(x31, v1, Math.fma(x30, v0, a3[j])));
            }
        }
        for (; k < dim; k++) {
            double x0 = x[o0 + k];
            double x1 = x[o1 + k];
            double x2 = x[o2 + k];
            double x3 = x[o3 + k];
            double[] y = pl[k];
            for (int j = j0; j < j1; j++) {
                double v = y[j];
                a0[j] = Math.fma(x0, v, a0[j]);
                a1[j] = Math.fma(x1, v, a1[j]);
                a2[j] = Math.fma(x2, v, a2[j]);
                a3[j] = Math.fma(x3, v, a3[j]);
            }
        }
    }

    /**
     * a[j] = x · y_j for one query row at offset o: the FMA chain of {@link #dots4}, unrolled by
     * three in the same way (bit-identical to the plain component loop, fewer accumulator loads).
     */
    static void dots1(double[] x, int o, int dim, double[][] pl, int nb, double[] a) {
        dots1(x, o, dim, pl, 0, nb, a);
    }

    /** {@link #dots1} for panel columns [j0, j1) only (a[j] for j in that range). */
    static void dots1(double[] x, int o, int dim, double[][] pl, int j0, int j1, double[] a) {
        Arrays.fill(a, j0, j1, 0.0);
        int k = 0;
        for (; k + 3 <= dim; k += 3) {
            double x0 = x[o + k], x1 = x[o + k + 1], x2 = x[o + k + 2];
            double[] y0 = pl[k];
            double[] y1 = pl[k + 1];
            double[] y2 = pl[k + 2];
            for (int j = j0; j < j1; j++) a[j] = Math.fma(x2, y2[j], Math.fma(x1, y1[j], Math.fma(x0, y0[j], a[j])));
        }
        for (; k < dim; k++) {
            double x0 = x[o + k];
            double[] y = pl[k];
            for (int j = j0; j < j1; j++) a[j] = Math.fma(x0, y[j], a[j]);
        }
    }

    static double minDist(double[] dot, double[] nr, int nb, double nq) {
        return minDist(dot, nr, 0, nb, nq);
    }

    /** {@link #minDist} over columns [j0, j1). */
    static double minDist(double[] dot, double[] nr, int j0, int j1, double nq) {
        double m = Double.POSITIVE_INFINITY;
        for (int j = j0; j < j1; j++) m = Math.min(m, Math.max(nq + nr[j] - 2.0 * dot[j], 0.0));
        return m;
    }

    /**
     * Σ_j e^{max(z_j - m, CLAMP)} with the fast exp, z_j = -d²_j·c; adds each term to col[j] when col
     * is given.
     */
    static double fastTerms(double[] dot, double[] nr, int nb, double nq, double c, double m, double[] p, double[] kk, double[] col) {
        return fastTerms(dot, nr, 0, nb, nq, c, m, p, kk, col);
    }

    /** {@link #fastTerms} over columns [j0, nb). */
    static double fastTerms(double[] dot, double[] nr, int j0, int nb, double nq, double c, double m, double[] p, double[] kk, double[] col) {
        expParts(dot, nr, j0, nb, nq, c, m, CLAMP, p, kk);
        double s0 = 0;
        double s1 = 0;
        if (col == null) {
            int j = j0;
            for (; j + 1 < nb; j += 2) {
                s0 += p[j] * FastExp.pow2(kk[j]);
                s1 += p[j + 1] * FastExp.pow2(kk[j + 1]);
            }
            if (j < nb) s0 += p[j] * FastExp.pow2(kk[j]);
        } else {
            for (int j = j0; j < nb; j++) {
                double e = p[j] * FastExp.pow2(kk[j]);
                s0 += e;
                col[j] += e;
            }
        }
        return s0 + s1;
    }

    /**
     * Terms e_j = exp(max(-d²_j·c, UNSHIFTED_CLAMP)) of one row against the columns j of a leaf:
     * returns Σ e_j·rm[o+j] and adds e_j to col[o + j] (a row mask and column sums at offset o).
     */
    static double maskedTerms(double[] dot, double[] nr, int nb, double nq, double c, double[] pp, double[] kk, double[] rm,
                              double[] col, int o) {
        expParts(dot, nr, 0, nb, nq, c, 0.0, UNSHIFTED_CLAMP, pp, kk);
        double row0 = 0;
        double row1 = 0;
        int j = 0;
        for (; j + 1 < nb; j += 2) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            double e1 = pp[j + 1] * FastExp.pow2(kk[j + 1]);
            row0 = Math.fma(e0, rm[o + j], row0);
            row1 = Math.fma(e1, rm[o + j + 1], row1);
            col[o + j] += e0;
            col[o + j + 1] += e1;
        }
        if (j < nb) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            row0 = Math.fma(e0, rm[o + j], row0);
            col[o + j] += e0;
        }
        return row0 + row1;
    }

    /** Σ_j e^{z_j - m} with {@link Math#exp}, no clamp (brute force). */
    static double exactTerms(double[] dot, double[] nr, int nb, double nq, double c, double m, double[] col) {
        double s = 0;
        for (int j = 0; j < nb; j++) {
            double d2 = Math.max(nq + nr[j] - 2.0 * dot[j], 0.0);
            double e = Math.exp(-d2 * c - m);
            s += e;
            if (col != null) col[j] += e;
        }
        return s;
    }

    /**
     * The vector half of the fast exp for columns [j0, nb): with t = max(-d²_j·c - m, clamp) =
     * k·ln2 + r, p[j] = e^r and kk[j] = k, so that the term is p[j]·2^kk[j]. A shift m of 0.0 leaves
     * the exponent exactly as it is (x - 0.0 == x for every double x).
     */
    private static void expParts(double[] dot, double[] nr, int j0, int nb, double nq, double c, double m, double clamp,
                                 double[] p, double[] kk) {
        for (int j = j0; j < nb; j++) {
            double d2 = Math.max(nq + nr[j] - 2.0 * dot[j], 0.0);
            double t = Math.max(-d2 * c - m, clamp);
            double k = Math.fma(t, FastExp.LOG2E, FastExp.ROUND) - FastExp.ROUND;
            double rr = Math.fma(k, -FastExp.LN2_HI, t);
            rr = Math.fma(k, -FastExp.LN2_LO, rr);
            p[j] = FastExp.poly(rr);
            kk[j] = k;
        }
    }
}
