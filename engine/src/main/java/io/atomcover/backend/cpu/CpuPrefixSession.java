package io.atomcover.backend.cpu;

import io.atomcover.backend.PrefixSession;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.Parallel;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;

/**
 * The CPU backend's {@link PrefixSession}. One {@link RowIndex} over all dataset rows (one
 * principal-axis projection) and a {@link LeafTree} over its leaves are built once. Each new row is
 * evaluated against the leaves within the band and, the kernel being symmetric, the same terms give
 * both the new rows' sums (row sums over prefix rows) and the increments of every other row that
 * needs them (column sums): earlier prefix rows, and dataset rows whose overlap sum has not crossed
 * the threshold yet. Crossed rows outside the prefix are switched off ({@link PrefixLeaves} keeps
 * the leaves' evaluated columns and finds the leaves within the band).
 *
 * <h2>Batches</h2>
 * Picks are worked out in batches of consecutive picks (about {@value #BATCH_ROWS} rows): the rows
 * of every pick of the batch are grouped by the leaves they reach, and a task is one leaf against
 * all of them, pick by pick, so a leaf is read once per batch rather than once per pick (with small
 * molecules most leaves get one or two rows of a pick). Which pairs count depends only on the picks:
 * a new row of pick a takes terms from rows picked at or before a (its sum), and gives terms to rows
 * picked before a (their increments) and to rows not picked at a whose overlap sum has not crossed;
 * the increments of a task's leaf rows are applied pick by pick, so a row crosses at the same pick
 * as it would one pick at a time.
 *
 * <h2>Which terms count</h2>
 * Prefix sums are self-inclusive, so p ≥ 1; an overlap sum only matters against the threshold
 * {@code e^{-eps}}. A term below {@code 1e-17·min(1, e^{-eps})} is dropped: a row has at most N of
 * them, so its sum changes by less than N·1e-17 relative to p or to the threshold (1.3e-13 for the
 * 13,233 rows of Si-train) — the rule of {@link CpuKdeBackend}, here with the shift fixed at 0. In
 * distance terms only leaves whose projected box lies within {@code d² ≤ 2h²(T + max(eps, 0))},
 * T = ln 1e17, of a new row are visited (8.85h for eps ≈ 0); inside a visited leaf every pair is
 * evaluated with the fast exp (clamped at the bottom of its normal range).
 *
 * <h2>Determinism</h2>
 * A task sums its leaf's columns over its rows in their order and keeps its part of each new row's
 * sum separately; parts are added in leaf order afterwards, and increments are listed in leaf order.
 * Nothing depends on the thread count.
 */
final class CpuPrefixSession implements PrefixSession {
    /**
     * Rows per leaf of the index: the fastest size for the Si-train curve, and as fast as any on QM7
     * (docs/benchmarks.md, "Tuning measurements").
     */
    static final int LEAF = 64;
    /** A batch takes picks until it holds at least this many rows, or {@value #BATCH_PICKS} picks. */
    static final int BATCH_ROWS = 512;
    static final int BATCH_PICKS = 64;
    /** Batches evaluating fewer pairs than this stay on the calling thread. */
    static final long PARALLEL_PAIRS = 1L << 15;
    /** Rows the principal axes are computed from (a sample of the dataset). */
    static final int PROJECTION_ROWS = 8192;
    private static final int NONE = Integer.MAX_VALUE;
    private static final ThreadLocal<PickGroups> GROUPS = ThreadLocal.withInitial(PickGroups::new);

    private final Parallel workers;
    private final PairCounters counters;
    private final int[] off;
    private final int[] order;
    private final int batchRows;
    private final double c;
    private final double eps;
    private final boolean overlap;
    private final RowIndex index;
    private final PrefixLeaves leaves;
    /** Index position of each dataset row. */
    private final int[] position;
    /** By position: the pick of the row's structure, NONE while not picked (set a batch ahead). */
    private final int[] pickOf;
    /** By position: overlap sums and whether they crossed; null without overlap. */
    private final double[] cover;
    private final boolean[] crossed;

