package io.atomcover.kde;

import io.atomcover.descriptor.Descriptors;

import java.util.Arrays;

/**
 * The CPU backend's {@link PrefixSession}. One {@link RowIndex} over all dataset rows (one
 * principal-axis projection) and a {@link LeafTree} over its leaves are built once; an append then
 * evaluates each new row against the leaves within the band and, the kernel being symmetric, gets
 * from the same terms both the new rows' sums (row sums over prefix rows) and the increments of
 * every other row that needs them (column sums): earlier prefix rows, and dataset rows whose
 * overlap sum has not crossed yet. Crossed rows outside the prefix are switched off, and so are
 * leaves and tree nodes with no row switched on.
 *
 * <h2>Which terms count</h2>
 * Prefix sums are self-inclusive, so p ≥ 1; an overlap sum only matters against the threshold
 * {@code e^{-eps}}. A term below {@code 1e-17·min(1, e^{-eps})} is dropped: a row has at most N of
 * them, so its sum changes by less than N·1e-17 relative to p or to the threshold (1.3e-13 for the
 * 13,233 rows of Si-train) — the rule of {@link CpuKdeBackend}, here with the shift fixed at 0. In
 * distance terms only leaves with a lower bound within {@code d² ≤ 2h²(T + max(eps, 0))},
 * T = ln 1e17, of a new row are visited (8.85h for eps ≈ 0); inside a visited leaf every pair is
 * evaluated with the fast exp (clamped at the bottom of its normal range).
 *
 * <h2>Determinism</h2>
 * Tasks are leaves; a task sums its leaf's columns over the new rows in their order and keeps its
 * part of each new row's sum separately; parts are added in leaf order afterwards. Nothing depends
 * on the thread count.
 */
final class CpuPrefixSession implements PrefixSession {
    /** Rows per leaf of the index. */
    static final int LEAF = 32;
    /** Lowest exponent evaluated: terms further out are e^-708 ≈ 3e-308 instead. */
    static final double CLAMP = FastExp.MIN_NORMAL_ARG;
    /** Appends evaluating fewer pairs than this stay on the calling thread. */
    static final long PARALLEL_PAIRS = 1L << 15;
    private static final double REL = 1 + 1e-9;
    private static final double ABS = 1e-12;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final CpuKdeBackend backend;
    private final int[] off;
    private final double c;
    /** Band distance with the rounding margin. */
    private final double limit;
    private final double eps;
    private final boolean overlap;
    private final RowIndex index;
    private final LeafTree tree;
    /** Index position of each dataset row; leaf of each position. */
    private final int[] position;
    private final int[] leafOf;
    /** By position: 1 where the row's terms count in a new row's sum (prefix rows, new rows included). */
    private final double[] rowMask;
    /** By position: 1 where the row takes column sums (earlier prefix rows, rows not crossed yet). */
    private final double[] colMask;
    /** By position: overlap sums of rows not crossed yet, and whether they crossed. */
    private final double[] cover;
    private final boolean[] crossed;
    /** Rows switched on per leaf; leaves switched on per tree node. */
    private final int[] activeRows;
    private final int[] activeLeaves;
    private final boolean[] taken;
    private int[] grown = new int[64];
    private int covered;
    private int rowsSoFar;

    CpuPrefixSession(CpuKdeBackend backend, Descriptors d, double h, boolean overlap, double eps) {
        if (!handles(overlap, eps)) throw new IllegalArgumentException("overlap threshold outside the session's range: " + eps);
        this.backend = backend;
        this.off = d.offsets();
        this.c = 1.0 / (2.0 * h * h);
        this.eps = eps;
        this.overlap = overlap;
        double band2 = 2.0 * h * h * (CpuKdeBackend.DROP_LOG + (overlap ? Math.max(eps, 0) : 0));
        limit = Math.sqrt(band2) * REL + ABS;
        RowBlock all = RowBlock.of(d);
        index = RowIndex.tree(all, Projection.principal(all, CpuKdeBackend.AXES), LEAF);
        tree = new LeafTree(new RowIndex[] {index}, new int[] {0, index.leaves});
        int rows = d.rows();
        position = new int[rows];
        for (int p = 0; p < rows; p++) position[index.order[p]] = p;
        leafOf = new int[rows];
        for (int b = 0; b < index.leaves; b++) Arrays.fill(leafOf, index.leafStart[b], index.leafStart[b + 1], b);
        rowMask = new double[rows];
        colMask = new double[rows];
        cover = overlap ? new double[rows] : null;
        crossed = overlap ? new boolean[rows] : null;
        activeRows = new int[index.leaves];
        activeLeaves = new int[tree.nodes];
        taken = new boolean[d.structureCount()];
        if (overlap) for (int p = 0; p < rows; p++) setMasks(p, 0.0, 1.0);
    }

