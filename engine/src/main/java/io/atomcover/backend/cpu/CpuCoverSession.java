package io.atomcover.backend.cpu;

import io.atomcover.backend.CoverSession;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.LogSpace;

import java.util.function.IntConsumer;

/**
 * The CPU backend's {@link CoverSession}. One {@link RowIndex} over all rows of the dataset (a k-d
 * split of their principal-axis projections) puts similar environments of different structures in
 * the same leaf, and a {@link LeafTree} over those leaves is built once. Each leaf keeps the rows of
 * picked structures that fall in it as a panel of its own, appended in pick order, so the rows of
 * picks from f on are a suffix of that panel. Nothing is rebuilt per update, and an update of a row
 * visits only tree nodes that hold picks it has not seen and that its bounds cannot exclude; the
 * static leaf and node bounds hold for any subset of their rows.
 *
 * <p>Why one index for all rows rather than one per structure: in molecular data a structure's
 * rows are environments of several kinds (H, C, N, O …), so a per-structure leaf spans all of them
 * and its bounds exclude little; leaves of one kind of environment across structures are tight.
 *
 * <h2>Which terms an update evaluates</h2>
 * A new term below {@code e^{-T}} times the row's final largest term cannot move the sum at 1e-12
 * relative (T = ln 1e17; the argument and its bound N·1e-17 are those of {@link CpuKdeBackend}).
 * The final sum is at least e^F, F the row's current log cover, so terms with
 * {@code d² > 2h²(T - F)} can go whatever the new picks hold; in linear space terms with
 * {@code d² > 2h²·746} underflow to exactly 0 as well, which caps rows without cover.
 * <ul>
 *   <li>Covered rows ({@code F ≥ -T}): F itself is the shift of the sum (terms e^{z-F} ≤ e^T stay
 *       finite) and the band is {@code d² ≤ 2h²(T - F)}, at most 8.9h·√2.</li>
 *   <li>Other rows first find their nearest new distance inside the cap (tree search, nearest node
 *       first); the shift is then the row's exact largest term {@code m = max(F, -d²_min/2h²)} and
 *       the band {@code d² ≤ 2h²(T - m)}. A row with nothing inside its cap keeps its cover; in log
 *       space rows without cover have no cap, so their log cover is exact however far they are from
 *       everything.</li>
 * </ul>
 * Terms are summed with the fast exp of {@link TileKernel}. Covered rows with the same first
 * pick are walked together (up to {@value #GROUP}, one panel pass per leaf), nearest node first,
 * so that updates with a stop ({@link #accumulateUntil}) reach the large terms early; other rows
 * are walked alone in tree order. Row updates that ask for at most {@value #ALL_PAIRS} pairs skip
 * the tree and evaluate every pair from a pick-order copy of the picked rows: while few structures
 * are picked, leaves hold one or two picked rows each and the walk costs more than the pairs. The
 * grouping depends only on the call, so the results do not depend on the thread count.
 */
final class CpuCoverSession implements CoverSession {
    /**
     * Rows per leaf of the index, and leaves per tree leaf node. Large leaves: an update stops or
     * ends after fewer, longer panel passes, and dense data (Si-train: half of all rows within the
     * band of a row) loses little to them (figures in docs/benchmarks.md, "Tuning measurements").
     */
    static final int LEAF = 256;
    static final int NODE = 4;
    /** Exponent below which e^z is exactly 0 in double (e^-745.14 rounds to 0), with margin. */
    static final double UNDERFLOW = 746.0;
    private static final double REL = 1 + 1e-9;
    private static final double ABS = 1e-12;
    /** Rows evaluated together against one leaf panel (the width of {@link TileKernel#dots4}). */
    static final int GROUP = 4;
    /** Row updates asking at most this many pairs evaluate them all (see {@link #updateRowFromAll}). */
    static final long ALL_PAIRS = 16384;
    private static final ThreadLocal<RowUpdate> UPDATES = ThreadLocal.withInitial(RowUpdate::new);