    /** By dataset row: the row's sum against the prefix at its own pick. */
    private final double[] own;
    /** The current batch, picks [batchStart, batchEnd): increments and covered counts per pick. */
    private int batchStart;
    private int batchEnd;
    private int[] incStart = new int[1];
    private int[] incRow = new int[0];
    private double[] incVal = new double[0];
    private int[] coveredAfter = new int[0];
    private int coveredSoFar;
    private long rowsSoFar;
    /** Picks handed out so far. */
    private int served;
    private int[] grown = new int[64];
    private int covered;

    CpuPrefixSession(CpuKdeBackend backend, Descriptors d, int[] order, double h, boolean overlap, double eps) {
        this(backend, d, order, h, overlap, eps, BATCH_ROWS);
    }

    /**
     * @param backend   the backend whose threads the session runs on and whose pair counters it adds to
     * @param batchRows a batch takes picks until it holds at least this many rows (tests vary it)
     */
    CpuPrefixSession(CpuKdeBackend backend, Descriptors d, int[] order, double h, boolean overlap, double eps, int batchRows) {
        if (!handles(overlap, eps)) throw new IllegalArgumentException("overlap threshold outside the session's range: " + eps);
        this.workers = backend.workers;
        this.counters = backend.counters;
        this.off = d.offsets();
        this.order = PrefixSession.checkedOrder(order, d.structureCount());
        this.batchRows = batchRows;
        this.c = 1.0 / (2.0 * h * h);
        this.eps = eps;
        this.overlap = overlap;
        double band2 = 2.0 * h * h * (CpuKdeBackend.DROP_LOG + (overlap ? Math.max(eps, 0) : 0));
        RowBlock all = RowBlock.of(d);
        index = RowIndex.tree(all, Projection.principal(sample(all, PROJECTION_ROWS), CpuKdeBackend.AXES), LEAF);
        leaves = new PrefixLeaves(index, Math.sqrt(band2));
        int rows = d.rows();
        position = new int[rows];
        for (int p = 0; p < rows; p++) position[index.order[p]] = p;
        pickOf = new int[rows];
        Arrays.fill(pickOf, NONE);
        cover = overlap ? new double[rows] : null;
        crossed = overlap ? new boolean[rows] : null;
        own = new double[rows];
        for (int b = 0; b < index.leaves; b++) leaves.refresh(b, this::on);
    }

    /**
     * Every k-th row of a block, at most about {@code max} rows: enough for the principal axes,
     * which only need to be orthonormal for the bounds to hold.
     */
    static RowBlock sample(RowBlock all, int max) {
        int n = all.count();
        if (n <= max) return all;
        int step = (n + max - 1) / max;
        int dim = all.dim();
        int m = (n + step - 1) / step;
        double[] x = new double[m * dim];
        for (int i = 0; i < m; i++) System.arraycopy(all.data(), (all.first() + i * step) * dim, x, i * dim, dim);
        return new RowBlock(x, dim, 0, m);
    }

    /**
     * Whether a session can take this threshold: the band must stay inside the range where terms
     * are evaluated (eps below about 668; any eps without overlap).
     */
    static boolean handles(boolean overlap, double eps) {
        return !overlap || eps < -TileKernel.UNSHIFTED_CLAMP - CpuKdeBackend.DROP_LOG - 1;
    }

