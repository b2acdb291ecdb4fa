package io.atomcover.generate;

/**
 * The dH of a structure's environments against a fixed reference set, from which a chain's score
 * is formed. Implementations hold the reference (and any index over it).
 */
@FunctionalInterface
public interface NoveltyScore {
    /** dH of each of the {@code rows.length / dim} descriptor rows against the reference. */
    double[] deltaEntropy(double[] rows, int dim);

    /** The score of a structure: the mean of |dH_i − target| over its environments (lower is better). */
    static double score(double[] dH, double target) {
        double s = 0;
        for (double v : dH) s += Math.abs(v - target);
        return s / dH.length;
    }
}