    private final PairCounters counters;
    private final int[] off;
    private final double c;
    private final double twoH2;
    private final boolean log;
    private final long allPairs;
    /** All rows of the dataset; queries and picked panels both come from it. */
    private final RowIndex index;
    /** Position within the index of each dataset row. */
    private final int[] position;
    /** Leaf of each index position. */
    private final int[] leafOf;
    private final LeafTree tree;
    /** Per leaf: the picked rows in pick order as a transposed panel, their squared norms and picks. */
    private final double[][][] picked;
    private final double[][] pickedNorms;
    private final int[][] pickedAt;
    private final int[] pickedCount;
    private final long[] pickRow;
    /**
     * The picked rows once more, in pick order, as one transposed panel (component k of picked row
     * j at {@code pickedRows[k][j]}; picks t's rows are columns [pickRow[t], pickRow[t+1])): updates
     * asking few pairs evaluate them all from here, which costs less than walking the tree while
     * leaves hold only a few picked rows each.
     *
     * <p>This panel and the per-leaf ones grow with the picks (capacity doubling) instead of being
     * sized for every row: a selection is usually a small share of the dataset, and at 10^6 rows a
     * panel for all of them would cost 0.5 GB per copy.
     */
    private double[][] pickedRows;
    private double[] pickedRowNorms;
    /** Rows whose log cover is only a lower bound (log space: sum of some of their terms). */
    private final java.util.BitSet bounded = new java.util.BitSet();
    private int picks;
    private final boolean[] taken;
    private long pairs;

    CpuCoverSession(CpuKdeBackend backend, Descriptors d, double h, boolean log) {
        this(backend, d, h, log, ALL_PAIRS);
    }

    /**
     * @param backend  the backend whose pair counters the session adds to
     * @param allPairs row updates asking at most this many pairs skip the tree (0: never)
     */
    CpuCoverSession(CpuKdeBackend backend, Descriptors d, double h, boolean log, long allPairs) {
        this.counters = backend.counters;
        this.allPairs = allPairs;
        this.off = d.offsets();
        this.c = 1.0 / (2.0 * h * h);
        this.twoH2 = 2.0 * h * h;
        this.log = log;
        int total = d.structureCount();
        RowBlock all = RowBlock.of(d);
        Projection proj = Projection.principal(all, CpuKdeBackend.AXES);
        index = RowIndex.tree(all, proj, LEAF);
        position = new int[d.rows()];
        leafOf = new int[d.rows()];
        for (int p = 0; p < index.rows; p++) position[index.order[p]] = p;
        for (int b = 0; b < index.leaves; b++) java.util.Arrays.fill(leafOf, index.leafStart[b], index.leafStart[b + 1], b);
        tree = new LeafTree(new RowIndex[] {index}, new int[] {0, index.leaves}, NODE);
        picked = new double[index.leaves][][];
        pickedNorms = new double[index.leaves][];
        pickedAt = new int[index.leaves][];
        pickedCount = new int[index.leaves];
        pickRow = new long[total + 1];
        pickedRows = new double[index.dim][0];
        pickedRowNorms = new double[0];
        taken = new boolean[total];
    }

    @Override
    public void pick(int s) {
        if (taken[s]) throw new IllegalArgumentException("structure " + s + " was picked already");
        taken[s] = true;
        int dim = index.dim;
        for (int e = off[s]; e < off[s + 1]; e++) {
            int p = position[e];
            int b = leafOf[p];
            int j = pickedCount[b]++;
            if (pickedNorms[b] == null || pickedNorms[b].length == j) growLeafPanel(b, Math.min(index.leafSize(b), Math.max(4, 2 * j)));
            for (int k = 0; k < dim; k++) picked[b][k][j] = index.data[p * dim + k];
            pickedNorms[b][j] = index.norms[p];
            pickedAt[b][j] = picks;
            tree.pick(b, picks);
        }
        int col = (int) pickRow[picks];
        int need = col + off[s + 1] - off[s];
        if (need > pickedRowNorms.length) {
            int cap = (int) Math.min(index.rows, Math.max(need, 2L * pickedRowNorms.length));
            for (int k = 0; k < dim; k++) pickedRows[k] = java.util.Arrays.copyOf(pickedRows[k], cap);
            pickedRowNorms = java.util.Arrays.copyOf(pickedRowNorms, cap);
        }
        for (int e = off[s]; e < off[s + 1]; e++, col++) {
            int p = position[e];
            for (int k = 0; k < dim; k++) pickedRows[k][col] = index.data[p * dim + k];
            pickedRowNorms[col] = index.norms[p];
        }
        pickRow[picks + 1] = pickRow[picks] + (off[s + 1] - off[s]);
        picks++;
    }

