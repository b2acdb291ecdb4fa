package io.atomcover.kde;

import io.atomcover.descriptor.Descriptors;

/**
 * The CPU backend's {@link CoverSession}. Every structure's rows get a {@link RowIndex} of their own
 * (one principal-axis projection for the whole dataset), and a {@link LeafTree} over all their
 * leaves is built once; a pick switches its structure's leaves on. Nothing is copied or rebuilt per
 * update, and an update of a row visits only tree nodes that hold picks it has not seen and that
 * its bounds cannot exclude.
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
 * Terms are summed with the fast exp of {@link CpuKdeBackend}. Covered rows with the same first
 * pick are walked together (up to {@value #GROUP}, one panel pass per leaf), nearest node first,
 * so that updates with a stop ({@link #accumulateUntil}) reach the large terms early; other rows
 * are walked alone in tree order. The grouping depends only on the call, never on the thread
 * count, so neither do the results.
 */
final class CpuCoverSession implements CoverSession {
    /** Rows per leaf of a structure's index. */
    static final int LEAF = 32;
    /** Exponent below which e^z is exactly 0 in double (e^-745.14 rounds to 0), with margin. */
    static final double UNDERFLOW = 746.0;
    /** Updates asking fewer pairs than this stay on the calling thread. */
    static final long PARALLEL_PAIRS = 1L << 16;
    private static final double REL = 1 + 1e-9;
    private static final double ABS = 1e-12;
    /** Rows evaluated together against one leaf panel (the width of {@link CpuKdeBackend#dots4}). */
    static final int GROUP = 4;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final CpuKdeBackend backend;
    private final int[] off;
    private final double c;
    private final double twoH2;
    private final boolean log;
    private final RowIndex[] index;
    /** Position within its structure's index of each dataset row. */
    private final int[] position;
    /** Global leaves of structure s: [firstLeaf[s], firstLeaf[s+1]). */
    private final int[] firstLeaf;
    private final LeafTree tree;
    private final long[] pickRow;
    /** Rows whose log cover is only a lower bound (log space: sum of some of their terms). */
    private final java.util.BitSet bounded = new java.util.BitSet();
    private int picks;
    private final boolean[] taken;
    private long pairs;

    CpuCoverSession(CpuKdeBackend backend, Descriptors d, double h, boolean log) {
        this.backend = backend;
        this.off = d.offsets();
        this.c = 1.0 / (2.0 * h * h);
        this.twoH2 = 2.0 * h * h;
        this.log = log;
        int total = d.structureCount();
        Projection proj = Projection.principal(RowBlock.of(d), CpuKdeBackend.AXES);
        index = new RowIndex[total];
        position = new int[d.rows()];
        firstLeaf = new int[total + 1];
        for (int s = 0; s < total; s++) {
            RowIndex r = RowIndex.tree(RowBlock.ofStructure(d, s), proj, LEAF);
            index[s] = r;
            for (int i = 0; i < r.rows; i++) position[off[s] + r.order[i]] = i;
            firstLeaf[s + 1] = firstLeaf[s] + r.leaves;
        }
        tree = new LeafTree(index, firstLeaf);
        pickRow = new long[total + 1];
        taken = new boolean[total];
    }

