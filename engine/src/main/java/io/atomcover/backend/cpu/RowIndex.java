package io.atomcover.backend.cpu;

import io.atomcover.backend.RowBlock;


/**
 * A set of descriptor rows arranged for tiled kernel sums: rows reordered into leaves of at most
 * {@code leafSize} rows, each leaf also stored as a transposed panel ({@code panel[leaf][k][j]} =
 * component k of the leaf's j-th row) so the distance loop streams one contiguous array per
 * component — the form HotSpot C2 vectorises.
 *
 * <p>With a {@link Projection} the order comes from a k-d split of the projected rows (widest
 * projected coordinate, median split), so leaves are compact, and every leaf carries two bounds that
 * give exact lower bounds on the distance between any of its rows and any row of another leaf:
 * the box of its projected rows, and a ball (centre, radius) in the full space.
 */
final class RowIndex {
    final int dim;
    final int rows;
    /** order[p] = index (relative to the block's first row) of the row at position p. */
    final int[] order;
    /** Rows in position order, row-major. */
    final double[] data;
    /** Squared norms in position order. */
    final double[] norms;
    final int leaves;
    /** Leaf l holds positions [leafStart[l], leafStart[l+1]). */
    final int[] leafStart;
    final double[][][] panel;
    /** Squared norms per leaf, indexed like the panel columns. */
    final double[][] leafNorms;

    // Bounds, present only for tree indexes.
    final int axes;
    final double[] boxLo;
    final double[] boxHi;
    final double[] center;
    final double[] radius;
    /** Projected coordinates per position (positions × axes). */
    final double[] projectedAt;