    /** Gives leaf b's picked panel, norms and picks room for {@code cap} rows, keeping those it holds. */
    private void growLeafPanel(int b, int cap) {
        int dim = index.dim;
        double[][] panel = new double[dim][];
        for (int k = 0; k < dim; k++) panel[k] = picked[b] == null ? new double[cap] : java.util.Arrays.copyOf(picked[b][k], cap);
        picked[b] = panel;
        pickedNorms[b] = pickedNorms[b] == null ? new double[cap] : java.util.Arrays.copyOf(pickedNorms[b], cap);
        pickedAt[b] = pickedAt[b] == null ? new int[cap] : java.util.Arrays.copyOf(pickedAt[b], cap);
    }

    /** First column of leaf b's picked panel that belongs to pick {@code from} or later. */
    private int firstFrom(int b, int from) {
        int[] at = pickedAt[b];
        int j = pickedCount[b];
        while (j > 0 && at[j - 1] >= from) j--;
        return j;
    }

    @Override
    public int picks() {
        return picks;
    }

    @Override
    public boolean isExact(int row) {
        return !bounded.get(row);
    }

    @Override
    public void exactify(int s, int[] rows, int count, double[] base, double[] cover) {
        RowIndex q = index;
        long evaluated = 0;
        for (int i = 0; i < count; i++) {
            int e = rows[i];
            if (!bounded.get(e)) continue;
            cover[e] = base != null ? base[e] : log ? Double.NEGATIVE_INFINITY : 0.0;
            bounded.clear(e);
            pairs += pickRow[picks];
            counters.addRequested(pickRow[picks]);
            evaluated += updateRow(q, position[e], e, 0, cover, false);
        }
        counters.addEvaluated(evaluated);
    }

    @Override
    public long pairsRequested() {
        return pairs;
    }

    @Override
    public void accumulate(int s, int[] rows, int[] fromPicks, int count, double[] cover) {
        accumulateUntil(s, rows, fromPicks, count, cover, null, null, null);
    }

    @Override
    public void accumulateUntil(int s, int[] rows, int[] fromPicks, int count, double[] cover,
                                double[] stop, double[] reached, boolean[] stopped) {
        update(s, null, rows, fromPicks, count, cover, stop, reached, stopped);
    }

    @Override
    public void accumulateUntil(int[] structures, int[] rows, int[] fromPicks, int count, double[] cover,
                                double[] stop, double[] reached, boolean[] stopped) {
        update(-1, structures, rows, fromPicks, count, cover, stop, reached, stopped);
    }

    /** Rows of structure s, or row i of structure structures[i] when structures is given. */
    private void update(int s, int[] structures, int[] rows, int[] fromPicks, int count, double[] cover,
                        double[] stop, double[] reached, boolean[] stopped) {
        long asked = 0;
        for (int i = 0; i < count; i++) {
            int from = fromPicks[i];
            int si = structures == null ? s : structures[i];
            if (from < 0 || from > picks) throw new IllegalArgumentException("pick " + from + " outside 0.." + picks);
            if (rows[i] < off[si] || rows[i] >= off[si + 1]) throw new IllegalArgumentException("row " + rows[i] + " is not in structure " + si);
            asked += pickRow[picks] - pickRow[from];
            if (stopped != null) stopped[i] = false;
        }
        pairs += asked;
        counters.addRequested(asked);
        RowIndex q = index;
        int[][] groups = groups(structures, rows, fromPicks, count, cover);
        long[] evaluated = new long[groups.length];
        IntConsumer task = t -> {
            int[] g = groups[t];
            evaluated[t] = covered(cover[rows[g[0]]]) && fromPicks[g[0]] < picks
                    ? updateGroup(q, g, rows, fromPicks[g[0]], cover, stop, reached, stopped)
                    : updateRow(q, position[rows[g[0]]], rows[g[0]], fromPicks[g[0]], cover, log);
        };
        // On the calling thread: an update is tens of microseconds of work, too little to pay for
        // handing part of it to another thread.
        for (int t = 0; t < groups.length; t++) task.accept(t);
        long sum = 0;
        for (long e : evaluated) sum += e;
        counters.addEvaluated(sum);
    }

