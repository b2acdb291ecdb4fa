package io.atomcover.metrics;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;

/**
 * Overlap of a dataset with a selection of its own structures: how many environments e have
 * {@code dH(e | selected) = -log K_e < eps}, {@code K_e = Σ_f k(x_e, x_f)} over the selected rows f.
 * The same count as {@link InformationMetrics#overlap(double[], double)} of
 * {@link InformationMetrics#differentialEntropy} against the selected rows, with fewer rows summed.
 *
 * <p>The overlap is a threshold test, {@code K_e > e^{-eps}}, and a lower bound of K_e that passes
 * the threshold decides it without a sum. Two bounds are at hand: a selected row's own term makes
 * its K_e at least 1, and a greedy cover ({@code MscResult#coverBounds}) ends with a lower bound of
 * every row's K_e against its picks. A bound decides only when it passes the threshold by
 * {@link #MARGIN} relative (far more than the rounding of any of them); every other row is tested
 * against the selected rows with {@link KdeBackend#covered}, which answers as the full pass does
 * and may stop a row's sum once it passes the threshold.
 */
public final class SelectionOverlap {
    /** How far (relative) a lower bound must pass the threshold to decide a row without its sum. */
    static final double MARGIN = 1e-9;

    private final KdeBackend backend;

    public SelectionOverlap(KdeBackend backend) {
        this.backend = backend;
    }

    /**
     * Counts of one overlap computation.
     *
     * @param covered dataset rows with dH &lt; eps
     * @param rows    dataset rows
     * @param summed  rows tested against the selected rows (the others were decided by a bound)
     */
    public record Count(int covered, int rows, int summed) {
        /** covered / rows; NaN without rows. */
        public double fraction() {
            return rows == 0 ? Double.NaN : (double) covered / rows;
        }
    }

    /**
     * The overlap of every row of {@code d} with the rows of the structures {@code selected}
     * (distinct indices), reporting progress in rows of d.
     *
     * @param bounds lower bounds of each dataset row's linear kernel sum against exactly the rows of
     *               {@code selected} (indexed by row), or null when none are known
     */
    public Count count(Descriptors d, int[] selected, double bandwidth, double eps, double[] bounds,
                       ProgressListener progress) {
        int n = d.rows();
        if (bounds != null && bounds.length != n)
            throw new IllegalArgumentException(bounds.length + " bounds for " + n + " rows");
        if (n == 0) return new Count(0, 0, 0);
        // No selected row: every K_e is 0, so dH = +∞ everywhere.
        if (selected.length == 0) return new Count(Double.POSITIVE_INFINITY < eps ? n : 0, n, 0);
        double pass = Math.exp(-eps) * (1 + MARGIN);
        boolean[] decided = new boolean[n];
        // The self term is 1 (its computed distance is 0 up to rounding far inside MARGIN).
        if (1.0 > pass) {
            int[] off = d.offsets();
            for (int s : selected) java.util.Arrays.fill(decided, off[s], off[s + 1], true);
        }
        if (bounds != null) for (int e = 0; e < n; e++) if (bounds[e] > pass) decided[e] = true;
        int covered = 0;
        int rest = 0;
        for (boolean b : decided) if (b) covered++; else rest++;
        if (rest > 0) {
            int dim = d.dim();
            double[] query = new double[rest * dim];
            for (int e = 0, i = 0; e < n; e++)
                if (!decided[e]) System.arraycopy(d.data(), e * dim, query, i++ * dim, dim);
            boolean[] hit = new boolean[rest];
            backend.covered(new RowBlock(query, dim, 0, rest), RowBlock.of(d.select(selected)), bandwidth, eps, hit,
                    progress.part(n - rest, rest, n));
            for (boolean v : hit) if (v) covered++;
        }
        progress.progress(n, n);
        return new Count(covered, n, rest);
    }
}
