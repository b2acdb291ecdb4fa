package io.atomcover.backend.cpu;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The leaves of a {@link CpuPrefixSession}'s index as the session sees them: which rows of each
 * leaf are switched on, the leaf's evaluated columns, and the search for the leaves within the band
 * of a row (a {@link LeafTree} over the leaves, built once, with per-node counts of switched-on
 * leaves so empty subtrees are skipped).
 *
 * <p>A leaf keeps its switched-on rows as its columns: the index is the session's own, and its leaf
 * panel, norms and projected box are rewritten in place for just these rows when one of them is
 * missing (a row came back on) or more than a quarter of the columns went off. The tree's node boxes
 * were built from the full leaves, so they bound any subset.
 */
final class PrefixLeaves {
    private static final double REL = 1 + 1e-9;
    private static final double ABS = 1e-12;
    private static final ThreadLocal<int[][]> FOUND = ThreadLocal.withInitial(() -> new int[][] {new int[64]});

    private final RowIndex index;
    private final LeafTree tree;
    /** Band distance with the rounding margin. */
    private final double limit;
    /** Leaf of each index position. */
    private final int[] leafOf;
    /** Rows switched on per leaf; leaves switched on per tree node. */
    private final int[] activeRows;
    private final int[] activeLeaves;
    /** Columns of leaf b: positions cols[b][0 .. width[b]), increasing; inPanel by position. */
    private final int[][] cols;
    private final int[] width;
    private final boolean[] inPanel;

    /** All rows start as columns and switched off; call {@link #refresh} for every leaf. */
    PrefixLeaves(RowIndex index, double band) {
        this.index = index;
        this.limit = band * REL + ABS;
        tree = new LeafTree(new RowIndex[] {index}, new int[] {0, index.leaves});
        leafOf = new int[index.rows];
        activeRows = new int[index.leaves];
        activeLeaves = new int[tree.nodes];
        cols = new int[index.leaves][];
        width = new int[index.leaves];
        for (int b = 0; b < index.leaves; b++) {
            Arrays.fill(leafOf, index.leafStart[b], index.leafStart[b + 1], b);
            width[b] = index.leafSize(b);
            cols[b] = new int[width[b]];
            for (int j = 0; j < width[b]; j++) cols[b][j] = index.leafStart[b] + j;
        }
        inPanel = new boolean[index.rows];
        Arrays.fill(inPanel, true);
    }

    int leafOf(int pos) {
        return leafOf[pos];
    }

    /** Positions of leaf b's columns (the first {@link #width} entries). */
    int[] cols(int b) {
        return cols[b];
    }

    int width(int b) {
        return width[b];
    }

    /**
     * Counts the rows of leaf b that are switched on, updates the node counts, and rebuilds the
     * leaf's columns when a switched-on row is missing from them or more than a quarter of them are
     * switched off.
     */
    void refresh(int b, IntPredicate on) {
        int n = 0;
        boolean missing = false;
        for (int p = index.leafStart[b]; p < index.leafStart[b + 1]; p++) {
            if (!on.test(p)) continue;
            n++;
            missing |= !inPanel[p];
        }
        if ((n > 0) != (activeRows[b] > 0)) {
            int delta = n > 0 ? 1 : -1;
            for (int node = tree.nodeOf[b]; node != LeafTree.NONE; node = tree.parent[node]) activeLeaves[node] += delta;
        }
        activeRows[b] = n;
        if (missing || 4 * (width[b] - n) > width[b]) rebuild(b, on);
    }

    /** Leaf b's panel, norms and box rewritten for its switched-on rows. */
    private void rebuild(int b, IntPredicate on) {
        int[] cb = cols[b];
        for (int j = 0; j < width[b]; j++) inPanel[cb[j]] = false;
        int w = 0;
        for (int p = index.leafStart[b]; p < index.leafStart[b + 1]; p++)
            if (on.test(p)) {
                cb[w++] = p;
                inPanel[p] = true;
            }
        width[b] = w;
        int dim = index.dim;
        double[][] pl = index.panel[b];
        for (int j = 0; j < w; j++) {
            int o = cb[j] * dim;
            for (int k = 0; k < dim; k++) pl[k][j] = index.data[o + k];
            index.leafNorms[b][j] = index.norms[cb[j]];
        }
        int axes = index.axes;
        for (int k = 0; k < axes; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < w; j++) {
                double u = index.projectedAt[cb[j] * axes + k];
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
            index.boxLo[b * axes + k] = lo;
            index.boxHi[b * axes + k] = hi;
        }
    }

    /** Switched-on leaves whose box is within the band of the row at position p, in increasing order (any thread, between refreshes). */
    int[] candidates(int p) {
        int[][] found = FOUND.get();
        int n = tree.nodes > 0 ? visit(found, p, 0, 0) : 0;
        int[] res = Arrays.copyOf(found[0], n);
        Arrays.sort(res);
        return res;
    }

    /** Appends the leaves under node n to found[0], from entry {@code at} on; returns the new count. */
    private int visit(int[][] found, int p, int n, int at) {
        if (activeLeaves[n] == 0 || beyond(p, tree.boxLo, tree.boxHi, n)) return at;
        if (!tree.isLeaf(n)) return visit(found, p, tree.right[n], visit(found, p, tree.left[n], at));
        for (int i = tree.start[n]; i < tree.end[n]; i++) {
            int b = tree.perm[i];
            if (activeRows[b] == 0 || beyond(p, index.boxLo, index.boxHi, b)) continue;
            if (at == found[0].length) found[0] = Arrays.copyOf(found[0], 2 * at);
            found[0][at++] = b;
        }
        return at;
    }

    /**
     * Whether the projected point-to-box distance from the row at position p to box b (of the
     * index or the tree) exceeds the band. The boxes alone: the balls of {@link RowIndex} exclude
     * under 0.1 % of the leaves the boxes keep on Si-train and QM7, at several times the cost.
     */
    private boolean beyond(int p, double[] lo, double[] hi, int b) {
        return RowIndex.boxGap(index.projectedAt, p * index.axes, lo, hi, b * index.axes, index.axes) > limit;
    }
}