    @Override
    public void pick(int s) {
        if (taken[s]) throw new IllegalArgumentException("structure " + s + " was picked already");
        taken[s] = true;
        for (int g = firstLeaf[s]; g < firstLeaf[s + 1]; g++) tree.pick(g, picks);
        pickRow[picks + 1] = pickRow[picks] + index[s].rows;
        picks++;
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
        RowIndex q = index[s];
        long evaluated = 0;
        for (int i = 0; i < count; i++) {
            int e = rows[i];
            if (!bounded.get(e)) continue;
            cover[e] = base != null ? base[e] : log ? Double.NEGATIVE_INFINITY : 0.0;
            bounded.clear(e);
            pairs += pickRow[picks];
            backend.countRequested(pickRow[picks]);
            evaluated += updateRow(q, position[e], e, 0, cover, false);
        }
        backend.countEvaluated(evaluated);
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
        long asked = 0;
        for (int i = 0; i < count; i++) {
            int from = fromPicks[i];
            if (from < 0 || from > picks) throw new IllegalArgumentException("pick " + from + " outside 0.." + picks);
            if (rows[i] < off[s] || rows[i] >= off[s + 1]) throw new IllegalArgumentException("row " + rows[i] + " is not in structure " + s);
            asked += pickRow[picks] - pickRow[from];
            if (stopped != null) stopped[i] = false;
        }
        pairs += asked;
        backend.countRequested(asked);
        RowIndex q = index[s];
        int[][] groups = groups(rows, fromPicks, count, cover);
        long[] evaluated = new long[groups.length];
        CpuKdeBackend.IntTask task = t -> {
            int[] g = groups[t];
            evaluated[t] = covered(cover[rows[g[0]]]) && fromPicks[g[0]] < picks
                    ? updateGroup(q, g, rows, fromPicks[g[0]], cover, stop, reached, stopped)
                    : updateRow(q, position[rows[g[0]]], rows[g[0]], fromPicks[g[0]], cover, log);
        };
        if (asked >= PARALLEL_PAIRS && groups.length > 1) backend.forEach(groups.length, task);
        else for (int t = 0; t < groups.length; t++) task.run(t);
        long sum = 0;
        for (long e : evaluated) sum += e;
        backend.countEvaluated(sum);
    }

