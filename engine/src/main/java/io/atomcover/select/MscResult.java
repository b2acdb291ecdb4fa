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
 */
public record MscResult(Selection selection, double[] scores, MscSelector.Mode mode, long backendCalls, long pairs) {
    public MscResult {
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    public int[] indices() {
        return selection.indices();
    }
}
