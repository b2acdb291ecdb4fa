package io.atomcover.backend.cpu;

import java.util.Arrays;

/**
 * A static tree over the leaves of one or more {@link RowIndex}es, in which leaves are switched on
 * as rows in them are picked. Built once from all leaves (k-d split of the leaves' projected box
 * centres), so its node bounds — the union of the leaves' projected boxes — hold for any subset;
 * each node also keeps the latest pick among its switched-on leaves, so a search for "picks from f
 * on" skips every node with nothing that recent. Lets a row's update visit only the picked leaves
 * that can matter instead of all of them.
 */
final class LeafTree {
    /** Leaves per tree leaf node, unless the constructor is told otherwise. */
    static final int NODE = 8;
    private final int nodeSize;
    static final int NONE = -1;

    final RowIndex[] owner;
    final int[] leafNo;
    /** Pick index of each global leaf's structure, NONE while not picked. */
    final int[] pickOf;
    final int axes;
    // Nodes: leaves perm[start, end), explicit children and parent.
    int nodes;
    int[] start;
    int[] end;
    int[] left;
    int[] right;
    int[] parent;
    int[] maxPick;
    double[] boxLo;
    double[] boxHi;
    final int[] perm;
    /** Node of each global leaf. */
    final int[] nodeOf;

    /** @param first first global leaf of each structure (length S+1) */
    LeafTree(RowIndex[] index, int[] first) {
        this(index, first, NODE);
    }

    /**
     * @param first    first global leaf of each structure (length S+1)
     * @param nodeSize leaves per tree leaf node
     */
    LeafTree(RowIndex[] index, int[] first, int nodeSize) {
        this.nodeSize = nodeSize;
        int total = first[first.length - 1];
        owner = new RowIndex[total];
        leafNo = new int[total];
        for (int s = 0; s < index.length; s++)
            for (int l = 0; l < index[s].leaves; l++) {
                owner[first[s] + l] = index[s];
                leafNo[first[s] + l] = l;
            }
        pickOf = new int[total];
        Arrays.fill(pickOf, NONE);
        axes = index.length == 0 ? 0 : index[0].axes;
        perm = new int[total];
        for (int g = 0; g < total; g++) perm[g] = g;
        nodeOf = new int[total];
        int cap = Math.max(1, 2 * ((total + nodeSize - 1) / nodeSize) + 1);
        start = new int[cap];
        end = new int[cap];
        left = new int[cap];
        right = new int[cap];
        parent = new int[cap];
        double[] mid = new double[total * axes];
        for (int g = 0; g < total; g++) {
            int bo = leafNo[g] * axes;
            for (int k = 0; k < axes; k++) mid[g * axes + k] = 0.5 * (owner[g].boxLo[bo + k] + owner[g].boxHi[bo + k]);
        }
        if (total > 0) build(0, total, NONE, mid);
        maxPick = new int[nodes];
        Arrays.fill(maxPick, NONE);
        boxLo = new double[nodes * axes];
        boxHi = new double[nodes * axes];
        for (int n = 0; n < nodes; n++) bounds(n);
    }

    private int build(int lo, int hi, int up, double[] mid) {
        int n = nodes++;
        if (n >= start.length) grow();
        start[n] = lo;
        end[n] = hi;
        parent[n] = up;
        left[n] = right[n] = NONE;
        if (hi - lo <= nodeSize) {
            for (int i = lo; i < hi; i++) nodeOf[perm[i]] = n;
            return n;
        }
        int axis = RowIndex.widestAxis(mid, axes, perm, lo, hi);
        Integer[] part = new Integer[hi - lo];
        for (int i = lo; i < hi; i++) part[i - lo] = perm[i];
        Arrays.sort(part, (x, y) -> Double.compare(mid[x * axes + axis], mid[y * axes + axis]));
        for (int i = lo; i < hi; i++) perm[i] = part[i - lo];
        int m = (lo + hi) >>> 1;
        int l = build(lo, m, n, mid); // locals: build may grow (replace) the arrays
        int r = build(m, hi, n, mid);
        left[n] = l;
        right[n] = r;
        return n;
    }

    private void grow() {
        int cap = start.length * 2;
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        parent = Arrays.copyOf(parent, cap);
    }

    private void bounds(int n) {
        Arrays.fill(boxLo, n * axes, (n + 1) * axes, Double.POSITIVE_INFINITY);
        Arrays.fill(boxHi, n * axes, (n + 1) * axes, Double.NEGATIVE_INFINITY);
        for (int i = start[n]; i < end[n]; i++) {
            int g = perm[i];
            RowIndex r = owner[g];
            int bo = leafNo[g] * axes;
            for (int k = 0; k < axes; k++) {
                boxLo[n * axes + k] = Math.min(boxLo[n * axes + k], r.boxLo[bo + k]);
                boxHi[n * axes + k] = Math.max(boxHi[n * axes + k], r.boxHi[bo + k]);
            }
        }
    }

    /** Switches on global leaf g as part of pick {@code pick} (picks come in increasing order). */
    void pick(int g, int pick) {
        pickOf[g] = pick;
        for (int n = nodeOf[g]; n != NONE; n = parent[n]) maxPick[n] = Math.max(maxPick[n], pick);
    }

    boolean isLeaf(int n) {
        return left[n] == NONE;
    }

    /** Lower bound of the distance from position p of q (same projection) to any row under node n: the projected box alone. */
    double boxBound(RowIndex q, int p, int n) {
        return RowIndex.boxGap(q.projectedAt, p * axes, boxLo, boxHi, n * axes, axes);
    }
}