    @Override
    public int next(double[] sums) {
        if (served == order.length) throw new NoSuchElementException("the whole ordering has been added");
        if (served == batchEnd) batch();
        int a = served++;
        int s = order[a];
        System.arraycopy(own, off[s], sums, off[s], off[s + 1] - off[s]);
        int g = a - batchStart;
        int i0 = incStart[g];
        int n = incStart[g + 1] - i0;
        if (grown.length < n) grown = new int[Math.max(n, 2 * grown.length)];
        for (int i = 0; i < n; i++) {
            int e = incRow[i0 + i];
            grown[i] = e;
            sums[e] = incVal[i0 + i];
        }
        covered = coveredAfter[g];
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

    /** Works out the next batch of picks. */
    private void batch() {
        int k0 = batchEnd;
        int k1 = k0;
        int rows = 0;
        while (k1 < order.length && k1 - k0 < BATCH_PICKS && (k1 == k0 || rows < batchRows)) rows += off[order[k1] + 1] - off[order[k1++]];
        batchStart = k0;
        batchEnd = k1;
        int picks = k1 - k0;
        // Query rows in pick order, switched on as picked.
        int[] qp = new int[rows];
        int[] qa = new int[rows];
        int q = 0;
        for (int a = k0; a < k1; a++) {
            for (int e = off[order[a]]; e < off[order[a] + 1]; e++) {
                qp[q] = position[e];
                qa[q++] = a;
                pickOf[position[e]] = a;
            }
        }
        for (int i = 0; i < rows; i++) leaves.refresh(leaves.leafOf(qp[i]), this::on);

        Tasks tasks = tasks(qp);
        double[] rowPart = new double[tasks.pairs];
        AtomicIntegerArray crossings = new AtomicIntegerArray(picks);
        Increments[] incs = new Increments[tasks.leaf.length];
        long evaluated = 0;
        for (int t = 0; t < tasks.leaf.length; t++) evaluated += (long) (tasks.start[t + 1] - tasks.start[t]) * leaves.width(tasks.leaf[t]);
        IntConsumer body = t -> incs[t] = evaluate(tasks, t, qp, qa, k0, rowPart, crossings);
        if (evaluated >= PARALLEL_PAIRS) workers.forEach(tasks.leaf.length, body);
        else for (int t = 0; t < tasks.leaf.length; t++) body.accept(t);
        counters.addEvaluated(evaluated);
        for (int a = k0; a < k1; a++) {
            long m = off[order[a] + 1] - off[order[a]];
            counters.addRequested(m * (rowsSoFar + m) + (overlap ? m * position.length : 0));
            rowsSoFar += m;
        }

        // New rows' sums: parts added in leaf order.
        double[] sum = new double[rows];
        for (int t = 0; t < tasks.leaf.length; t++)
            for (int k = tasks.start[t]; k < tasks.start[t + 1]; k++) sum[tasks.row[k]] += rowPart[k];
        for (int i = 0; i < rows; i++) own[index.order[qp[i]]] = sum[i];
        gatherIncrements(incs, picks, k0);

        // Covered counts per pick: crossings inside the tasks, then the prefix rows themselves.
        if (coveredAfter.length < picks) coveredAfter = new int[Math.max(picks, 2 * coveredAfter.length)];
        for (int g = 0; g < picks; g++) {
            coveredSoFar += crossings.get(g);
            if (overlap) {
                for (int i = incStart[g]; i < incStart[g + 1]; i++) {
                    int pos = position[incRow[i]];
                    if (!crossed[pos]) {
                        cover[pos] += incVal[i];
                        if (cross(pos)) coveredSoFar++;
                    }
                }
                for (int e = off[order[k0 + g]]; e < off[order[k0 + g] + 1]; e++) {
                    int pos = position[e];
                    if (!crossed[pos]) {
                        cover[pos] = own[e]; // the sum against the whole prefix, replacing the earlier parts
                        if (cross(pos)) coveredSoFar++;
                    }
                }
            }
            coveredAfter[g] = coveredSoFar;
        }
        if (overlap) for (int b : tasks.leaf) leaves.refresh(b, this::on);
    }

    /** Per pick of the batch, the increments of the tasks in leaf order: incStart, incRow, incVal. */
    private void gatherIncrements(Increments[] incs, int picks, int k0) {
        if (incStart.length < picks + 1) incStart = new int[Math.max(picks + 1, 2 * incStart.length)];
        Arrays.fill(incStart, 0, picks + 1, 0);
        int total = 0;
        for (Increments in : incs) {
            if (in == null) continue;
            for (int i = 0; i < in.n; i++) incStart[in.pick[i] - k0 + 1]++;
            total += in.n;
        }
        for (int g = 0; g < picks; g++) incStart[g + 1] += incStart[g];
        if (incRow.length < total) {
            incRow = new int[Math.max(total, 2 * incRow.length)];
            incVal = new double[incRow.length];
        }
        int[] fill = Arrays.copyOf(incStart, picks);
        for (Increments in : incs) {
            if (in == null) continue;
            for (int i = 0; i < in.n; i++) {
                int slot = fill[in.pick[i] - k0]++;
                incRow[slot] = in.row[i];
                incVal[slot] = in.val[i];
            }
        }
    }

    /** Marks the row at position pos covered if its overlap sum crossed; whether it did. */
    private boolean cross(int pos) {
        if (!(-Math.log(cover[pos]) < eps)) return false;
        crossed[pos] = true;
        return true;
    }

    /** Whether the row at position pos takes part: picked (in this batch or before), or not crossed. */
    private boolean on(int pos) {
        return pickOf[pos] != NONE || (overlap && !crossed[pos]);
    }

    /** (leaf, query row) pairs within the band, grouped by leaf in increasing order, rows in order within a leaf. */
    private Tasks tasks(int[] qp) {
        int m = qp.length;
        int[][] cand = new int[m][];
        IntConsumer find = i -> cand[i] = leaves.candidates(qp[i]);
        if ((long) m * index.leaves >= PARALLEL_PAIRS / 4) workers.forEach(m, find);
        else for (int i = 0; i < m; i++) find.accept(i);
        int[] perLeaf = new int[index.leaves];
        int pairs = 0;
        int used = 0;
        for (int[] cs : cand) {
            for (int b : cs) if (perLeaf[b]++ == 0) used++;
            pairs += cs.length;
        }
        Tasks t = new Tasks(used, pairs);
        int[] slot = new int[index.leaves];
        int u = 0;
        for (int b = 0; b < index.leaves; b++) {
            if (perLeaf[b] == 0) continue;
            t.leaf[u] = b;
            slot[b] = t.start[u];
            t.start[u + 1] = t.start[u] + perLeaf[b];
            u++;
        }
        for (int i = 0; i < m; i++)
            for (int b : cand[i]) t.row[slot[b]++] = i;
        return t;
    }

    /**
     * Task t: its leaf against its query rows, pick by pick. Row parts go to rowPart; increments
     * of rows picked earlier are returned; overlap sums of the leaf's rows are updated here (the
     * task owns them), pick by pick, and crossings counted per pick.
     */
    private Increments evaluate(Tasks tasks, int t, int[] qp, int[] qa, int k0, double[] rowPart, AtomicIntegerArray crossings) {
        PickGroups sc = GROUPS.get();
        int b = tasks.leaf[t];
        int[] cb = leaves.cols(b);
        int nb = leaves.width(b);
        int k0t = tasks.start[t];
        int k1t = tasks.start[t + 1];
        // Groups: runs of rows of one pick, each with its masks and column sums.
        int groups = 0;
        sc.reserve(k1t - k0t);
        for (int k = k0t; k < k1t; k++) {
            int a = qa[tasks.row[k]];
            if (k == k0t || a != qa[tasks.row[k - 1]]) {
                sc.reserveGroups(groups + 1);
                sc.groupPick[groups] = a;
                masks(a, cb, nb, sc.rm, sc.cm, groups * LEAF);
                Arrays.fill(sc.col, groups * LEAF, groups * LEAF + nb, 0.0);
                groups++;
            }
            sc.groupOf[k - k0t] = groups - 1;
        }
        double[][] pl = index.panel[b];
        double[] nr = index.leafNorms[b];
        double[] x = index.data;
        double[] pp = sc.tile.p;
        double[] kk = sc.tile.k;
        double[][] dot = sc.tile.dots;
        double[] rm = sc.rm;
        double[] col = sc.col;
        int dim = index.dim;
        int k = k0t;
        for (; k + 4 <= k1t; k += 4) {
            int p0 = qp[tasks.row[k]], p1 = qp[tasks.row[k + 1]], p2 = qp[tasks.row[k + 2]], p3 = qp[tasks.row[k + 3]];
            TileKernel.dots4(x, p0 * dim, p1 * dim, p2 * dim, p3 * dim, dim, pl, nb, dot[0], dot[1], dot[2], dot[3]);
            rowPart[k] = TileKernel.maskedTerms(dot[0], nr, nb, index.norms[p0], c, pp, kk, rm, col, sc.groupOf[k - k0t] * LEAF);
            rowPart[k + 1] = TileKernel.maskedTerms(dot[1], nr, nb, index.norms[p1], c, pp, kk, rm, col, sc.groupOf[k + 1 - k0t] * LEAF);
            rowPart[k + 2] = TileKernel.maskedTerms(dot[2], nr, nb, index.norms[p2], c, pp, kk, rm, col, sc.groupOf[k + 2 - k0t] * LEAF);
            rowPart[k + 3] = TileKernel.maskedTerms(dot[3], nr, nb, index.norms[p3], c, pp, kk, rm, col, sc.groupOf[k + 3 - k0t] * LEAF);
        }
        for (; k < k1t; k++) {
            int p0 = qp[tasks.row[k]];
            TileKernel.dots1(x, p0 * dim, dim, pl, nb, dot[0]);
            rowPart[k] = TileKernel.maskedTerms(dot[0], nr, nb, index.norms[p0], c, pp, kk, rm, col, sc.groupOf[k - k0t] * LEAF);
        }
        Increments out = null;
        for (int g = 0; g < groups; g++) {
            int a = sc.groupPick[g];
            for (int j = 0; j < nb; j++) {
                if (sc.cm[g * LEAF + j] == 0) continue;
                double v = sc.col[g * LEAF + j];
                int pos = cb[j];
                if (pickOf[pos] < a) {
                    if (out == null) out = new Increments((groups - g) * nb);
                    out.add(a, index.order[pos], v);
                } else if (overlap && !crossed[pos]) {
                    cover[pos] += v;
                    if (cross(pos)) crossings.incrementAndGet(a - k0);
                }
            }
        }
        return out;
    }

    /**
     * Masks of a leaf's columns (positions cb[j]) for a row of pick a: rm = 1 where the column's
     * terms count in the row's sum (rows picked at or before a), cm = 1 where they go to the column
     * (rows picked before a; with the overlap, rows not picked by a whose sum has not crossed).
     */
    private void masks(int a, int[] cb, int nb, double[] rm, double[] cm, int o) {
        for (int j = 0; j < nb; j++) {
            int pos = cb[j];
            int pk = pickOf[pos];
            rm[o + j] = pk <= a ? 1.0 : 0.0;
            cm[o + j] = pk < a || (overlap && pk > a && !crossed[pos]) ? 1.0 : 0.0;
        }
    }

    /** Tasks of one batch: task t is leaf[t] against query rows row[start[t] .. start[t+1]). */
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

    /** Increments of earlier prefix rows found by one task, in pick order. */
    private static final class Increments {
        final int[] pick;
        final int[] row;
        final double[] val;
        int n;

        /** @param capacity the pick groups left times the leaf's columns: each group lists a column at most once */
        Increments(int capacity) {
            pick = new int[capacity];
            row = new int[capacity];
            val = new double[capacity];
        }

        void add(int a, int e, double v) {
            pick[n] = a;
            row[n] = e;
            val[n++] = v;
        }
    }

    /** Per-thread state of a task: its tile buffers and its pick groups (runs of rows of one pick) with their masks and column sums. */
    private static final class PickGroups {
        final TileKernel tile = new TileKernel(4, LEAF);
        int[] groupOf = new int[64];
        int[] groupPick = new int[8];
        double[] rm = new double[8 * LEAF];
        double[] cm = new double[8 * LEAF];
        double[] col = new double[8 * LEAF];
        void reserve(int rows) {
            if (groupOf.length < rows) groupOf = new int[Math.max(rows, 2 * groupOf.length)];
        }

        void reserveGroups(int groups) {
            if (groupPick.length >= groups) return;
            int n = Math.max(groups, 2 * groupPick.length);
            groupPick = Arrays.copyOf(groupPick, n);
            rm = Arrays.copyOf(rm, n * LEAF);
            cm = Arrays.copyOf(cm, n * LEAF);
            col = Arrays.copyOf(col, n * LEAF);
        }
    }
}
