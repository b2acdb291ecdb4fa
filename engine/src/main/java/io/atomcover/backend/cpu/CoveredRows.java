package io.atomcover.backend.cpu;

import io.atomcover.backend.RowBlock;
import io.atomcover.util.ProgressListener;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The CPU answer to {@link io.atomcover.backend.KdeBackend#covered}: whether each query row's linear
 * kernel sum K against the reference rows passes {@code τ = e^{-eps}}, i.e. {@code dH = -log K < eps}.
 *
 * <p>A threshold test needs a row's sum only until it shows the answer. Each query leaf visits the
 * reference leaves nearest first (by the lower bound of {@link RowIndex#lowerBound}), adding the
 * terms of its undecided rows; a row leaves as soon as its partial sum, a lower bound of K, passes
 * {@code τ(1 + MARGIN)}. Rows still undecided when every leaf within the band has been visited have
 * their whole sum up to a tail below {@code τ·1e-12} (terms beyond the band radius R, each below
 * {@code τ·1e-12 / reference rows}); a sum below {@code τ(1 - MARGIN)} shows them not covered.
 * MARGIN (1e-9 relative) is far wider than the error of the fast exp and of the pruned kernel sums
 * (about 1e-12 relative), so every row decided here gets the answer the full kernel sum gives; the
 * few rows within MARGIN of τ are summed by {@link CpuKdeBackend#kernelSums} and tested exactly as
 * the default method tests them.
 *
 * <p>The other way round, a leaf not yet visited can add at most its row count times the kernel at
 * its lower bound (the query leaf's bound for the first {@link #ROW_BOUNDS} leaves, then each row's
 * own), so a row whose partial sum plus what the unvisited leaves can add stays below
 * {@code τ(1 - MARGIN)} is not covered, before the band radius is reached. Covered rows usually pass
 * τ within their first few leaves; rows not covered need most of their band, as the bounds are
 * loose in 63 dimensions (figures in docs/benchmarks.md, "Selection metrics from the covers").
 */
final class CoveredRows {
    /** How far (relative) a sum must pass τ, either way, to decide a row here. */
    static final double MARGIN = 1e-9;
    /** The dropped tail of a row (terms beyond the band) is below τ times this. */
    static final double TAIL = 1e-12;
    /**
     * Leaves visited before a row's own bounds are worked out: most covered rows are decided by then,
     * and their bounds would cost about as much as a few leaves of sums.
     */
    static final int ROW_BOUNDS = 4;
    /** Problems with fewer pairs than this run on the calling thread. */
    private static final long INLINE_PAIRS = 1L << 20;

    private final CpuKdeBackend backend;

    CoveredRows(CpuKdeBackend backend) {
        this.backend = backend;
    }

    /**
     * Fills {@code out[i] = -log K_i < eps} for every query row; false when the threshold cannot be
     * tested by partial sums (the caller then sums every row).
     */
    boolean compute(RowBlock query, RowBlock ref, double h, double eps, boolean[] out, ProgressListener progress) {
        int nq = query.count();
        int nr = ref.count();
        // Small problems: the index costs more than the sums it would spare.
        if ((long) nq * nr < CpuKdeBackend.INDEX_PAIRS) return false;
        double tau = Math.exp(-eps);
        double c = 1.0 / (2.0 * h * h);
        // Terms beyond R are each below τ·TAIL/nr: z = -d²c < log(τ·TAIL/nr).
        double r2 = (Math.log(nr) - Math.log(TAIL) + eps) / c;
        if (!(tau > 0) || Double.isInfinite(tau) || !(r2 > 0) || Double.isInfinite(r2)) return false;
        double limit = Math.sqrt(r2) * (1 + 1e-9) + 1e-12;
        double above = tau * (1 + MARGIN);
        double below = tau * (1 - MARGIN);

        backend.counters.addRequested((long) nq * nr);
        Projection proj = Projection.principal(ref, CpuKdeBackend.AXES);
        RowIndex r = RowIndex.tree(ref, proj, CpuKdeBackend.LEAF);
        RowIndex q = RowIndex.tree(query, proj, CpuKdeBackend.LEAF);
        // Per position of q: 1 covered, -1 not covered, 0 to be summed in full.
        byte[] answer = new byte[q.rows];
        AtomicLong done = new AtomicLong();
        progress.progress(0, q.leaves);
        IntConsumer leaf = a -> {
            decideLeaf(q, r, a, c, limit, above, below, answer);
            progress.progress(done.incrementAndGet(), q.leaves);
        };
        if (backend.threads() > 1 && (long) nq * nr >= INLINE_PAIRS) backend.workers.forEach(q.leaves, leaf);
        else for (int a = 0; a < q.leaves; a++) leaf.accept(a);

        int open = 0;
        for (byte v : answer) if (v == 0) open++;
        int[] undecided = new int[open];
        for (int p = 0, i = 0; p < q.rows; p++) {
            int row = q.order[p];
            if (answer[p] == 0) undecided[i++] = row;
            else out[row] = answer[p] > 0;
        }
        if (open > 0) {
            int d = query.dim();
            double[] rows = new double[open * d];
            for (int i = 0; i < open; i++) System.arraycopy(query.data(), (query.first() + undecided[i]) * d, rows, i * d, d);
            double[] sums = new double[open];
            backend.kernelSums(new RowBlock(rows, d, 0, open), ref, h, sums);
            for (int i = 0; i < open; i++) out[undecided[i]] = -Math.log(sums[i]) < eps;
        }
        return true;
    }

    /**
     * What the leaves from the {@code from}-th on can add to the row at position p, from its own
     * lower bounds (beyond the band: the tail), computed once per row and kept in {@code rowRest}.
     */
    private static double rowRest(RowIndex q, RowIndex r, int p, int p0, Integer[] byBound, int from, int candidates,
                                  double c, double limit, double tail, double[][] rowRest) {
        double[] s = rowRest[p - p0];
        if (s == null) {
            s = new double[candidates + 1];
            s[candidates] = tail;
            for (int t = candidates - 1; t >= from; t--) {
                double v = q.rowLowerBound(p, r, byBound[t]);
                s[t] = s[t + 1] + (v > limit ? 0.0 : r.leafSize(byBound[t]) * Math.exp(-v * v * c) * (1 + MARGIN));
            }
            rowRest[p - p0] = s;
        }
        return s[from];
    }

    /** Decides the rows of query leaf a where their partial or band sums allow. */
    private void decideLeaf(RowIndex q, RowIndex r, int a, double c, double limit, double above, double below,
                            byte[] answer) {
        int nb = r.leaves;
        double[] lb = new double[nb];
        Integer[] byBound = new Integer[nb];
        int candidates = 0;
        for (int b = 0; b < nb; b++) {
            double v = q.lowerBound(a, r, b);
            if (v > limit) continue;
            lb[b] = v;
            byBound[candidates++] = b;
        }
        Arrays.sort(byBound, 0, candidates, (x, y) -> Double.compare(lb[x], lb[y]));
        // rest[t]: an upper bound of what the leaves from the t-th on can add to any row of leaf a
        // (each row of leaf b is at least lb[b] away), plus the tail beyond the band.
        double[] rest = new double[candidates + 1];
        double tail = above * TAIL;
        rest[candidates] = tail;
        for (int t = candidates - 1; t >= 0; t--) {
            double v = lb[byBound[t]];
            rest[t] = rest[t + 1] + r.leafSize(byBound[t]) * Math.exp(-v * v * c) * (1 + MARGIN);
        }
        int p0 = q.leafStart[a];
        int na = q.leafSize(a);
        double[] acc = new double[na];
        int[] active = new int[na];
        for (int i = 0; i < na; i++) active[i] = p0 + i;
        int open = na;
        // Rows that even every term still to come cannot lift to τ are not covered.
        if (rest[0] < below) {
            for (int i = 0; i < na; i++) answer[p0 + i] = -1;
            return;
        }
        // Per row (from the ROW_BOUNDS-th leaf on): the same bound from the row's own distance bounds.
        double[][] rowRest = new double[na][];
        int[] rows = new int[na];
        TileKernel tile = new TileKernel(4, CpuKdeBackend.LEAF);
        double[][] dot = tile.dots;
        int d = q.dim;
        for (int t = 0; t < candidates && open > 0; t++) {
            int b = byBound[t];
            int n = 0;
            for (int i = 0; i < open; i++) if (q.rowLowerBound(active[i], r, b) <= limit) rows[n++] = active[i];
            if (n == 0) continue;
            int w = r.leafSize(b);
            double[][] pl = r.panel[b];
            double[] nr = r.leafNorms[b];
            backend.counters.addEvaluated((long) n * w);
            int k = 0;
            for (; k + 4 <= n; k += 4) {
                int i0 = rows[k], i1 = rows[k + 1], i2 = rows[k + 2], i3 = rows[k + 3];
                TileKernel.dots4(q.data, i0 * d, i1 * d, i2 * d, i3 * d, d, pl, w, dot[0], dot[1], dot[2], dot[3]);
                acc[i0 - p0] += TileKernel.fastTerms(dot[0], nr, w, q.norms[i0], c, 0.0, tile.p, tile.k, null);
                acc[i1 - p0] += TileKernel.fastTerms(dot[1], nr, w, q.norms[i1], c, 0.0, tile.p, tile.k, null);
                acc[i2 - p0] += TileKernel.fastTerms(dot[2], nr, w, q.norms[i2], c, 0.0, tile.p, tile.k, null);
                acc[i3 - p0] += TileKernel.fastTerms(dot[3], nr, w, q.norms[i3], c, 0.0, tile.p, tile.k, null);
            }
            for (; k < n; k++) {
                int i = rows[k];
                TileKernel.dots1(q.data, i * d, d, pl, w, dot[0]);
                acc[i - p0] += TileKernel.fastTerms(dot[0], nr, w, q.norms[i], c, 0.0, tile.p, tile.k, null);
            }
            // Rows whose partial sum passed τ are covered whatever the rest adds; rows that the rest
            // cannot lift to τ are not.
            int kept = 0;
            for (int i = 0; i < open; i++) {
                int p = active[i];
                double v = acc[p - p0];
                if (v > above) answer[p] = 1;
                else if (v + rest[t + 1] < below) answer[p] = -1;
                else if (t + 1 >= ROW_BOUNDS && v + rowRest(q, r, p, p0, byBound, t + 1, candidates, c, limit, tail, rowRest) < below)
                    answer[p] = -1;
                else active[kept++] = p;
            }
            open = kept;
        }
        // Every leaf within the band is summed for the rows left: their sums are complete but for the tail.
        for (int i = 0; i < open; i++) if (acc[active[i] - p0] + tail < below) answer[active[i]] = -1;
    }
}