    /**
     * Splits the rows of one update into tasks: covered rows (their shift is known up front) of the
     * same structure with the same first pick go in groups of up to {@value #GROUP}, evaluated together so a leaf's panel
     * is read once for the group; every other row is a task of its own. Indices into rows.
     */
    private int[][] groups(int[] structures, int[] rows, int[] fromPicks, int count, double[] cover) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        boolean[] done = new boolean[count];
        int[] g = new int[GROUP];
        // Index order: rows near each other in the index share leaves, so their walks overlap.
        long[] byPosition = new long[count];
        for (int i = 0; i < count; i++) byPosition[i] = (long) position[rows[i]] << 32 | i;
        java.util.Arrays.sort(byPosition);
        for (int a = 0; a < count; a++) {
            int i = (int) byPosition[a];
            if (done[i]) continue;
            done[i] = true;
            int n = 0;
            g[n++] = i;
            if (fromPicks[i] < picks && covered(cover[rows[i]])) {
                for (int b = a + 1; b < count && n < GROUP; b++) {
                    int j = (int) byPosition[b];
                    if (done[j] || fromPicks[j] != fromPicks[i] || !covered(cover[rows[j]])) continue;
                    if (structures != null && structures[j] != structures[i]) continue;
                    done[j] = true;
                    g[n++] = j;
                }
            }
            out.add(java.util.Arrays.copyOf(g, n));
        }
        return out.toArray(new int[0][]);
    }

    /** Whether a row with this cover sums with its own log cover as the shift (see the class comment). */
    private boolean covered(double k) {
        double f = log ? k : (k > 0 ? Math.log(k) : Double.NEGATIVE_INFINITY);
        return f >= -CpuKdeBackend.DROP_LOG;
    }

    /**
     * Updates 1..{@value #GROUP} covered rows (indices g into rows) with the same first pick in one
     * tree walk, nearest nodes first, each row keeping its own band; leaves wanted by several rows
     * are evaluated with {@link TileKernel#dots4}. With stops, a row leaves the walk once its
     * partial sum exceeds its stop (its cover is then left alone and the partial value reported).
     */
    private long updateGroup(RowIndex q, int[] g, int[] rows, int from, double[] cover,
                             double[] stop, double[] reached, boolean[] stopped) {
        RowUpdate sc = UPDATES.get();
        Group gr = sc.group;
        gr.n = g.length;
        gr.log = log;
        int live = 0;
        for (int r = 0; r < gr.n; r++) {
            int e = rows[g[r]];
            double k = cover[e];
            double f = log ? k : Math.log(k);
            double cap2 = twoH2 * (CpuKdeBackend.DROP_LOG - f);
            if (!log) cap2 = Math.min(cap2, twoH2 * UNDERFLOW);
            gr.pos[r] = position[e];
            gr.shift[r] = f;
            gr.band[r] = limit(cap2);
            gr.acc[r] = 0;
            // In units of the shifted sum: log space F + log(1 + acc) > stop; linear k(1 + acc) > stop.
            double st = stop == null ? Double.POSITIVE_INFINITY : stop[g[r]];
            gr.accStop[r] = log ? Math.expm1(st - f) : st / k - 1;
            gr.stop[r] = st;
            gr.cover[r] = k;
            if (!(gr.accStop[r] >= 0)) gr.accStop[r] = Double.POSITIVE_INFINITY; // stop at or below the cover: no early exit
            if (tree.maxPick[0] >= from && tree.boxBound(q, gr.pos[r], 0) <= gr.band[r]) live |= 1 << r;
        }
        gr.pairs = 0;
        gr.stopped = 0;
        if (live != 0) sumGroup(sc, q, from, 0, live);
        for (int r = 0; r < gr.n; r++) {
            int e = rows[g[r]];
            double f = gr.shift[r];
            double v = gr.value(r);
            if ((gr.stopped & (1 << r)) != 0) {
                reached[g[r]] = v;
                stopped[g[r]] = true;
            } else {
                cover[e] = v;
            }
        }
        return gr.pairs;
    }

    /**
     * Sums node n's picked leaves into the rows of sc.group in {@code live} (rows whose bound admits
     * n), children nearest first so that rows with stops reach them early.
     */
    private void sumGroup(RowUpdate sc, RowIndex q, int from, int n, int live) {
        Group gr = sc.group;
        live &= ~gr.stopped;
        if (live == 0) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n] && (live &= ~gr.stopped) != 0; i++) {
                int b = tree.perm[i];
                if (tree.pickOf[b] < from) continue;
                int want = 0;
                for (int k = 0; k < gr.n; k++)
                    if ((live & (1 << k)) != 0 && q.rowBoxBound(gr.pos[k], b) <= gr.band[k]) want |= 1 << k;
                if (want != 0) sc.sumLeaf(q, picked[b], pickedNorms[b], firstFrom(b, from), pickedCount[b], want, c);
            }
            return;
        }
        int a = tree.left[n];
        int b = tree.right[n];
        int liveA = 0;
        int liveB = 0;
        double nearA = Double.POSITIVE_INFINITY;
        double nearB = Double.POSITIVE_INFINITY;
        boolean hasA = tree.maxPick[a] >= from;
        boolean hasB = tree.maxPick[b] >= from;
        for (int r = 0; r < gr.n; r++) {
            if ((live & (1 << r)) == 0) continue;
            if (hasA) {
                double la = tree.boxBound(q, gr.pos[r], a);
                if (la <= gr.band[r]) {
                    liveA |= 1 << r;
                    nearA = Math.min(nearA, la);
                }
            }
            if (hasB) {
                double lb = tree.boxBound(q, gr.pos[r], b);
                if (lb <= gr.band[r]) {
                    liveB |= 1 << r;
                    nearB = Math.min(nearB, lb);
                }
            }
        }
        if (nearB < nearA) {
            sumGroup(sc, q, from, b, liveB);
            sumGroup(sc, q, from, a, liveA);
        } else {
            sumGroup(sc, q, from, a, liveA);
            sumGroup(sc, q, from, b, liveB);
        }
    }

    /**
     * Updates cover[e] (position p of q) against picks [from, picks); returns pairs evaluated. With
     * {@code mayBound}, a row far from everything (no usable cover, log space) only adds its largest
     * new term and is marked bounded: its exact sum needs every term in a thin shell around the
     * nearest distance, which in high dimension holds a large share of all picked rows.
     */
    private long updateRow(RowIndex q, int p, int e, int from, double[] cover, boolean mayBound) {
        if (from == picks) return 0;
        if (pickRow[picks] - pickRow[from] <= allPairs) return updateRowFromAll(q, p, e, from, cover);
        RowUpdate sc = UPDATES.get();
        sc.pairs = 0;
        double k = cover[e];
        double f = log ? k : (k > 0 ? Math.log(k) : Double.NEGATIVE_INFINITY);
        double cap2 = f == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : twoH2 * (CpuKdeBackend.DROP_LOG - f);
        if (!log) cap2 = Math.min(cap2, twoH2 * UNDERFLOW);
        double shift;
        double band2;
        if (f >= -CpuKdeBackend.DROP_LOG) {
            shift = f;
            band2 = cap2;
        } else {
            sc.dmin2 = Double.POSITIVE_INFINITY;
            sc.cap2 = cap2;
            nearest(sc, q, p, from, 0);
            if (!(sc.dmin2 <= cap2)) return sc.pairs; // nothing new within reach: the cover stays
            shift = Math.max(f, -sc.dmin2 * c);
            if (mayBound && -sc.dmin2 * c < -CpuKdeBackend.DROP_LOG) {
                cover[e] = LogSpace.addExp(f, -sc.dmin2 * c);
                synchronized (bounded) {
                    bounded.set(e);
                }
                return sc.pairs;
            }
            band2 = Math.min(cap2, twoH2 * (CpuKdeBackend.DROP_LOG - shift));
        }
        sc.acc = 0;
        sum(sc, q, p, from, 0, limit(band2), shift);
        double acc = sc.acc;
        if (log) cover[e] = f == Double.NEGATIVE_INFINITY ? shift + Math.log(acc) : shift + Math.log(Math.exp(f - shift) + acc);
        else cover[e] += Math.exp(shift) * acc;
        return sc.pairs;
    }

    /**
     * {@link #updateRow} by evaluating every pair against picks [from, picks) from the pick-order
     * panel: the shift is the exact largest term, and the sum keeps every term (the band of the
     * tree walk only drops terms that cannot matter), so the cover is always exact. In linear space
     * a row whose every new term underflows keeps its cover, as in the walk.
     */
    private long updateRowFromAll(RowIndex q, int p, int e, int from, double[] cover) {
        RowUpdate sc = UPDATES.get();
        int c0 = (int) pickRow[from];
        int c1 = (int) pickRow[picks];
        sc.wide.reserve(c1);
        double[] dot = sc.wide.dots[0];
        TileKernel.dots1(q.data, p * q.dim, q.dim, pickedRows, c0, c1, dot);
        double nq = q.norms[p];
        double k = cover[e];
        double f = log ? k : (k > 0 ? Math.log(k) : Double.NEGATIVE_INFINITY);
        double shift = f;
        if (f < -CpuKdeBackend.DROP_LOG) {
            double dmin2 = TileKernel.minDist(dot, pickedRowNorms, c0, c1, nq);
            if (!log && !(dmin2 <= twoH2 * UNDERFLOW)) return c1 - c0;
            shift = Math.max(f, -dmin2 * c);
        }
        double acc = TileKernel.fastTerms(dot, pickedRowNorms, c0, c1, nq, c, shift, sc.wide.p, sc.wide.k, null);
        if (log) cover[e] = f == Double.NEGATIVE_INFINITY ? shift + Math.log(acc) : shift + Math.log(Math.exp(f - shift) + acc);
        else cover[e] += Math.exp(shift) * acc;
        return c1 - c0;
    }

    /** Lowers sc.dmin2 with the picked leaves under node n from pick {@code from} on, nearest node first. */
    private void nearest(RowUpdate sc, RowIndex q, int p, int from, int n) {
        if (tree.maxPick[n] < from) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n]; i++) {
                int b = tree.perm[i];
                if (tree.pickOf[b] < from) continue;
                if (q.rowBoxBound(p, b) > limit(Math.min(sc.dmin2, sc.cap2))) continue;
                sc.dmin2 = Math.min(sc.dmin2, sc.min1(q, p, picked[b], pickedNorms[b], firstFrom(b, from), pickedCount[b]));
            }
            return;
        }
        int a = tree.left[n];
        int b = tree.right[n];
        double la = tree.maxPick[a] < from ? Double.POSITIVE_INFINITY : tree.boxBound(q, p, a);
        double lb = tree.maxPick[b] < from ? Double.POSITIVE_INFINITY : tree.boxBound(q, p, b);
        if (lb < la) {
            int t = a;
            a = b;
            b = t;
            double u = la;
            la = lb;
            lb = u;
        }
        if (la <= limit(Math.min(sc.dmin2, sc.cap2))) nearest(sc, q, p, from, a);
        if (lb <= limit(Math.min(sc.dmin2, sc.cap2))) nearest(sc, q, p, from, b);
    }

    /** Adds to sc.acc the shifted terms of the picked leaves under node n within {@code band} of the row. */
    private void sum(RowUpdate sc, RowIndex q, int p, int from, int n, double band, double shift) {
        if (tree.maxPick[n] < from || tree.boxBound(q, p, n) > band) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n]; i++) {
                int b = tree.perm[i];
                if (tree.pickOf[b] < from) continue;
                if (q.rowBoxBound(p, b) > band) continue;
                sc.acc += sc.sum1(q, p, picked[b], pickedNorms[b], firstFrom(b, from), pickedCount[b], c, shift);
            }
            return;
        }
        sum(sc, q, p, from, tree.left[n], band, shift);
        sum(sc, q, p, from, tree.right[n], band, shift);
    }

    /** A distance bound with the rounding margin, from a squared radius. */
    private static double limit(double r2) {
        return Math.sqrt(r2) * REL + ABS;
    }

    /** Rows of one grouped update: positions in their index, shifts, distance bands, sums. */
    private static final class Group {
        final int[] pos = new int[GROUP];
        final double[] shift = new double[GROUP];
        final double[] band = new double[GROUP];
        final double[] acc = new double[GROUP];
        /** Early-exit level of acc per row (+∞: none). */
        final double[] accStop = new double[GROUP];
        int n;
        final double[] stop = new double[GROUP];
        /** Cover of each row before the update. */
        final double[] cover = new double[GROUP];
        boolean log;

        /** The updated cover of row r from its partial sum. */
        double value(int r) {
            return log ? shift[r] + Math.log1p(acc[r]) : cover[r] + Math.exp(shift[r]) * acc[r];
        }

        /** Rows that passed their stop. */
        int stopped;
        long pairs;
    }

    /** Per-thread state of a row update: its tile buffers, its group, and the values its walk carries. */
    private static final class RowUpdate {
        final Group group = new Group();
        /** Buffers of one leaf panel, a dot-product row per group row (row 0 also for single rows). */
        final TileKernel tile = new TileKernel(GROUP, LEAF);
        /** Buffers indexed by pick-order column, widened on demand. */
        final TileKernel wide = new TileKernel(1, 0);
        double dmin2;
        double cap2;
        double acc;
        long pairs;

        /** Smallest squared distance from position pq of q to picked columns [j0, nb) of a leaf. */
        double min1(RowIndex q, int pq, double[][] panel, double[] norms, int j0, int nb) {
            pairs += nb - j0;
            double[] a = tile.dots[0];
            TileKernel.dots1(q.data, pq * q.dim, q.dim, panel, j0, nb, a);
            return TileKernel.minDist(a, norms, j0, nb, q.norms[pq]);
        }

        /** Adds the terms of picked columns [j0, nb) of a leaf to the group rows in {@code want} (one panel pass when several). */
        void sumLeaf(RowIndex q, double[][] panel, double[] norms, int j0, int nb, int want, double c) {
            Group gr = group;
            double[][] dots = tile.dots;
            int[] o = new int[GROUP];
            int firstRow = Integer.numberOfTrailingZeros(want);
            for (int k = 0; k < GROUP; k++) o[k] = (k < gr.n && (want & (1 << k)) != 0 ? gr.pos[k] : gr.pos[firstRow]) * q.dim;
            if (Integer.bitCount(want) == 1) {
                TileKernel.dots1(q.data, o[firstRow], q.dim, panel, j0, nb, dots[firstRow]);
            } else {
                TileKernel.dots4(q.data, o[0], o[1], o[2], o[3], q.dim, panel, j0, nb, dots[0], dots[1], dots[2], dots[3]);
            }
            for (int k = 0; k < gr.n; k++) {
                if ((want & (1 << k)) == 0) continue;
                gr.pairs += nb - j0;
                gr.acc[k] += TileKernel.fastTerms(dots[k], norms, j0, nb, q.norms[gr.pos[k]], c, gr.shift[k], tile.p, tile.k, null);
                if (gr.acc[k] > gr.accStop[k] && gr.value(k) > gr.stop[k]) gr.stopped |= 1 << k;
            }
        }

        /** Σ_j e^{-d²_j/(2h²) - shift} over picked columns [j0, nb) of a leaf (fast exp, clamped as in {@link TileKernel#fastTerms}). */
        double sum1(RowIndex q, int pq, double[][] panel, double[] norms, int j0, int nb, double c, double shift) {
            pairs += nb - j0;
            double[] a = tile.dots[0];
            TileKernel.dots1(q.data, pq * q.dim, q.dim, panel, j0, nb, a);
            return TileKernel.fastTerms(a, norms, j0, nb, q.norms[pq], c, shift, tile.p, tile.k, null);
        }
    }
}
