package io.atomcover.select;

/**
 * Outcome of a minimum-set-cover run.
 *
 * @param selection    the ordered picks (method "msc"); every prefix is the selection of that size
 * @param scores       {@code dH_s + H_s} of each pick when it was taken; {@code +∞} for a pick made while
 *                     some environment of it had no cover at all (the forced first pick, and compat-mode
 *                     picks whose smallest linear kernel sum was exactly 0)
 * @param mode         the scoring mode that produced it
 * @param backendCalls kernel-sum calls made (one per lazy update, plus the initial one)
 * @param pairs        query × reference rows asked of the backend over all calls
 * @param coverBounds  per dataset environment, a lower bound of its linear kernel sum against the
 *                     rows of all picks, from the covers the greedy loop left (stale covers and
 *                     partial sums are lower bounds); null where the loop's covers include other
 *                     rows (conditional runs) or cover only part of the dataset (segmented runs),
 *                     and for a device-resident loop
 */
public record MscResult(Selection selection, double[] scores, MscSelector.Mode mode, long backendCalls, long pairs,
                        double[] coverBounds) {
    public MscResult {
        scores = scores.clone();
    }

    /** A result without cover bounds. */
    public MscResult(Selection selection, double[] scores, MscSelector.Mode mode, long backendCalls, long pairs) {
        this(selection, scores, mode, backendCalls, pairs, null);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    public int[] indices() {
        return selection.indices();
    }
}
