package io.atomcover.api;

import io.atomcover.select.ForceTails;
import io.atomcover.select.Selection;
import io.atomcover.select.SelectionCurve;
import io.atomcover.select.SelectionMethod;
import io.atomcover.select.SelectionSummary;

/**
 * The outcome of {@link Atomcover#compress}: the selection and what it keeps.
 *
 * @param method           the method that chose it
 * @param ordering         every pick made: the whole ordering with full or optimal, else the selection
 * @param selected         the selection (a prefix of {@code ordering})
 * @param scores           msc: the score of each pick of the ordering ({@code +∞} for a pick made while an
 *                         environment of it had no cover); null for the other methods
 * @param compatDeviations msc with the compat check: positions of the selection where compat scoring
 *                         picks differently; null otherwise
 * @param curve            entropy, diversity and overlap of every prefix of the ordering, when asked
 *                         (curve or optimal); else null
 * @param summary          entropy, diversity, overlap and sizes of the selection
 * @param forces           the |F| tails of the selection against the dataset, when the dataset was given
 *                         and has forces; else null
 * @param seconds          wall time of each step
 * @param backend          the backend that did the work (after any fallback in mid-run)
 */
public record Compression(SelectionMethod method, Selection ordering, Selection selected, double[] scores,
                          Integer compatDeviations, SelectionCurve curve, SelectionSummary summary, ForceTails forces,
                          Seconds seconds, String backend) {
    /**
     * Wall time of the steps of a compression.
     *
     * @param selection   structure entropies and the selection
     * @param compatCheck the compat-scoring run (0 when not made)
     * @param curve       the selection curve (0 when not made)
     * @param metrics     the summary and the force tails
     */
    public record Seconds(double selection, double compatCheck, double curve, double metrics) {
    }

    /** entropy × diversity of the selection's prefix in the curve (the optimal criterion); NaN without a curve. */
    public double optimalValue() {
        return curve == null ? Double.NaN : curve.entropyTimesDiversity()[selected.size() - 1];
    }
}
