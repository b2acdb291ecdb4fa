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