    /**
     * Whether a session can take this threshold: the band must stay inside the range where terms
     * are evaluated (eps below about 668; any eps without overlap).
     */
    static boolean handles(boolean overlap, double eps) {
        return !overlap || eps < -CLAMP - CpuKdeBackend.DROP_LOG - 1;
    }

    @Override
    public int append(int s, double[] sums) {
        if (taken[s]) throw new IllegalArgumentException("structure " + s + " was appended already");
        taken[s] = true;
        int first = off[s];
        int m = off[s + 1] - first;
        if (m == 0) return 0;
        int[] qp = new int[m];
        for (int i = 0; i < m; i++) {
            qp[i] = position[first + i];
            setMasks(qp[i], 1.0, 0.0); // in the new rows' sums; their own come from those sums
        }
        Tasks tasks = tasks(qp);
        double[] rowPart = new double[tasks.pairs];
        double[] colSum = new double[tasks.leaf.length * LEAF];
        CpuKdeBackend.IntTask body = t -> evaluate(tasks, t, qp, rowPart, colSum);
        long evaluated = 0;
        for (int t = 0; t < tasks.leaf.length; t++) evaluated += (long) (tasks.start[t + 1] - tasks.start[t]) * index.leafSize(tasks.leaf[t]);
        if (evaluated >= PARALLEL_PAIRS) backend.forEach(tasks.leaf.length, body);
        else for (int t = 0; t < tasks.leaf.length; t++) body.run(t);
        backend.countEvaluated(evaluated);
        backend.countRequested((long) m * (rowsSoFar + m) + (overlap ? (long) m * position.length : 0));
        rowsSoFar += m;

        double[] p = new double[m];
        for (int t = 0; t < tasks.leaf.length; t++)
            for (int k = tasks.start[t]; k < tasks.start[t + 1]; k++) p[tasks.row[k]] += rowPart[k];
        System.arraycopy(p, 0, sums, first, m);
        int n = 0;
        for (int t = 0; t < tasks.leaf.length; t++) {
            int pb = index.leafStart[tasks.leaf[t]];
            int nb = index.leafSize(tasks.leaf[t]);
            for (int j = 0; j < nb; j++) {
                double v = colSum[t * LEAF + j];
                if (v == 0) continue;
                int pos = pb + j;
                if (rowMask[pos] == 1.0) {
                    if (n == grown.length) grown = Arrays.copyOf(grown, 2 * n);
                    grown[n++] = index.order[pos];
                    sums[index.order[pos]] = v;
                }
                if (overlap && !crossed[pos]) {
                    cover[pos] += v;
                    cross(pos);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (overlap && !crossed[qp[i]]) {
                cover[qp[i]] = p[i]; // the sum against the whole prefix, replacing the earlier parts
                cross(qp[i]);
            }
            setMasks(qp[i], 1.0, 1.0);
        }
        return n;
    }

    @Override
    public int[] grown() {
        return grown;
    }

    @Override
    public int covered() {
        return covered;
    }

    /** Counts the row at position pos as covered once its overlap sum crosses the threshold. */
    private void cross(int pos) {
        if (!(-Math.log(cover[pos]) < eps)) return;
        crossed[pos] = true;
        covered++;
        setMasks(pos, rowMask[pos], rowMask[pos]); // prefix rows keep their column sums
    }

    /** Sets the masks of a position and keeps the leaf and node activity counts in step. */
    private void setMasks(int pos, double row, double col) {
        boolean was = rowMask[pos] + colMask[pos] > 0;
        rowMask[pos] = row;
        colMask[pos] = col;
        boolean is = row + col > 0;
        if (was == is) return;
        int leaf = leafOf[pos];
        int delta = is ? 1 : -1;
        activeRows[leaf] += delta;
        if (activeRows[leaf] == (is ? 1 : 0))
            for (int n = tree.nodeOf[leaf]; n != LeafTree.NONE; n = tree.parent[n]) activeLeaves[n] += delta;
    }

    /** (leaf, new row) pairs within the band, grouped by leaf in increasing order, rows in order within a leaf. */
    private Tasks tasks(int[] qp) {
        int m = qp.length;
        int[][] cand = new int[m][];
        CpuKdeBackend.IntTask find = i -> cand[i] = candidates(qp[i]);
        if ((long) m * position.length >= PARALLEL_PAIRS * 4) backend.forEach(m, find);
        else for (int i = 0; i < m; i++) find.run(i);
        int[] perLeaf = new int[index.leaves + 1];
        int pairs = 0;
        for (int[] cs : cand) {
            for (int b : cs) perLeaf[b + 1]++;
            pairs += cs.length;
        }
        int used = 0;
        for (int b = 0; b < index.leaves; b++) if (perLeaf[b + 1] > 0) used++;
        Tasks t = new Tasks(used, pairs);
        int[] slot = new int[index.leaves];
        int u = 0;
        for (int b = 0; b < index.leaves; b++) {
            if (perLeaf[b + 1] == 0) continue;
            t.leaf[u] = b;
            t.start[u + 1] = t.start[u] + perLeaf[b + 1];
            slot[b] = t.start[u];
            u++;
        }
        for (int i = 0; i < m; i++)
            for (int b : cand[i]) t.row[slot[b]++] = i;
        return t;
    }

    /** Switched-on leaves whose lower bound to the row at position p is within the band, in increasing order. */
    private int[] candidates(int p) {
        Scratch sc = SCRATCH.get();
        sc.found = 0;
        visit(sc, p, 0);
        int[] res = Arrays.copyOf(sc.leaves, sc.found);
        Arrays.sort(res);
        return res;
    }

    private void visit(Scratch sc, int p, int n) {
        if (activeLeaves[n] == 0 || beyond(p, tree.boxLo, tree.boxHi, n)) return;
        if (!tree.isLeaf(n)) {
            visit(sc, p, tree.left[n]);
            visit(sc, p, tree.right[n]);
            return;
        }
        for (int i = tree.start[n]; i < tree.end[n]; i++) {
            int b = tree.perm[i];
            if (activeRows[b] == 0 || beyond(p, index.boxLo, index.boxHi, b)) continue;
            if (sc.found == sc.leaves.length) sc.leaves = Arrays.copyOf(sc.leaves, 2 * sc.found);
            sc.leaves[sc.found++] = b;
        }
    }

    /**
     * Whether the projected point-to-box distance from the row at position p to box b (of the
     * index or the tree) exceeds the band. The boxes alone: the balls of {@link RowIndex} excluded
     * under 0.1% of the leaves the boxes kept on Si-train and QM7, at several times the cost.
     */
    private boolean beyond(int p, double[] lo, double[] hi, int b) {
        int axes = index.axes;
        int po = p * axes;
        int bo = b * axes;
        double[] u = index.projectedAt;
        double box = 0;
        for (int k = 0; k < axes; k++) {
            double g = Math.max(Math.max(lo[bo + k] - u[po + k], u[po + k] - hi[bo + k]), 0.0);
            box = Math.fma(g, g, box);
        }
        return Math.sqrt(box) > limit;
    }

    /** Task t: the new rows of its list against its leaf; row parts into rowPart, column sums into colSum. */
    private void evaluate(Tasks tasks, int t, int[] qp, double[] rowPart, double[] colSum) {
        Scratch sc = SCRATCH.get();
        int b = tasks.leaf[t];
        int pb = index.leafStart[b];
        int nb = index.leafSize(b);
        double[][] pl = index.panel[b];
        double[] nr = index.leafNorms[b];
        double[] x = index.data;
        int dim = index.dim;
        int co = t * LEAF;
        int k = tasks.start[t];
        int end = tasks.start[t + 1];
        for (; k + 4 <= end; k += 4) {
            int p0 = qp[tasks.row[k]], p1 = qp[tasks.row[k + 1]], p2 = qp[tasks.row[k + 2]], p3 = qp[tasks.row[k + 3]];
            CpuKdeBackend.dots4(x, p0 * dim, p1 * dim, p2 * dim, p3 * dim, dim, pl, nb, sc.a0, sc.a1, sc.a2, sc.a3);
            rowPart[k] = terms(sc.a0, nr, nb, index.norms[p0], pb, colSum, co, sc);
            rowPart[k + 1] = terms(sc.a1, nr, nb, index.norms[p1], pb, colSum, co, sc);
            rowPart[k + 2] = terms(sc.a2, nr, nb, index.norms[p2], pb, colSum, co, sc);
            rowPart[k + 3] = terms(sc.a3, nr, nb, index.norms[p3], pb, colSum, co, sc);
        }
        for (; k < end; k++) {
            int p0 = qp[tasks.row[k]];
            dots1(x, p0 * dim, dim, pl, nb, sc.a0);
            rowPart[k] = terms(sc.a0, nr, nb, index.norms[p0], pb, colSum, co, sc);
        }
    }

    /**
     * a[j] = x · y_j for one row at offset o: {@link CpuKdeBackend#dots1} with the component loop
     * unrolled by three and the FMAs nested in component order (bit-identical, as in
     * {@link CpuKdeBackend#dots4}), so each load and store of a[j] carries three FMAs. Appends of
     * small molecules leave most leaves with fewer than four new rows, which then come here.
     */
    static void dots1(double[] x, int o, int dim, double[][] pl, int nb, double[] a) {
        Arrays.fill(a, 0, nb, 0.0);
        int k = 0;
        for (; k + 3 <= dim; k += 3) {
            double x0 = x[o + k], x1 = x[o + k + 1], x2 = x[o + k + 2];
            double[] y0 = pl[k];
            double[] y1 = pl[k + 1];
            double[] y2 = pl[k + 2];
            for (int j = 0; j < nb; j++) a[j] = Math.fma(x2, y2[j], Math.fma(x1, y1[j], Math.fma(x0, y0[j], a[j])));
        }
        for (; k < dim; k++) {
            double x0 = x[o + k];
            double[] y = pl[k];
            for (int j = 0; j < nb; j++) a[j] = Math.fma(x0, y[j], a[j]);
        }
    }

    /**
     * Terms e_j = exp(max(-d²_j/(2h²), CLAMP)) of one new row against leaf columns j (positions
     * pb + j): returns Σ e_j·rowMask_j and adds e_j·colMask_j to col[co + j]. Same split as
     * {@link CpuKdeBackend#fastTerms}: a vector loop for the polynomial, a scalar one for 2^k.
     */
    private double terms(double[] dot, double[] nr, int nb, double nq, int pb, double[] col, int co, Scratch sc) {
        double[] pp = sc.p;
        double[] kk = sc.k;
        for (int j = 0; j < nb; j++) {
            double d2 = Math.max(nq + nr[j] - 2.0 * dot[j], 0.0);
            double t = Math.max(-d2 * c, CLAMP);
            double k = Math.fma(t, FastExp.LOG2E, FastExp.ROUND) - FastExp.ROUND;
            double r = Math.fma(k, -FastExp.LN2_HI, t);
            r = Math.fma(k, -FastExp.LN2_LO, r);
            pp[j] = FastExp.poly(r);
            kk[j] = k;
        }
        double row0 = 0;
        double row1 = 0;
        int j = 0;
        for (; j + 1 < nb; j += 2) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            double e1 = pp[j + 1] * FastExp.pow2(kk[j + 1]);
            row0 += e0 * rowMask[pb + j];
            row1 += e1 * rowMask[pb + j + 1];
            col[co + j] += e0 * colMask[pb + j];
            col[co + j + 1] += e1 * colMask[pb + j + 1];
        }
        if (j < nb) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            row0 += e0 * rowMask[pb + j];
            col[co + j] += e0 * colMask[pb + j];
        }
        return row0 + row1;
    }

    /** Tasks of one append: task t is leaf[t] against new rows row[start[t] .. start[t+1]). */
    private static final class Tasks {
        final int[] leaf;
        final int[] start;
        final int[] row;
        final int pairs;

        Tasks(int leaves, int pairs) {
            leaf = new int[leaves];
            start = new int[leaves + 1];
            row = new int[pairs];
            this.pairs = pairs;
        }
    }

    /** Per-thread scratch: one tile edge of dot products and exp parts, and a leaf list. */
    private static final class Scratch {
        final double[] a0 = new double[LEAF];
        final double[] a1 = new double[LEAF];
        final double[] a2 = new double[LEAF];
        final double[] a3 = new double[LEAF];
        final double[] p = new double[LEAF];
        final double[] k = new double[LEAF];
        int[] leaves = new int[64];
        int found;
    }
}