    private RowIndex(RowBlock b, int[] order, int[] leafStart, Projection proj, double[] projected) {
        this.dim = b.dim();
        this.rows = b.count();
        this.order = order;
        this.leafStart = leafStart;
        this.leaves = leafStart.length - 1;
        data = new double[rows * dim];
        norms = new double[rows];
        double[] src = b.data();
        for (int p = 0; p < rows; p++) {
            int so = (b.first() + order[p]) * dim;
            System.arraycopy(src, so, data, p * dim, dim);
            double s = 0;
            for (int k = 0; k < dim; k++) s = Math.fma(data[p * dim + k], data[p * dim + k], s);
            norms[p] = s;
        }
        panel = new double[leaves][][];
        leafNorms = new double[leaves][];
        for (int l = 0; l < leaves; l++) {
            int p0 = leafStart[l];
            int nb = leafStart[l + 1] - p0;
            double[][] pl = new double[dim][nb];
            for (int j = 0; j < nb; j++)
                for (int k = 0; k < dim; k++) pl[k][j] = data[(p0 + j) * dim + k];
            panel[l] = pl;
            leafNorms[l] = java.util.Arrays.copyOfRange(norms, p0, p0 + nb);
        }
        if (proj == null) {
            axes = 0;
            boxLo = boxHi = center = radius = projectedAt = null;
            return;
        }
        axes = proj.axes;
        boxLo = new double[leaves * axes];
        boxHi = new double[leaves * axes];
        center = new double[leaves * dim];
        radius = new double[leaves];
        projectedAt = new double[rows * axes];
        for (int p = 0; p < rows; p++) System.arraycopy(projected, order[p] * axes, projectedAt, p * axes, axes);
        for (int l = 0; l < leaves; l++) {
            int p0 = leafStart[l];
            int p1 = leafStart[l + 1];
            for (int a = 0; a < axes; a++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int p = p0; p < p1; p++) {
                    double u = projected[order[p] * axes + a];
                    lo = Math.min(lo, u);
                    hi = Math.max(hi, u);
                }
                boxLo[l * axes + a] = lo;
                boxHi[l * axes + a] = hi;
            }
            int co = l * dim;
            for (int p = p0; p < p1; p++)
                for (int k = 0; k < dim; k++) center[co + k] += data[p * dim + k];
            for (int k = 0; k < dim; k++) center[co + k] /= (p1 - p0);
            double rmax = 0;
            for (int p = p0; p < p1; p++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = data[p * dim + k] - center[co + k];
                    s += d * d;
                }
                rmax = Math.max(rmax, s);
            }
            radius[l] = Math.sqrt(rmax);
        }
    }

    int leafSize(int l) {
        return leafStart[l + 1] - leafStart[l];
    }

    /** Rows in their given order, cut into consecutive leaves; no bounds (the brute-force layout). */
    static RowIndex flat(RowBlock b, int leafSize) {
        int n = b.count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int leaves = (n + leafSize - 1) / leafSize;
        int[] start = new int[leaves + 1];
        for (int l = 0; l <= leaves; l++) start[l] = Math.min(n, l * leafSize);
        return new RowIndex(b, order, start, null, null);
    }

    /** Rows reordered by a k-d split of their projections; leaves of at most {@code leafSize} rows. */
    static RowIndex tree(RowBlock b, Projection proj, int leafSize) {
        int n = b.count();
        int m = proj.axes;
        double[] u = new double[n * m];
        for (int i = 0; i < n; i++) proj.project(b.data(), b.first() + i, u, i * m);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.ArrayList<Integer> starts = new java.util.ArrayList<>();
        split(order, 0, n, u, m, leafSize, starts);
        int[] start = new int[starts.size() + 1];
        for (int l = 0; l < starts.size(); l++) start[l] = starts.get(l);
        start[starts.size()] = n;
        return new RowIndex(b, order, start, proj, u);
    }

    private static void split(int[] idx, int lo, int hi, double[] u, int m, int leafSize, java.util.List<Integer> starts) {
        if (hi - lo <= leafSize) {
            if (hi > lo) starts.add(lo);
            return;
        }
        int best = widestAxis(u, m, idx, lo, hi);
        // Split so that the left part holds a whole number of full leaves: leaves stay full.
        int leavesHere = (hi - lo + leafSize - 1) / leafSize;
        int mid = lo + (leavesHere / 2) * leafSize;
        select(idx, lo, hi - 1, mid, u, m, best);
        split(idx, lo, mid, u, m, leafSize, starts);
        split(idx, mid, hi, u, m, leafSize, starts);
    }

    /** The coordinate (of m per point in u) with the largest spread over points idx[lo..hi). */
    static int widestAxis(double[] u, int m, int[] idx, int lo, int hi) {
        int best = 0;
        double spread = -1;
        for (int a = 0; a < m; a++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = u[idx[i] * m + a];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            if (mx - mn > spread) {
                spread = mx - mn;
                best = a;
            }
        }
        return best;
    }

    /** Quickselect: afterwards idx[k] has the key it would have sorted, smaller keys before it. */
    private static void select(int[] idx, int lo, int hi, int k, double[] u, int m, int a) {
        while (hi > lo) {
            double pivot = u[idx[(lo + hi) >>> 1] * m + a];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (u[idx[i] * m + a] < pivot) i++;
                while (u[idx[j] * m + a] > pivot) j--;
                if (i <= j) {
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /**
     * A lower bound of |x_p - y| over y in leaf b of this index, x_p the row at position p: the
     * projected point-to-box distance alone (cheaper than {@link #rowLowerBound}, whose ball part
     * costs a full-dimension distance and seldom excludes more).
     */
    double rowBoxBound(int p, int b) {
        return boxGap(projectedAt, p * axes, boxLo, boxHi, b * axes, axes);
    }

    /** Distance from point u[po..po+axes) to box [lo, hi] at offset bo (0 inside). */
    static double boxGap(double[] u, int po, double[] lo, double[] hi, int bo, int axes) {
        double s = 0;
        for (int k = 0; k < axes; k++) {
            double g = Math.max(Math.max(lo[bo + k] - u[po + k], u[po + k] - hi[bo + k]), 0.0);
            s = Math.fma(g, g, s);
        }
        return Math.sqrt(s);
    }

    /**
     * A lower bound of |x_p - y| over y in leaf b of {@code other}, x_p the row at position p of this
     * index: the larger of the projected point-to-box distance and the distance to the ball.
     */
    double rowLowerBound(int p, RowIndex other, int b) {
        return Math.max(Math.sqrt(boxGap2(p, other, b)), centreDistance(p, other, b) - other.radius[b]);
    }

    /**
     * Bounds of |x_p - y| over y in leaf b of {@code other}: out[0] the lower bound of
     * {@link #rowLowerBound} (the same arithmetic), out[1] the upper bound |x_p - centre| + radius.
     */
    void rowBounds(int p, RowIndex other, int b, double[] out) {
        double centre = centreDistance(p, other, b);
        out[0] = Math.max(Math.sqrt(boxGap2(p, other, b)), centre - other.radius[b]);
        out[1] = centre + other.radius[b];
    }

    /** Squared distance from the projection of position p to the projected box of leaf b of {@code other}. */
    private double boxGap2(int p, RowIndex other, int b) {
        double s = 0;
        int po = p * axes;
        int bo = b * axes;
        for (int k = 0; k < axes; k++) {
            double u = projectedAt[po + k];
            double g = Math.max(other.boxLo[bo + k] - u, u - other.boxHi[bo + k]);
            if (g > 0) s += g * g;
        }
        return s;
    }

    /** |x_p - centre of leaf b of {@code other}|. */
    private double centreDistance(int p, RowIndex other, int b) {
        double c = 0;
        int xo = p * dim;
        int cb = b * dim;
        for (int k = 0; k < dim; k++) {
            double d = data[xo + k] - other.center[cb + k];
            c = Math.fma(d, d, c);
        }
        return Math.sqrt(c);
    }

    /**
     * A lower bound of |x - y| over x in leaf a of this index and y in leaf b of {@code other} (both
     * built with the same projection): the larger of the projected box gap and the ball gap.
     */
    double lowerBound(int a, RowIndex other, int b) {
        double s = 0;
        int ao = a * axes;
        int bo = b * axes;
        for (int k = 0; k < axes; k++) {
            double g = Math.max(other.boxLo[bo + k] - boxHi[ao + k], boxLo[ao + k] - other.boxHi[bo + k]);
            if (g > 0) s += g * g;
        }
        double box = Math.sqrt(s);
        double c = 0;
        int ca = a * dim;
        int cb = b * dim;
        for (int k = 0; k < dim; k++) {
            double d = center[ca + k] - other.center[cb + k];
            c += d * d;
        }
        double ball = Math.sqrt(c) - radius[a] - other.radius[b];
        return Math.max(box, ball);
    }
}
