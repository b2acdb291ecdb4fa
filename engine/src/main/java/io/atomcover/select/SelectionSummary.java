package io.atomcover.select;

import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.metrics.SelectionOverlap;
import io.atomcover.util.ProgressListener;

/**
 * What a selection keeps (docs/methods.md, "What a selection keeps").
 *
 * @param entropy         entropy of the selected environments (NaN for an empty selection)
 * @param diversity       diversity of the selected environments (NaN for an empty selection)
 * @param overlap         fraction of all dataset environments e with {@code dH(e | selected) < eps}
 * @param originalSize    structures in the dataset
 * @param compressedSize  structures selected
 * @param originalEnvs    environments in the dataset
 * @param compressedEnvs  environments of the selected structures
 */
public record SelectionSummary(double entropy, double diversity, double overlap, int originalSize, int compressedSize,
                               int originalEnvs, int compressedEnvs) {

    /**
     * The summary of the first {@code n} picks of an ordering from its selection curve, which has
     * measured every prefix already (with the overlap): entropy, diversity and overlap are the curve's
     * entry n − 1, equal to a fresh summary of that prefix up to rounding.
     *
     * @param structures structures in the dataset
     * @param rows       environments in the dataset
     * @throws IllegalArgumentException when the curve has no overlap or fewer than n entries
     */
    public static SelectionSummary ofPrefix(SelectionCurve curve, int n, int structures, int rows) {
        if (curve.overlap() == null) throw new IllegalArgumentException("the curve has no overlap");
        if (n < 1 || n > curve.entropy().length)
            throw new IllegalArgumentException("prefix " + n + " of a curve of " + curve.entropy().length);
        return new SelectionSummary(curve.entropy()[n - 1], curve.diversity()[n - 1], curve.overlap()[n - 1], structures, n,
                rows, curve.environments()[n - 1]);
    }

    /** Summary with the default overlap threshold {@value InformationMetrics#DEFAULT_OVERLAP_EPS}. */
    public static SelectionSummary of(KdeBackend backend, Descriptors d, int[] selected, double bandwidth) {
        return of(backend, d, selected, bandwidth, InformationMetrics.DEFAULT_OVERLAP_EPS);
    }

    /**
     * Entropy and diversity from the kernel sums of the selected rows among themselves; the overlap
     * from {@link SelectionOverlap}: linear sums of the dataset rows against the selected rows,
     * dH = -log p, as the reference computes the overlap, for the rows not already shown covered.
     */
    public static SelectionSummary of(KdeBackend backend, Descriptors d, int[] selected, double bandwidth, double eps) {
        return of(backend, d, selected, bandwidth, eps, ProgressListener.NONE);
    }

    /**
     * {@link #of(KdeBackend, Descriptors, int[], double, double)}, reporting progress in rows: the
     * selected rows (entropy), then every dataset row (overlap).
     */
    public static SelectionSummary of(KdeBackend backend, Descriptors d, int[] selected, double bandwidth, double eps,
                                      ProgressListener progress) {
        return of(backend, d, selected, bandwidth, eps, null, progress);
    }

    /**
     * {@link #of(KdeBackend, Descriptors, int[], double, double, ProgressListener)} with lower bounds of
     * every dataset row's linear kernel sum against the selected rows (an MSC run's
     * {@link MscResult#coverBounds} when the selection is all its picks; null: none), which spare the
     * sums of rows they show covered.
     */
    public static SelectionSummary of(KdeBackend backend, Descriptors d, int[] selected, double bandwidth, double eps,
                                      double[] coverBounds, ProgressListener progress) {
        return of(backend, d, selected, bandwidth, eps, coverBounds, 0.0, progress);
    }

    /**
     * {@link #of(KdeBackend, Descriptors, int[], double, double, double[], ProgressListener)} with the
     * entropy and diversity from kernel sums within {@code tolerance} relative (each then within
     * {@link io.atomcover.backend.Tolerance#logBound} of its exact value); the overlap stays exact.
     */
    public static SelectionSummary of(KdeBackend backend, Descriptors d, int[] selected, double bandwidth, double eps,
                                      double[] coverBounds, double tolerance, ProgressListener progress) {
        Descriptors sel = d.select(selected);
        if (selected.length == 0 || sel.rows() == 0)
            return new SelectionSummary(Double.NaN, Double.NaN, 0.0, d.structureCount(), selected.length, d.rows(), sel.rows());
        InformationMetrics kde = new InformationMetrics(backend);
        long total = (long) sel.rows() + d.rows();
        EntropyResult h = kde.entropy(sel, bandwidth, tolerance, progress.part(0, sel.rows(), total));
        double overlap = new SelectionOverlap(backend).count(d, selected, bandwidth, eps, coverBounds,
                progress.part(sel.rows(), d.rows(), total)).fraction();
        return new SelectionSummary(h.entropy(), h.diversity(), overlap, d.structureCount(), selected.length, d.rows(), sel.rows());
    }
}
