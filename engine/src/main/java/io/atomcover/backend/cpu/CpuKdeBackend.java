package io.atomcover.backend.cpu;

import io.atomcover.backend.CoverSession;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.PrefixSession;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.Tolerance;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Multi-threaded CPU kernel sums.
 *
 * <h2>Shape of the work</h2>
 * Both row sets are cut into leaves of at most {@value #LEAF} rows ({@link RowIndex}); a task is one
 * query leaf against a run of reference leaves, so a small query set against a large reference still
 * spreads over every thread. Runs of consecutive candidate leaves are copied side by side into one
 * {@link Strip} of up to {@value #STRIP} columns and evaluated in one pass (a lone leaf is read in
 * place). Within a tile, distances
 * come as {@code |x|² + |y|² - 2x·y}: the dot products of four query rows against the transposed
 * strip (one FMA stream per component, compiled to vector FMAs by C2), then the exponent and
 * polynomial part of exp in one vector loop and the exact 2^k scaling plus the sums in a short scalar
 * loop ({@link TileKernel}). Memory is linear in the row counts: no matrix larger than a strip is ever
 * formed.
 *
 * <h2>Shifted sums and determinism</h2>
 * Every row sum is computed as {@code p_i = e^{m_i} · S_i}, {@code S_i = Σ_j e^{z_ij - m_i}},
 * {@code z_ij = -d²_ij/(2h²)}, with m_i the row's largest exponent, so all terms are ≤ 1 and S_i ≥ 1.
 * When the query rows are rows of the reference block itself (same array, range inside), the self
 * term gives m_i = 0 without search; otherwise m_i comes from a nearest-neighbour pass that uses
 * the very same distance arithmetic. Partial sums of tiles go into 128-bit fixed-point accumulators
 * ({@link ExactSums}), whose addition is exact: results are bit-identical for any thread count.
 * The linear result {@code e^{m_i}·S_i} is exactly 0 when every term underflows (m_i < -745.13),
 * as in the reference; log sums are {@code m_i + log S_i} and stay finite.
 *
 * <h2>Pruning (default) and its thresholds</h2>
 * A term smaller than {@code e^{-T}}, {@code T = ln 1e17 ≈ 39.1}, times its row's largest term is
 * dropped: a row has at most N such terms, so the relative change of S_i is below N·1e-17 (1.3e-13
 * for the 13,233 rows of Si-train, 1.1e-12 for QM7's 110,650), far inside the 1e-9 relative / 1e-8
 * absolute tolerance of the golden values. In distance terms: a pair can be skipped when
 * {@code d² > d²_min,i + 2h²T} (for h = 0.015 and a self term, d > 0.1327). Whole tiles are skipped
 * when a lower bound on the distance between their leaves exceeds that radius (plus a 1e-9 relative
 * margin for rounding) — the bounds come from orthonormal principal-axis projections and bounding
 * balls, so they never exceed a true distance; then, inside a kept strip of leaves, query rows whose
 * own bound to every leaf of the strip (projected point-to-box, point-to-ball) exceeds their own
 * radius {@code sqrt(d²_min,i + 2h²T)} are skipped as well. On self sums (entropy) only tiles with
 * reference leaf ≥ query leaf are evaluated, each adding its row sums to the query rows and its
 * column sums to the reference rows (the kernel is symmetric and the band is the same for every
 * row). Measured: Si-train evaluates 38.0% of its N² pairs (54% lie inside the band).
 * Inside evaluated tiles the shifted exponent is
 * clamped at {@value TileKernel#CLAMP} (e^-60 ≈ 8.8e-27, so each clamped term is off by less than that, a
 * change below N·1e-26 of S_i), which keeps the fast exp in its normal range.
 *
 * <h2>Bounded error ({@code kernelSums} with a tolerance REL &gt; 0)</h2>
 * Every returned sum is within REL relative of the sum over the same computed distances with
 * {@link Math#exp} (the brute-force reference). The tolerance is spent in three parts; for a row
 * with N reference terms, S_i ≥ 1 (shifted) and u = REL - {@value #ROUNDING_SHARE}:
 * <ul>
 *   <li>rounding, {@value #ROUNDING_SHARE}: the fast exp (below 1e-15 relative per term), the clamp
 *   (N·e^-60), partial sums of at most {@value #CHUNK}·{@value #LEAF} terms in double (about 1.2e-13
 *   relative, the same again in the reference) and the fixed-point accumulators;</li>
 *   <li>dropped terms, {@value #DROP_SHARE}·u: the band uses T = ln(N / (DROP_SHARE·u)) instead of
 *   ln 1e17, so the at most N dropped terms, each below e^-T, change S_i by at most DROP_SHARE·u;</li>
 *   <li>aggregated terms, the other (1 - DROP_SHARE)·u: for a row p and a reference leaf b, the
 *   exact distances lie in [L, U] with L the pruning bound and U = |x_p - centre_b| + radius_b, so
 *   every term lies in [lo, hi] = [e^{-cU²-m}, e^{-cL²-m}] (widened for the rounding of the bounds,
 *   of the dot-product distances and of exp). When {@code (hi - lo)/2 ≤ (1-DROP_SHARE)·u·S_low/N},
 *   the leaf's nb terms are added as nb·(hi + lo)/2 without their distances. S_low ≤ S_i is a lower
 *   bound from the same upper bounds over the leaves within the band, plus the row's largest term 1;
 *   on symmetric sums, where the aggregate goes to the column rows too, the allowance uses the
 *   smaller of the row's S_low and the least S_low of leaf b. Each of at most N terms is then off by
 *   at most its allowance, so S_i moves by at most (1-DROP_SHARE)·u. The diagonal tiles of symmetric
 *   sums are always evaluated.</li>
 * </ul>
 * Every decision depends on the row and the leaf alone, so the sums stay bit-identical for any
 * thread count. The allowance is a fraction REL/N of the row's sum per term, so only far terms are
 * aggregated: on dense data the near field is still evaluated pair by pair (figures in
 * docs/benchmarks.md, "Bounded-error kernel sums"). Cover and prefix sessions and log sums are always
 * exact, so selections do not depend on a tolerance.
 *
 * <p>With {@code pruning = false} every pair is evaluated with {@link Math#exp} and no clamp — the
 * brute-force reference the tests compare against. Its per-pair distances are bit-identical to the
 * pruned path's (same kernel).
 *
 * <p>Thread-safe: calls may come from several threads at once. Small problems run on the calling
 * thread; larger ones use the backend's own pool plus the calling thread. Its sessions share that
 * pool ({@link Parallel}) and the pair counters ({@link PairCounters}).
 */
public final class CpuKdeBackend implements KdeBackend {
    /** Rows per leaf (tile edge). */
    static final int LEAF = 64;
    /** Principal axes used for the leaf boxes. */
    static final int AXES = 10;
    /** Reference leaves per task. */
    private static final int CHUNK = 16;
    /** Candidate leaf pairs held at once (an int each, 16 MiB): bounds the query leaves of one batch. */
    static final long BATCH_CANDIDATES = 1L << 22;
    /** Progress units per query leaf. */
    private static final long PROGRESS_SCALE = 1024;
    /**
     * Widest {@link Strip} of reference columns evaluated in one pass of the tile kernel: runs of
     * consecutive candidate leaves up to this width (a 129 KB panel at d = 63, inside L2) keep the
     * kernel's vector loops long.
     */
    static final int STRIP = 256;
    /** Terms below e^-DROP_LOG of their row's largest term may be dropped (see class comment). */
    static final double DROP_LOG = Math.log(1e17);
    /** Share of a tolerance kept for rounding: fast exp, clamp, partial sums (see class comment). */
    static final double ROUNDING_SHARE = 1e-12;
    /** Share of the rest of a tolerance spent on dropped terms; aggregation gets the remainder. */
    static final double DROP_SHARE = 0.2;
    /** Pruning problems with fewer pairs than this evaluate every pair (no index). */
    static final long INDEX_PAIRS = 1L << 14;
    /** Problems with fewer pairs than this run on the calling thread. */
    private static final long INLINE_PAIRS = 1L << 20;

    private final int threads;
    private final boolean pruning;
    /** The pool and the counters, shared with the sessions this backend makes. */
    final Parallel workers;
    final PairCounters counters = new PairCounters();

    /** A pruning backend on {@code threads} threads (≥ 1). */
    public CpuKdeBackend(int threads) {
        this(threads, true);
    }

    /**
     * @param threads threads to use, ≥ 1 (the calling thread counts as one)
     * @param pruning false evaluates every pair with {@link Math#exp} (brute force, for checking)
     */
    public CpuKdeBackend(int threads, boolean pruning) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        this.threads = threads;
        this.pruning = pruning;
        workers = new Parallel(threads, "atomcover-kde");
    }

    @Override
    public String name() {
        return "cpu" + (pruning ? "" : ":exact") + "(" + threads + ")";
    }

    public int threads() {
        return threads;
    }

    public boolean pruning() {
        return pruning;
    }

    /** Query-reference pairs whose distance was computed, since construction or {@link #resetCounters()}. */
    public long pairsEvaluated() {
        return counters.evaluated();
    }

    /** Query-reference pairs asked for (Σ query rows × reference rows over calls). */
    public long pairsRequested() {
        return counters.requested();
    }

    /** With pruning: a {@link CpuCoverSession} (one index over all rows built once, bounded updates). */
    @Override
    public CoverSession coverSession(io.atomcover.descriptor.Descriptors d, double bandwidth, boolean logSpace) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        return pruning ? new CpuCoverSession(this, d, bandwidth, logSpace, coverAllPairs) : KdeBackend.super.coverSession(d, bandwidth, logSpace);
    }

    /** Candidate leaf pairs a kernel sum holds at once (tests set it small to run many batches). */
    long batchCandidates = BATCH_CANDIDATES;

    /** Row updates of cover sessions asking at most this many pairs skip the tree (tests set 0 to walk it always). */
    long coverAllPairs = CpuCoverSession.ALL_PAIRS;

    /** With pruning: a {@link CpuPrefixSession} (one index over all rows, built once; picks in batches). */
    @Override
    public PrefixSession prefixSession(io.atomcover.descriptor.Descriptors d, int[] order, double bandwidth, boolean overlap, double eps) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        return pruning && CpuPrefixSession.handles(overlap, eps)
                ? new CpuPrefixSession(this, d, order, bandwidth, overlap, eps)
                : KdeBackend.super.prefixSession(d, order, bandwidth, overlap, eps);
    }

    /** Query-reference pairs added as part of an aggregate (bounded-error sums) instead of evaluated. */
    public long pairsAggregated() {
        return counters.aggregated();
    }

    /**
     * Drop threshold T (terms below e^-T of the row's largest are dropped) such that at most
     * {@code terms} dropped terms change a sum S ≥ 1 by at most {@code budget}: T = ln(terms / budget).
     */
    static double dropLog(long terms, double budget) {
        double t = Math.log(terms / budget);
        // Above -CLAMP the clamped terms of evaluated tiles would no longer be negligible next to the dropped ones.
        if (!(t < -TileKernel.CLAMP)) throw new IllegalArgumentException("tolerance too small for " + terms + " terms");
        return Math.max(t, 0.0);
    }

    public void resetCounters() {
        counters.reset();
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        compute(query, ref, bandwidth, 0.0, out, false, ProgressListener.NONE);
    }

    /** Reports progress in query leaves (1,024 units each), tiles summed within each batch of leaves; the search for candidate tiles is not counted. */
    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out, ProgressListener progress) {
        compute(query, ref, bandwidth, 0.0, out, false, progress);
    }

    /**
     * Bounded-error sums (see the class comment, "Bounded error"); tolerance 0 is
     * {@link #kernelSums(RowBlock, RowBlock, double, double[], ProgressListener)}. Without pruning
     * every pair is evaluated exactly whatever the tolerance.
     */
    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double tolerance, double[] out,
                           ProgressListener progress) {
        compute(query, ref, bandwidth, Tolerance.check(tolerance), out, false, progress);
    }

    /** With pruning: rows leave their sums as soon as these show the answer ({@link CoveredRows}). */
    @Override
    public void covered(RowBlock query, RowBlock ref, double bandwidth, double eps, boolean[] out, ProgressListener progress) {
        if (query.dim() != ref.dim())
            throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + ref.dim());
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        if (out.length < query.count()) throw new IllegalArgumentException("output shorter than the query");
        if (!pruning || !new CoveredRows(this).compute(query, ref, bandwidth, eps, out, progress))
            KdeBackend.super.covered(query, ref, bandwidth, eps, out, progress);
    }

    @Override
    public void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        compute(query, ref, bandwidth, 0.0, out, true, ProgressListener.NONE);
    }

    @Override
    public void close() {
        workers.close();
    }

    // ------------------------------------------------------------------------------------------

    private void compute(RowBlock query, RowBlock ref, double h, double tol, double[] out, boolean log, ProgressListener progress) {
        if (query.dim() != ref.dim())
            throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + ref.dim());
        if (!(h > 0) || Double.isInfinite(h)) throw new IllegalArgumentException("bandwidth must be positive: " + h);
        if (out.length < query.count()) throw new IllegalArgumentException("output shorter than the query");
        progress.progress(0, 1);
        int nq = query.count();
        if (nq > 0 && ref.count() == 0) Arrays.fill(out, 0, nq, log ? Double.NEGATIVE_INFINITY : 0.0);
        if (nq > 0 && ref.count() > 0) {
            counters.addRequested((long) nq * ref.count());
            new Run(query, ref, h, pruning ? tol : 0.0).execute(out, log, progress);
        }
        progress.progress(1, 1);
    }

    /**
     * The buffers of one summing task, kept per thread: a task covers at most {@value #CHUNK}
     * reference leaves, so allocating a strip (dim × {@value #STRIP} doubles) for each would cost
     * more zeroing than some tasks do arithmetic. Every buffer is written before it is read.
     */
    private static final class TaskScratch {
        private static final ThreadLocal<TaskScratch> PER_THREAD = new ThreadLocal<>();
        final TileKernel tile = new TileKernel(4, STRIP);
        final Strip strip;
        final int[] kept = new int[LEAF];
        final double[] col = new double[STRIP];
        /** Bounded-error mode: distance bounds, term range, leaves to evaluate, one leaf's column terms. */
        final double[] bounds = new double[2];
        final double[] range = new double[2];
        final boolean[] evaluate = new boolean[STRIP];
        final double[] leafCol = new double[LEAF];

        private TaskScratch(int dim) {
            strip = new Strip(dim, STRIP);
        }

        /** This thread's buffers for rows of dimension {@code dim}. */
        static TaskScratch of(int dim) {
            TaskScratch s = PER_THREAD.get();
            if (s == null || s.strip.panel.length != dim) PER_THREAD.set(s = new TaskScratch(dim));
            return s;
        }
    }

    /** One kernel-sum computation. */
    private final class Run {
        final double c;
        final double band2Extra;
        /** Bounded-error mode: tolerance &gt; 0 on an indexed problem. */
        final boolean tolerant;
        /** Per-term allowance of aggregation, as a fraction of the row's lower bound of S_i (δ_agg / N). */
        final double aggShare;
        /** Lower bounds of S_i per query position, and per reference leaf their minimum (symmetric runs). */
        double[] sLow;
        double[] sLowLeafMin;
        /** Largest squared norm per reference leaf (rounding margin of the aggregation bounds). */
        double[] leafMaxNorm;
        final RowIndex q;
        final RowIndex r;
        final boolean contained;
        final boolean symmetric;
        final boolean parallel;
        /** Whether leaves carry bounds (pruning on a problem large enough to pay for the index). */
        final boolean indexed;
        /** Largest shifted exponent per query position (m_i); minimum d² per position. */
        final double[] shift;
        final double[] minD2;
        ExactSums sums;
        Object[] locks;

        Run(RowBlock query, RowBlock ref, double h, double tol) {
            c = 1.0 / (2.0 * h * h);
            // Small problems skip the index: building it (a principal-axis decomposition and a k-d
            // split) costs more than evaluating every pair.
            indexed = pruning && (long) query.count() * ref.count() >= INDEX_PAIRS;
            tolerant = indexed && tol > 0;
            double usable = tol - ROUNDING_SHARE;
            band2Extra = 2.0 * h * h * (tolerant ? dropLog(ref.count(), DROP_SHARE * usable) : DROP_LOG);
            aggShare = tolerant ? (1 - DROP_SHARE) * usable / ref.count() : 0.0;
            if (indexed) {
                Projection proj = Projection.principal(ref, AXES);
                r = RowIndex.tree(ref, proj, LEAF);
                symmetric = query.sameRowsAs(ref);
                q = symmetric ? r : RowIndex.tree(query, proj, LEAF);
                contained = query.data() == ref.data() && query.dim() == ref.dim() && query.first() >= ref.first()
                        && query.first() + query.count() <= ref.first() + ref.count();
            } else {
                r = RowIndex.flat(ref, LEAF);
                q = RowIndex.flat(query, LEAF);
                symmetric = false;
                // With fast terms a self term still gives the exact shift m_i = 0.
                contained = pruning && query.data() == ref.data() && query.dim() == ref.dim() && query.first() >= ref.first()
                        && query.first() + query.count() <= ref.first() + ref.count();
            }
            parallel = threads > 1 && (long) query.count() * ref.count() >= INLINE_PAIRS;
            shift = new double[q.rows];
            minD2 = new double[q.rows];
        }

        void execute(double[] out, boolean log, ProgressListener progress) {
            sums = new ExactSums(q.rows);
            locks = new Object[q.leaves];
            for (int i = 0; i < locks.length; i++) locks[i] = new Object();
            if (!contained) Arrays.fill(minD2, Double.POSITIVE_INFINITY);
            if (tolerant) prepareLowerSums();
            // Query leaves go in batches so that the candidate lists (one int per leaf pair to
            // evaluate) stay bounded: kept for all leaves at once they would grow as N².
            int batch = (int) Math.max(1, Math.min(q.leaves, batchCandidates / Math.max(1, r.leaves)));
            long total = (long) q.leaves * PROGRESS_SCALE;
            AtomicLong done = new AtomicLong();
            for (int first = 0; first < q.leaves; first += batch) {
                int a0 = first;
                int a1 = Math.min(q.leaves, a0 + batch);
                int[][] cand = candidates(a0, a1);
                List<int[]> tasks = new ArrayList<>();
                long tiles = 0;
                for (int a = a0; a < a1; a++) {
                    int[] ca = cand[a - a0];
                    tiles += ca.length;
                    for (int s = 0; s < ca.length; s += CHUNK) tasks.add(new int[] {a, s, Math.min(ca.length, s + CHUNK)});
                }
                long batchTiles = Math.max(tiles, 1);
                long batchUnits = (long) (a1 - a0) * PROGRESS_SCALE;
                forEach(tasks.size(), t -> {
                    int[] task = tasks.get(t);
                    sumTask(task[0], cand[task[0] - a0], task[1], task[2]);
                    progress.progress(done.addAndGet((task[2] - task[1]) * batchUnits / batchTiles), total);
                });
                long end = (long) a1 * PROGRESS_SCALE;
                progress.progress(Math.max(done.getAndSet(end), end), total);
            }
            for (int p = 0; p < q.rows; p++) {
                double s = sums.get(p);
                int i = q.order[p];
                out[i] = log ? shift[p] + Math.log(s) : Math.exp(shift[p]) * s;
            }
        }

        /**
         * The candidate reference leaves of query leaves [a0, a1) (pruned: within the band; sorted),
         * with their rows' shifts and, in bounded-error mode, the lower bounds of their sums.
         */
        int[][] candidates(int a0, int a1) {
            int[][] cand = new int[a1 - a0][];
            if (contained) {
                // m_i = 0 from the self term; band radius from the drop threshold alone.
                double radius = Math.sqrt(band2Extra);
                forEach(a1 - a0, i -> cand[i] = within(a0 + i, radius, symmetric ? a0 + i : 0));
            } else {
                forEach(a1 - a0, i -> cand[i] = nearestThenBand(a0 + i));
                for (int p = q.leafStart[a0]; p < q.leafStart[a1]; p++) shift[p] = -minD2[p] * c;
            }
            // Symmetric runs have all their lower bounds from prepareLowerSums.
            if (tolerant && !symmetric) forEach(a1 - a0, i -> lowerSum(a0 + i, cand[i]));
            return cand;
        }

        /** Reference leaves b (b ≥ from) whose lower bound to query leaf a is within radius. */
        int[] within(int a, double radius, int from) {
            if (!indexed) {
                int[] all = new int[r.leaves - from];
                for (int b = from; b < r.leaves; b++) all[b - from] = b;
                return all;
            }
            double limit = radius * (1 + 1e-9) + 1e-12;
            int[] buf = new int[r.leaves - from];
            int n = 0;
            for (int b = from; b < r.leaves; b++)
                if (q.lowerBound(a, r, b) <= limit) buf[n++] = b;
            return Arrays.copyOf(buf, n);
        }

        /**
         * For a query leaf without self terms: finds each row's nearest reference distance (leaves in
         * order of their lower bound, stopping when the bound passes the worst row's nearest
         * distance), then returns the leaves within the band sqrt(max_i d²_min,i + 2h²T).
         */
        int[] nearestThenBand(int a) {
            int p0 = q.leafStart[a];
            int na = q.leafSize(a);
            TileKernel tile = new TileKernel(4, LEAF);
            if (!indexed) {
                for (int b = 0; b < r.leaves; b++) minTile(a, b, tile);
                return within(a, 0, 0);
            }
            double[] lb = new double[r.leaves];
            Integer[] byBound = new Integer[r.leaves];
            for (int b = 0; b < r.leaves; b++) {
                lb[b] = q.lowerBound(a, r, b);
                byBound[b] = b;
            }
            Arrays.sort(byBound, (x, y) -> Double.compare(lb[x], lb[y]));
            for (int t = 0; t < r.leaves; t++) {
                int b = byBound[t];
                double worst = 0;
                for (int p = p0; p < p0 + na; p++) worst = Math.max(worst, minD2[p]);
                if (lb[b] > Math.sqrt(worst) * (1 + 1e-9) + 1e-12) break;
                minTile(a, b, tile);
            }
            double worst = 0;
            for (int p = p0; p < p0 + na; p++) worst = Math.max(worst, minD2[p]);
            double limit = Math.sqrt(worst + band2Extra) * (1 + 1e-9) + 1e-12;
            int n = 0;
            int[] buf = new int[r.leaves];
            for (int t = 0; t < r.leaves && lb[byBound[t]] <= limit; t++) buf[n++] = byBound[t];
            int[] res = Arrays.copyOf(buf, n);
            Arrays.sort(res);
            return res;
        }

        /** Lowers minD2 of the rows of query leaf a with the distances to reference leaf b. */
        void minTile(int a, int b, TileKernel tile) {
            int p0 = q.leafStart[a];
            int p1 = q.leafStart[a + 1];
            int nb = r.leafSize(b);
            double[][] pl = r.panel[b];
            double[] nr = r.leafNorms[b];
            counters.addEvaluated((long) (p1 - p0) * nb);
            double[][] dot = tile.dots;
            int d = q.dim;
            int p = p0;
            for (; p + 4 <= p1; p += 4) {
                TileKernel.dots4(q.data, p * d, (p + 1) * d, (p + 2) * d, (p + 3) * d, d, pl, nb, dot[0], dot[1], dot[2], dot[3]);
                minD2[p] = Math.min(minD2[p], TileKernel.minDist(dot[0], nr, nb, q.norms[p]));
                minD2[p + 1] = Math.min(minD2[p + 1], TileKernel.minDist(dot[1], nr, nb, q.norms[p + 1]));
                minD2[p + 2] = Math.min(minD2[p + 2], TileKernel.minDist(dot[2], nr, nb, q.norms[p + 2]));
                minD2[p + 3] = Math.min(minD2[p + 3], TileKernel.minDist(dot[3], nr, nb, q.norms[p + 3]));
            }
            for (; p < p1; p++) {
                TileKernel.dots1(q.data, p * d, d, pl, nb, dot[0]);
                minD2[p] = Math.min(minD2[p], TileKernel.minDist(dot[0], nr, nb, q.norms[p]));
            }
        }

        /**
         * Bounded-error mode: the arrays of the lower bounds of S_i; on symmetric runs also every
         * row's bound and their minimum per leaf, which column sums need before any leaf is summed.
         */
        void prepareLowerSums() {
            leafMaxNorm = new double[r.leaves];
            for (int b = 0; b < r.leaves; b++)
                for (double v : r.leafNorms[b]) leafMaxNorm[b] = Math.max(leafMaxNorm[b], v);
            sLow = new double[q.rows];
            if (!symmetric) return;
            // Symmetric runs list only leaves b ≥ a; the bound is better with all of them.
            double radius = Math.sqrt(band2Extra);
            forEach(q.leaves, a -> lowerSum(a, within(a, radius, 0)));
            sLowLeafMin = new double[r.leaves];
            for (int b = 0; b < r.leaves; b++) {
                double m = Double.POSITIVE_INFINITY;
                for (int p = r.leafStart[b]; p < r.leafStart[b + 1]; p++) m = Math.min(m, sLow[p]);
                sLowLeafMin[b] = m;
            }
        }

        /**
         * A lower bound of S_i for every row of query leaf a, from the upper bounds of its distances
         * to the leaves {@code near} within the band ({@code |x - centre| + radius}, with the rounding
         * margins of {@link #termRange}).
         */
        void lowerSum(int a, int[] near) {
            double[] lu = new double[2];
            double[] range = new double[2];
            for (int p = q.leafStart[a]; p < q.leafStart[a + 1]; p++) {
                double sum = 0;
                double max = 0;
                for (int b : near) {
                    q.rowBounds(p, r, b, lu);
                    termRange(p, b, lu[0], lu[1], range);
                    sum += r.leafSize(b) * range[0];
                    max = Math.max(max, range[0]);
                }
                // The largest term is 1 and lies in one of these leaves, counted there at ≤ max.
                sLow[p] = 1.0 + Math.max(sum - max, 0.0) * (1 - 1e-9);
            }
        }

        /**
         * Bounds [out[0], out[1]] of every shifted term e^{-c·d²_pj - m_p} of query position p against
         * reference leaf b, given bounds lower ≤ |x_p - y_j| ≤ upper of the exact distances: widened by
         * 1e-9·(1 + upper) for the rounding of the bounds themselves, by (dim+4)·2^-52·(|x|² + max|y|²)
         * in d² for the rounding of the dot-product form of the evaluated distances, and by 2^-50
         * relative for {@link Math#exp}.
         */
        void termRange(int p, int b, double lower, double upper, double[] out) {
            double s = 1e-9 * (1 + upper);
            double eta = (q.dim + 4) * 0x1p-52 * (q.norms[p] + leafMaxNorm[b]);
            double l = Math.max(lower - s, 0.0);
            double u = upper + s;
            out[0] = Math.exp(-(u * u + eta) * c - shift[p]) * (1 - 0x1p-50);
            out[1] = Math.exp(-Math.max(l * l - eta, 0.0) * c - shift[p]) * (1 + 0x1p-50);
        }

        /**
         * Bounded-error mode: the midpoint of the term range of position p against leaf b when adding
         * it for every pair keeps each term within its allowance (aggShare times the lower bound of
         * S of its row, and of its column's leaf when column sums take it too); -1 otherwise.
         */
        double aggregate(int p, int b, double lower, double upper, boolean cols, double[] range) {
            termRange(p, b, lower, upper, range);
            double allow = aggShare * (cols ? Math.min(sLow[p], sLowLeafMin[b]) : sLow[p]);
            return range[1] - range[0] <= 2 * allow ? 0.5 * (range[0] + range[1]) : -1;
        }

        /**
         * Shifted sums of query leaf a against cand[from..to), added to the exact accumulators. Runs
         * of consecutive candidate leaves go through the kernel as one strip of up to {@value #STRIP}
         * columns.
         */
        void sumTask(int a, int[] cand, int from, int to) {
            TaskScratch scratch = TaskScratch.of(r.dim);
            TileKernel tile = scratch.tile;
            Strip strip = scratch.strip;
            int[] kept = scratch.kept;
            int p0 = q.leafStart[a];
            int na = q.leafSize(a);
            double[] rowAcc = new double[na];
            double[] col = scratch.col;
            for (int t = from; t < to; ) {
                int b0 = cand[t];
                int b1 = b0;
                t++;
                while (t < to && cand[t] == b1 + 1 && r.leafStart[b1 + 2] - r.leafStart[b0] <= STRIP) {
                    b1++;
                    t++;
                }
                // On self sums the diagonal tile (b == a) adds row sums only: it holds both orders of its pairs.
                boolean cols = symmetric && b1 != a;
                int j0 = r.leafStart[b0];
                if (cols) Arrays.fill(col, 0, r.leafStart[b1 + 1] - j0, 0.0);
                if (b0 == b1) {
                    sumStrip(a, b0, b1, r.panel[b0], r.leafNorms[b0], r.leafSize(b0), tile, kept, rowAcc, cols ? col : null);
                } else {
                    strip.load(r, b0, b1);
                    sumStrip(a, b0, b1, strip.panel, strip.norms, strip.width, tile, kept, rowAcc, cols ? col : null);
                }
                if (!cols) continue;
                for (int b = b0; b <= b1; b++) {
                    if (b == a) continue;
                    int pb = r.leafStart[b];
                    int nb = r.leafSize(b);
                    synchronized (locks[b]) {
                        for (int j = 0; j < nb; j++) sums.add(pb + j, col[pb - j0 + j]);
                    }
                }
            }
            synchronized (locks[a]) {
                for (int i = 0; i < na; i++) sums.add(p0 + i, rowAcc[i]);
            }
        }

        /**
         * Adds the terms of query leaf a against reference leaves b0..b1 (consecutive, their nb
         * columns side by side in pl and nr: one leaf's panel, or a strip) to rowAcc (and col,
         * indexed like those columns); rows: scratch of one leaf edge.
         * A row is evaluated against the whole strip when it can have a term within the band in any of
         * its leaves: the extra pairs only add terms that the pruning may drop.
         */
        void sumStrip(int a, int b0, int b1, double[][] pl, double[] nr, int nb, TileKernel tile, int[] rows, double[] rowAcc, double[] col) {
            int p0 = q.leafStart[a];
            int p1 = q.leafStart[a + 1];
            int d = q.dim;
            int n = 0;
            if (tolerant) {
                n = aggregateRows(a, b0, b1, tile, rows, rowAcc, col);
            } else {
                for (int p = p0; p < p1; p++)
                    if (inBand(p, b0, b1)) rows[n++] = p;
            }
            counters.addEvaluated((long) n * nb);
            double[][] dot = tile.dots;
            int t = 0;
            for (; t + 4 <= n; t += 4) {
                int i0 = rows[t], i1 = rows[t + 1], i2 = rows[t + 2], i3 = rows[t + 3];
                TileKernel.dots4(q.data, i0 * d, i1 * d, i2 * d, i3 * d, d, pl, nb, dot[0], dot[1], dot[2], dot[3]);
                rowAcc[i0 - p0] += terms(dot[0], nr, nb, q.norms[i0], shift[i0], tile, col);
                rowAcc[i1 - p0] += terms(dot[1], nr, nb, q.norms[i1], shift[i1], tile, col);
                rowAcc[i2 - p0] += terms(dot[2], nr, nb, q.norms[i2], shift[i2], tile, col);
                rowAcc[i3 - p0] += terms(dot[3], nr, nb, q.norms[i3], shift[i3], tile, col);
            }
            for (; t < n; t++) {
                int i = rows[t];
                TileKernel.dots1(q.data, i * d, d, pl, nb, dot[0]);
                rowAcc[i - p0] += terms(dot[0], nr, nb, q.norms[i], shift[i], tile, col);
            }
        }

        /** Whether query position p can have a term within the band in one of the reference leaves b0..b1 (always when brute force). */
        boolean inBand(int p, int b0, int b1) {
            if (!indexed) return true;
            double limit = bandLimit(p);
            for (int b = b0; b <= b1; b++)
                if (q.rowLowerBound(p, r, b) <= limit) return true;
            return false;
        }

        /**
         * Bounded-error mode: for each row of query leaf a and each reference leaf b of the strip
         * b0..b1, drops the leaf (band), adds its aggregate to rowAcc and col (see {@link #aggregate})
         * or marks it for evaluation. A row with no aggregate in the strip is listed in rows, to be
         * evaluated against the whole strip (the extra pairs are exact terms); a row with aggregates
         * is evaluated here against its marked leaves alone, so no pair is counted twice. Returns how
         * many rows were listed. The diagonal tile of a symmetric run is always evaluated, so every
         * row's self term is exact.
         */
        int aggregateRows(int a, int b0, int b1, TileKernel tile, int[] rows, double[] rowAcc, double[] col) {
            int p0 = q.leafStart[a];
            int j0 = r.leafStart[b0];
            TaskScratch scratch = TaskScratch.of(r.dim);
            double[] bounds = scratch.bounds;
            double[] range = scratch.range;
            boolean[] evaluate = scratch.evaluate;
            double[] leafCol = scratch.leafCol;
            double[] dot = tile.dots[0];
            int n = 0;
            long added = 0;
            long evaluated = 0;
            for (int p = p0; p < q.leafStart[a + 1]; p++) {
                boolean any = false;
                boolean aggregated = false;
                double limit = bandLimit(p);
                for (int b = b0; b <= b1; b++) {
                    evaluate[b - b0] = false;
                    q.rowBounds(p, r, b, bounds);
                    if (bounds[0] > limit) continue;
                    boolean cols = col != null && b != a;
                    double mid = symmetric && a == b ? -1 : aggregate(p, b, bounds[0], bounds[1], cols, range);
                    if (mid < 0) {
                        evaluate[b - b0] = any = true;
                        continue;
                    }
                    int nb = r.leafSize(b);
                    rowAcc[p - p0] += nb * mid;
                    if (cols) for (int j = r.leafStart[b] - j0, e = j + nb; j < e; j++) col[j] += mid;
                    added += nb;
                    aggregated = true;
                }
                if (!aggregated) {
                    if (any) rows[n++] = p;
                    continue;
                }
                for (int b = b0; b <= b1; b++) {
                    if (!evaluate[b - b0]) continue;
                    int nb = r.leafSize(b);
                    boolean cols = col != null && b != a;
                    if (cols) Arrays.fill(leafCol, 0, nb, 0.0);
                    TileKernel.dots1(q.data, p * q.dim, q.dim, r.panel[b], nb, dot);
                    rowAcc[p - p0] += terms(dot, r.leafNorms[b], nb, q.norms[p], shift[p], tile, cols ? leafCol : null);
                    if (cols) for (int j = 0, o = r.leafStart[b] - j0; j < nb; j++) col[o + j] += leafCol[j];
                    evaluated += nb;
                }
            }
            counters.addAggregated(added);
            counters.addEvaluated(evaluated);
            return n;
        }

        /**
         * Largest distance at which a term of query position p can matter, with the rounding margin:
         * sqrt(d²_min + 2h²T) — for rows with a self term d²_min = 0.
         */
        double bandLimit(int p) {
            double d2 = contained ? 0.0 : minD2[p];
            return Math.sqrt(d2 + band2Extra) * (1 + 1e-9) + 1e-12;
        }

        double terms(double[] dot, double[] nr, int nb, double nq, double m, TileKernel tile, double[] col) {
            return pruning ? TileKernel.fastTerms(dot, nr, nb, nq, c, m, tile.p, tile.k, col) : TileKernel.exactTerms(dot, nr, nb, nq, c, m, col);
        }

        void forEach(int n, IntConsumer body) {
            if (!parallel || n <= 1) {
                for (int i = 0; i < n; i++) body.accept(i);
                return;
            }
            workers.forEach(n, body);
        }
    }
}