    /**
     * Splits the rows of one update into tasks: covered rows (their shift is known up front) with
     * the same first pick go in groups of up to {@value #GROUP}, evaluated together so a leaf's panel
     * is read once for the group; every other row is a task of its own. Indices into rows.
     */
    private int[][] groups(int[] rows, int[] fromPicks, int count, double[] cover) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        boolean[] done = new boolean[count];
        int[] g = new int[GROUP];
        for (int i = 0; i < count; i++) {
            if (done[i]) continue;
            done[i] = true;
            int n = 0;
            g[n++] = i;
            if (fromPicks[i] < picks && covered(cover[rows[i]])) {
                for (int j = i + 1; j < count && n < GROUP; j++) {
                    if (done[j] || fromPicks[j] != fromPicks[i] || !covered(cover[rows[j]])) continue;
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
     * are evaluated with {@link CpuKdeBackend#dots4}. With stops, a row leaves the walk once its
     * partial sum exceeds its stop (its cover is then left alone and the partial value reported).
     */
    private long updateGroup(RowIndex q, int[] g, int[] rows, int from, double[] cover,
                             double[] stop, double[] reached, boolean[] stopped) {
        Scratch sc = SCRATCH.get();
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
            if (tree.maxPick[0] >= from && tree.lowerBound(q, gr.pos[r], 0) <= gr.band[r]) live |= 1 << r;
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
    private void sumGroup(Scratch sc, RowIndex q, int from, int n, int live) {
        Group gr = sc.group;
        live &= ~gr.stopped;
        if (live == 0) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n] && (live &= ~gr.stopped) != 0; i++) {
                int leaf = tree.perm[i];
                if (tree.pickOf[leaf] < from) continue;
                RowIndex r = tree.owner[leaf];
                int b = tree.leafNo[leaf];
                int want = 0;
                for (int k = 0; k < gr.n; k++)
                    if ((live & (1 << k)) != 0 && q.rowLowerBound(gr.pos[k], r, b) <= gr.band[k]) want |= 1 << k;
                if (want != 0) sc.sumLeaf(q, r, b, want, c);
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
                double la = tree.lowerBound(q, gr.pos[r], a);
                if (la <= gr.band[r]) {
                    liveA |= 1 << r;
                    nearA = Math.min(nearA, la);
                }
            }
            if (hasB) {
                double lb = tree.lowerBound(q, gr.pos[r], b);
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
        Scratch sc = SCRATCH.get();
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

    /** Lowers sc.dmin2 with the picked leaves under node n from pick {@code from} on, nearest node first. */
    private void nearest(Scratch sc, RowIndex q, int p, int from, int n) {
        if (tree.maxPick[n] < from) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n]; i++) {
                int g = tree.perm[i];
                if (tree.pickOf[g] < from) continue;
                RowIndex r = tree.owner[g];
                int b = tree.leafNo[g];
                if (q.rowLowerBound(p, r, b) > limit(Math.min(sc.dmin2, sc.cap2))) continue;
                sc.dmin2 = Math.min(sc.dmin2, sc.min1(q, p, r, b));
            }
            return;
        }
        int a = tree.left[n];
        int b = tree.right[n];
        double la = tree.maxPick[a] < from ? Double.POSITIVE_INFINITY : tree.lowerBound(q, p, a);
        double lb = tree.maxPick[b] < from ? Double.POSITIVE_INFINITY : tree.lowerBound(q, p, b);
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
    private void sum(Scratch sc, RowIndex q, int p, int from, int n, double band, double shift) {
        if (tree.maxPick[n] < from || tree.lowerBound(q, p, n) > band) return;
        if (tree.isLeaf(n)) {
            for (int i = tree.start[n]; i < tree.end[n]; i++) {
                int g = tree.perm[i];
                if (tree.pickOf[g] < from) continue;
                RowIndex r = tree.owner[g];
                int b = tree.leafNo[g];
                if (q.rowLowerBound(p, r, b) > band) continue;
                sc.acc += sc.sum1(q, p, r, b, c, shift);
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

    /** Per-thread scratch and accumulators of one row update. */
    private static final class Scratch {
        final Group group = new Group();
        final double[][] dots = new double[GROUP][LEAF];
        final double[] a = new double[LEAF];
        final double[] p = new double[LEAF];
        final double[] k = new double[LEAF];
        double dmin2;
        double cap2;
        double acc;
        long pairs;

        /** Smallest squared distance from position pq of q to leaf b of r. */
        double min1(RowIndex q, int pq, RowIndex r, int b) {
            int nb = r.leafSize(b);
            pairs += nb;
            CpuKdeBackend.dots1(q.data, pq * q.dim, q.dim, r.panel[b], nb, a);
            return CpuKdeBackend.minDist(a, r.leafNorms[b], nb, q.norms[pq]);
        }

        /** Adds the terms of leaf b of r to the group rows in {@code want} (one panel pass when several). */
        void sumLeaf(RowIndex q, RowIndex r, int b, int want, double c) {
            Group gr = group;
            int nb = r.leafSize(b);
            int[] o = new int[GROUP];
            int rows = 0;
            int firstRow = Integer.numberOfTrailingZeros(want);
            for (int k = 0; k < GROUP; k++) o[k] = (k < gr.n && (want & (1 << k)) != 0 ? gr.pos[k] : gr.pos[firstRow]) * q.dim;
            rows = Integer.bitCount(want);
            if (rows == 1) {
                CpuKdeBackend.dots1(q.data, o[firstRow], q.dim, r.panel[b], nb, dots[firstRow]);
            } else {
                CpuKdeBackend.dots4(q.data, o[0], o[1], o[2], o[3], q.dim, r.panel[b], nb, dots[0], dots[1], dots[2], dots[3]);
            }
            for (int k = 0; k < gr.n; k++) {
                if ((want & (1 << k)) == 0) continue;
                gr.pairs += nb;
                gr.acc[k] += CpuKdeBackend.fastTerms(dots[k], r.leafNorms[b], nb, q.norms[gr.pos[k]], c, gr.shift[k], p, this.k, null);
                if (gr.acc[k] > gr.accStop[k] && gr.value(k) > gr.stop[k]) gr.stopped |= 1 << k;
            }
        }

        /** Σ_j e^{-d²_j/(2h²) - shift} over leaf b of r (fast exp, clamped as in {@link CpuKdeBackend}). */
        double sum1(RowIndex q, int pq, RowIndex r, int b, double c, double shift) {
            int nb = r.leafSize(b);
            pairs += nb;
            CpuKdeBackend.dots1(q.data, pq * q.dim, q.dim, r.panel[b], nb, a);
            return CpuKdeBackend.fastTerms(a, r.leafNorms[b], nb, q.norms[pq], c, shift, p, k, null);
        }
    }
}
