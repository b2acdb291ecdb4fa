package io.atomcover.select;

import io.atomcover.backend.ChunkCovers;
import io.atomcover.backend.CoverSession;
import io.atomcover.backend.GreedyCover;
import io.atomcover.backend.GreedyCoverAbandoned;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.LogSpace;
import io.atomcover.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy minimum-set-cover compression with a lazy scheduler
 * (docs/methods.md, "Greedy minimum set cover").
 *
 * <h2>Algorithm</h2>
 * Every environment e of a structure not yet taken carries the kernel sum {@code K_e} against the
 * environments of the structures taken so far; a structure's score is {@code H_s - log min_e K_e}
 * and the highest score is taken next (ties: smaller index). The first pick is the structure with
 * the largest entropy H_s (first index on ties), except in conditional runs, where K_e starts from
 * a reference set instead.
 *
 * <h2>Lazy scheduler</h2>
 * {@code K_e} only grows, so a score computed earlier is an upper bound of the current one. The
 * structures sit in a max-heap ordered by (bound descending, index ascending). The top is taken
 * when its bound is up to date (it has seen every pick made so far); otherwise the picks it has not
 * seen are applied in one backend call — query: its own rows (contiguous in the dataset), reference:
 * the rows of those picks, which are a contiguous suffix of an append-only array holding the rows of
 * all picks in pick order — and it sinks back into the heap. Because the heap order is the very
 * tie-break order and every stale key is an upper bound in that order, the result is the selection
 * of the eager loop that refreshes every structure after every pick. The one exception is at the
 * level of rounding: a K_e refreshed against several picks at once is the rounded sum of all their
 * terms rather than a sequence of per-pick roundings, so two structures whose scores agree to the
 * last bit (duplicate structures) may be ordered differently from an eager loop.
 *
 * <p>A backend with a device-resident loop ({@link KdeBackend#greedyCover}) runs the whole loop
 * itself; if it abandons that loop in mid-run ({@link GreedyCoverAbandoned}, a device failure under
 * {@code --backend auto}), the selection starts over here with the lazy scheduler.
 *
 * <p>Per-pick bookkeeping touches only the rows of the structure being refreshed; the initial
 * refresh of all structures (against the first pick or the reference) is one backend call. Memory:
 * the dataset, one double per environment, and the rows of the picks (at most the rows of the
 * {@code size} largest structures).
 *
 * <h2>Modes</h2>
 * {@link Mode#DEFAULT} keeps {@code log K_e} from max-shifted log-space sums, combined with
 * log-add-exp, so scores stay finite and structures far from everything taken are ranked by how far
 * they are. {@link Mode#COMPAT} reproduces the reference program: linear sums, {@code κ_s = min K_e},
 * {@code dH_s = -log κ_s}, which is {@code +∞} when a K_e underflowed to exactly 0; among such
 * structures the smallest index wins whatever its entropy.
 *
 * <p>Not thread-safe in itself (each call has its own state); concurrent calls are safe when the
 * backend is.
 */
public final class MscSelector {
    /** Scoring mode (docs/methods.md, "Default and compat scoring"). */
    public enum Mode {
        /** Log-space kernel sums: finite scores, ties broken by real novelty. */
        DEFAULT,
        /** Linear-space sums as the reference computes them (the golden values follow this). */
        COMPAT
    }

    /** Environments updated per session call. */
    static final int BATCH = 8;

    private final KdeBackend backend;
    private final double bandwidth;
    private final Mode mode;
    private final ProgressListener progress;

    public MscSelector(KdeBackend backend, double bandwidth, Mode mode) {
        this(backend, bandwidth, mode, ProgressListener.NONE);
    }

    /**
     * @param backend   where every kernel sum is computed
     * @param bandwidth Gaussian bandwidth h (Å⁻¹), positive
     * @param mode      scoring mode
     * @param progress  receives (picks done, picks requested) after every pick
     */
    public MscSelector(KdeBackend backend, double bandwidth, Mode mode, ProgressListener progress) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        this.backend = backend;
        this.bandwidth = bandwidth;
        this.mode = mode;
        this.progress = progress;
    }

    public Mode mode() {
        return mode;
    }

    /** Structure entropies H_s through the backend (all available processors). */
    public double[] structureEntropies(Descriptors d) {
        return new InformationMetrics(backend).structureEntropies(d, bandwidth);
    }

    /** {@link #select(Descriptors, double[], int)} with the structure entropies computed here. */
    public MscResult select(Descriptors d, int size) {
        return select(d, structureEntropies(d), size);
    }

    /**
     * The first {@code size} picks of greedy MSC; {@code size = S} gives the full ordering.
     *
     * @param d         descriptors with structure offsets; every structure needs at least one row
     * @param entropies H_s per structure (see {@link InformationMetrics#structureEntropies})
     * @param size      number of picks, 0..S (see {@link SelectionSize#resolve})
     */
    public MscResult select(Descriptors d, double[] entropies, int size) {
        check(d, entropies, size);
        var device = backend.greedyCover();
        if (device.isPresent() && size > 0) {
            MscResult r = onDevice(device.get(), d, entropies, null, size);
            if (r != null) return r;
        }
        Run run = new Run(d, entropies, size);
        if (size == 0) return run.result();
        int first = 0;
        for (int s = 1; s < entropies.length; s++) if (entropies[s] > entropies[first]) first = s;
        run.take(first, Double.POSITIVE_INFINITY);
        if (size > 1) {
            run.start(RowBlock.ofStructure(d, first), 1);
            while (run.picks < size) run.next();
        }
        return run.result();
    }

    /**
     * Conditional MSC: K_e starts as the kernel sums against the rows of {@code reference} (data
     * already held); no forced first pick. Picks are indices into {@code d}. In default mode an empty
     * reference gives plain MSC; in compat mode it gives what the reference program gives (every
     * score +∞, so index order until something covers).
     */
    public MscResult selectConditional(Descriptors d, double[] entropies, int size, Descriptors reference) {
        check(d, entropies, size);
        if (reference.dim() != d.dim())
            throw new IllegalArgumentException("reference rows have dimension " + reference.dim() + ", candidates " + d.dim());
        if (reference.rows() == 0 && mode == Mode.DEFAULT) return select(d, entropies, size);
        var device = backend.greedyCover();
        if (device.isPresent() && size > 0) {
            double[] initial = new double[d.rows()];
            if (mode == Mode.COMPAT) backend.kernelSums(RowBlock.of(d), RowBlock.of(reference), bandwidth, initial);
            else backend.logKernelSums(RowBlock.of(d), RowBlock.of(reference), bandwidth, initial);
            MscResult r = onDevice(device.get(), d, entropies, initial, size);
            if (r != null) return r;
        }
        Run run = new Run(d, entropies, size);
        if (size == 0) return run.result();
        run.start(RowBlock.of(reference), 0);
        while (run.picks < size) run.next();
        return run.result();
    }

    /**
     * Segmented MSC for very large inputs: the structures (in index order) are cut into chunks of
     * {@code chunks·size}, each chunk is compressed to {@code size} (a shorter chunk keeps all it
     * has), the survivors are concatenated in chunk order and the step repeats until they fit in one
     * chunk, which plain MSC then orders. The chunks of a round are independent: a backend with
     * {@link KdeBackend#chunkCovers} runs them side by side, each as {@link #coverChunk} does. With
     * {@code S ≤ chunks·size} this is plain MSC. Progress is reported for the final stage.
     *
     * @param chunks chunk length in units of {@code size}, at least 2 (so every round shrinks the set)
     */
    public MscResult selectSegmented(Descriptors d, double[] entropies, int size, int chunks) {
        check(d, entropies, size);
        if (chunks < 2) throw new IllegalArgumentException("chunks must be at least 2: " + chunks);
        int total = d.structureCount();
        long chunkLength = (long) chunks * size;
        if (size == 0 || total <= chunkLength) return select(d, entropies, size);
        int[] alive = new int[total];
        for (int s = 0; s < total; s++) alive[s] = s;
        long calls = 0;
        long pairs = 0;
        while (alive.length > chunkLength) {
            List<int[]> parts = new ArrayList<>();
            int[] next = new int[alive.length];
            int n = 0;
            // A part no longer than size survives whole, in its place; the others are covered.
            List<Integer> at = new ArrayList<>();
            for (int from = 0; from < alive.length; from += (int) chunkLength) {
                int[] part = Arrays.copyOfRange(alive, from, (int) Math.min(alive.length, from + chunkLength));
                if (part.length <= size) {
                    System.arraycopy(part, 0, next, n, part.length);
                    n += part.length;
                } else {
                    at.add(n);
                    n += size;
                    parts.add(part);
                }
            }
            List<ChunkCovers.Picks> picks = backend.chunkCovers()
                    .map(c -> c.coverEach(d, entropies, parts, size, bandwidth, mode == Mode.DEFAULT))
                    .orElseGet(() -> coverEachHere(d, entropies, parts, size));
            for (int i = 0; i < parts.size(); i++) {
                ChunkCovers.Picks p = picks.get(i);
                System.arraycopy(p.structures(), 0, next, at.get(i), size);
                calls += p.backendCalls();
                pairs += p.pairs();
            }
            alive = Arrays.copyOf(next, n);
        }
        MscResult last = select(d.select(alive), pick(entropies, alive), size);
        int[] local = last.selection().indices();
        int[] global = new int[local.length];
        for (int i = 0; i < local.length; i++) global[i] = alive[local[i]];
        return new MscResult(new Selection("msc", global), last.scores(), mode, calls + last.backendCalls(), pairs + last.pairs());
    }

    /**
     * One chunk of a segmented round: the greedy cover of the structures {@code part} of {@code d}
     * (a fresh run on those structures alone) to {@code size} picks, given as structure indices of
     * {@code d}. The one definition that this machine and the tasks of a cluster run.
     */
    public static ChunkCovers.Picks coverChunk(KdeBackend backend, double bandwidth, Mode mode, Descriptors d,
                                              double[] entropies, int[] part, int size) {
        MscResult r = new MscSelector(backend, bandwidth, mode, ProgressListener.NONE)
                .select(d.select(part), pick(entropies, part), size);
        int[] local = r.selection().indices();
        int[] global = new int[local.length];
        for (int i = 0; i < local.length; i++) global[i] = part[local[i]];
        return new ChunkCovers.Picks(global, r.backendCalls(), r.pairs());
    }

    private List<ChunkCovers.Picks> coverEachHere(Descriptors d, double[] entropies, List<int[]> parts, int size) {
        List<ChunkCovers.Picks> out = new ArrayList<>(parts.size());
        for (int[] part : parts) out.add(coverChunk(backend, bandwidth, mode, d, entropies, part, size));
        return out;
    }

    /**
     * Positions at which two orderings differ (a position present in only one counts as differing);
     * for a default-mode run against the compat run of the same input this is the deviation the
     * report gives.
     */
    public static int differingPositions(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < Math.max(a.length, b.length); i++)
            if (i >= a.length || i >= b.length || a[i] != b[i]) n++;
        return n;
    }

    /** Runs compat mode on the same input and size as {@code result} and counts differing positions. */
    public int deviationsFromCompat(Descriptors d, double[] entropies, MscResult result) {
        int[] own = result.selection().indices();
        int[] compat = new MscSelector(backend, bandwidth, Mode.COMPAT).select(d, entropies, own.length).selection().indices();
        return differingPositions(own, compat);
    }

    /** The device loop's result, or null when the backend abandoned it (the host loop then starts over). */
    private MscResult onDevice(GreedyCover device, Descriptors d, double[] entropies, double[] initial, int size) {
        GreedyCover.Result r;
        try {
            r = device.run(d, entropies, initial, size, bandwidth, mode == Mode.DEFAULT, progress);
        } catch (GreedyCoverAbandoned e) {
            return null;
        }
        return new MscResult(new Selection("msc", r.order()), r.scores(), mode, 1, r.pairs());
    }

    private static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = values[idx[i]];
        return out;
    }

    private static void check(Descriptors d, double[] entropies, int size) {
        int total = d.structureCount();
        if (entropies.length != total)
            throw new IllegalArgumentException(entropies.length + " entropies for " + total + " structures");
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        for (int s = 0; s < total; s++) {
            if (d.rowsOf(s) == 0) throw new IllegalArgumentException("structure " + s + " has no environments");
            if (Double.isNaN(entropies[s])) throw new IllegalArgumentException("entropy of structure " + s + " is NaN");
        }
    }

    /**
     * How far above the cut an early-stopped update goes (log units): high enough that the structure
     * sinks clearly below the next one instead of coming straight back for another small raise.
     * Changes only the work, never the selection: with no margin a structure keeps coming back for
     * small raises (about three times the calls on Si-train), while a margin of 1 or 2 halves the
     * pairs evaluated.
     */
    static final double STOP_MARGIN = 1.0;
    private static final double STOP_FACTOR = Math.exp(STOP_MARGIN);
    /** State of one greedy run. */
    private final class Run {
        final Descriptors d;
        final int[] off;
        final double[] entropy;
        final boolean compat = mode == Mode.COMPAT;
        final CoverSession session;
        /** K_e (compat) or log K_e (default) per environment. */
        final double[] cover;
        /** Picks each environment's cover has seen (picks [0, seen[e]) are applied). */
        final int[] seen;
        /** The planned updates of the top and of the runner-up, and the scratch of their joint call. */
        final Refresh top = new Refresh();
        final Refresh runnerUp = new Refresh();
        final int[] pairStructure = new int[2 * BATCH];
        final int[] pairRows = new int[2 * BATCH];
        final int[] pairFrom = new int[2 * BATCH];
        final double[] pairStop = new double[2 * BATCH];
        final double[] pairReached = new double[2 * BATCH];
        final boolean[] pairStopped = new boolean[2 * BATCH];
        /** Lower bounds of current covers from updates that stopped early (see {@link #value}). */
        final double[] lower;
        /** Covers before the first pick (conditional runs), or null. */
        double[] base;
        /** Whether {@link #start} has set the covers (a one-pick run never does). */
        boolean started;
        /** Current upper bound of each structure's score. */
        final double[] bound;
        final int[] order;
        final double[] scores;
        final int size;
        int picks;
        long calls;
        long pairs;
        /** Max-heap of structure ids in (bound desc, index asc) order. */
        int[] heap;
        int heapSize;

        Run(Descriptors d, double[] entropy, int size) {
            this.d = d;
            this.off = d.offsets();
            this.entropy = entropy;
            this.size = size;
            int total = d.structureCount();
            session = backend.coverSession(d, bandwidth, !compat);
            cover = new double[d.rows()];
            seen = new int[d.rows()];
            lower = new double[d.rows()];
            java.util.Arrays.fill(lower, compat ? 0.0 : Double.NEGATIVE_INFINITY);
            bound = new double[total];
            order = new int[size];
            scores = new double[size];
        }

        void take(int s, double score) {
            order[picks] = s;
            scores[picks] = score;
            session.pick(s);
            picks++;
            progress.progress(picks, size);
        }

        /**
         * Initial covers of every structure from one call against {@code ref}, which counts as the
         * first {@code applied} picks; then the heap of all structures not taken.
         */
        void start(RowBlock ref, int applied) {
            RowBlock all = RowBlock.of(d);
            if (compat) backend.kernelSums(all, ref, bandwidth, cover);
            else backend.logKernelSums(all, ref, bandwidth, cover);
            // A conditional run's starting covers (no pick applied yet) are the base of exact recomputes.
            if (applied == 0) base = cover.clone();
            started = true;
            calls++;
            pairs += (long) all.count() * ref.count();
            int total = d.structureCount();
            boolean[] taken = new boolean[total];
            for (int i = 0; i < picks; i++) taken[order[i]] = true;
            heap = new int[total];
            java.util.Arrays.fill(seen, applied);
            for (int s = 0; s < total; s++) {
                if (taken[s]) continue;
                bound[s] = score(s);
                heap[heapSize++] = s;
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--) siftDown(i);
        }

        /**
         * Brings the top up to date until its bound is exact, and takes it. A structure's bound is
         * exact once its smallest cover is up to date: the stale covers are lower bounds of their
         * current values, so when none of them is below the smallest fresh one, that one is the
         * minimum. Otherwise the stale covers below it (the lowest {@value #BATCH}) are updated and
         * the structure sinks back into the heap with its new bound.
         *
         * <p>The runner-up (the larger child of the top) is brought up in the same session call:
         * when the top sinks, the runner-up is the next top and needs that update anyway, and one
         * call with both gives the backend twice the independent work to spread over its threads.
         * Which structures are updated depends only on the heap, never on the thread count.
         */
        void next() {
            while (true) {
                int s = heap[0];
                if (!top.plan(s, largestOtherBound(-1))) {
                    heap[0] = heap[--heapSize];
                    if (heapSize > 0) siftDown(0);
                    take(s, bound[s]);
                    return;
                }
                int r = heapSize > 2 && before(heap[2], heap[1]) ? 2 : 1;
                boolean paired = r < heapSize && runnerUp.plan(heap[r], largestOtherBound(r));
                update(top, paired ? runnerUp : null);
                top.finish();
                if (paired) {
                    runnerUp.finish();
                    siftDown(r);
                }
                siftDown(0);
            }
        }

        /** The largest bound in the heap other than at the root and at heap position {@code skip} (−1: none). */
        double largestOtherBound(int skip) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 1; c <= 2; c++) {
                if (c >= heapSize) break;
                if (c != skip) {
                    best = Math.max(best, bound[heap[c]]);
                } else {
                    for (int g = 2 * c + 1; g <= 2 * c + 2 && g < heapSize; g++) best = Math.max(best, bound[heap[g]]);
                }
            }
            return best;
        }

        /** One session call (and the exact recomputes) for the planned rows of one or two structures. */
        void update(Refresh a, Refresh b) {
            int n = gather(a, 0);
            if (b != null) n = gather(b, n);
            if (n > 0) session.accumulateUntil(pairStructure, pairRows, pairFrom, n, cover, pairStop, pairReached, pairStopped);
            System.arraycopy(pairReached, 0, a.reached, 0, a.behind);
            System.arraycopy(pairStopped, 0, a.stopped, 0, a.behind);
            if (a.bounded > 0) session.exactify(a.s, a.exact, a.bounded, base, cover);
            if (b != null) {
                System.arraycopy(pairReached, a.behind, b.reached, 0, b.behind);
                System.arraycopy(pairStopped, a.behind, b.stopped, 0, b.behind);
                if (b.bounded > 0) session.exactify(b.s, b.exact, b.bounded, base, cover);
            }
            calls++;
        }

        /** Appends r's rows behind on picks to the joint call's arrays from position at; returns the new count. */
        int gather(Refresh r, int at) {
            for (int i = 0; i < r.behind; i++, at++) {
                pairStructure[at] = r.s;
                pairRows[at] = r.rows[i];
                pairFrom[at] = r.from[i];
                pairStop[at] = r.stop[i];
            }
            return at;
        }

        /** The planned update of one structure: which rows, from which pick, with which stop. */
        final class Refresh {
            int s;
            final int[] rows = new int[BATCH];
            final int[] from = new int[BATCH];
            final int[] exact = new int[BATCH];
            final double[] stop = new double[BATCH];
            final double[] reached = new double[BATCH];
            final boolean[] stopped = new boolean[BATCH];
            /** Rows behind on picks (rows[0..behind)) and rows up to date but only bounded (exact[0..bounded)). */
            int behind;
            int bounded;

            /**
             * Plans the update of structure s given the largest other bound {@code next}; false when
             * s has nothing stale that could decide (its bound is exact).
             */
            boolean plan(int s, double next) {
                this.s = s;
                double freshMin = Double.POSITIVE_INFINITY;
                for (int e = off[s]; e < off[s + 1]; e++) if (fresh(e)) freshMin = Math.min(freshMin, cover[e]);
                // Rows at or above this cut cannot decide this round: they are not below the fresh
                // minimum, or they leave the structure's bound at or below the next structure's.
                double cut = Math.min(freshMin, compat ? Math.exp(entropy[s] - next) : entropy[s] - next);
                int stale = lowestStale(s, cut, rows);
                // Updates of rows below the cut may stop a little above it: enough to sink the structure.
                double level = compat ? cut * STOP_FACTOR : cut + STOP_MARGIN;
                if (stale == 0) {
                    // A tie with the next bound, or only the fresh minimum is left to check: exact updates.
                    stale = lowestStale(s, freshMin, rows);
                    level = Double.POSITIVE_INFINITY;
                }
                behind = 0;
                bounded = 0;
                if (stale == 0) return false;
                // Rows behind on picks are brought up to date; rows up to date but only bounded are made exact.
                for (int i = 0; i < stale; i++) {
                    int e = rows[i];
                    if (seen[e] < picks) {
                        rows[behind] = e;
                        from[behind] = seen[e];
                        stop[behind++] = level;
                    } else {
                        exact[bounded++] = e;
                    }
                }
                return true;
            }

            /** Records what the update left: lower bounds of stopped rows, the picks seen by the others, the new bound. */
            void finish() {
                for (int i = 0; i < behind; i++) {
                    if (stopped[i]) lower[rows[i]] = Math.max(lower[rows[i]], reached[i]);
                    else seen[rows[i]] = picks;
                }
                bound[s] = score(s);
            }
        }

        /** Puts the (up to) {@value #BATCH} lowest stale rows of s with values below {@code cut} into rows, lowest first; returns how many. */
        int lowestStale(int s, double cut, int[] rows) {
            int stale = 0;
            for (int e = off[s]; e < off[s + 1]; e++) {
                if (fresh(e)) continue;
                double v = value(e);
                if (!(v < cut)) continue;
                int i = Math.min(stale, BATCH - 1);
                if (stale == BATCH && v >= value(rows[i])) continue;
                while (i > 0 && value(rows[i - 1]) > v) {
                    rows[i] = rows[i - 1];
                    i--;
                }
                rows[i] = e;
                if (stale < BATCH) stale++;
            }
            return stale;
        }

        /**
         * What is known of environment e's current cover: exact when fresh, otherwise a lower bound
         * (its stale cover, or a partial sum from an update that stopped early).
         */
        double value(int e) {
            return fresh(e) ? cover[e] : Math.max(cover[e], lower[e]);
        }

        /** Whether the cover of environment e is exact and has seen every pick. */
        boolean fresh(int e) {
            return seen[e] == picks && session.isExact(e);
        }

        /** {@code H_s - log min_e K_e} (compat: {@code +∞} when that minimum is exactly 0), an upper bound until exact. */
        double score(int s) {
            double min = Double.POSITIVE_INFINITY;
            for (int e = off[s]; e < off[s + 1]; e++) min = Math.min(min, value(e));
            return compat ? -Math.log(min) + entropy[s] : entropy[s] - min;
        }

        /** True when structure a ranks before b: larger bound, then smaller index. */
        boolean before(int a, int b) {
            return bound[a] > bound[b] || (bound[a] == bound[b] && a < b);
        }

        void siftDown(int i) {
            int s = heap[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= heapSize) break;
                if (c + 1 < heapSize && before(heap[c + 1], heap[c])) c++;
                if (!before(heap[c], s)) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = s;
        }

        MscResult result() {
            session.close();
            return new MscResult(new Selection("msc", order), scores, mode, calls, pairs + session.pairsRequested(),
                    started && base == null ? coverBounds() : null);
        }

        /**
         * Per environment, a linear lower bound of its kernel sum against all picks: what
         * {@link #value} knows, which only lags the true cover (default mode: its exponential).
         */
        double[] coverBounds() {
            double[] b = new double[cover.length];
            for (int e = 0; e < b.length; e++) b[e] = compat ? value(e) : Math.exp(value(e));
            return b;
        }
    }
}
