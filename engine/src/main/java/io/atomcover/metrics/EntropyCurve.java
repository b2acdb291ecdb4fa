package io.atomcover.metrics;

import java.util.List;

/**
 * Entropy against dataset fraction, from repeated random samples of the environments (what upstream
 * QUESTS's {@code learning_curve} computes); see {@link EntropyCurves}.
 *
 * @param points          one per fraction, in the order asked
 * @param population      environments in the dataset (N)
 * @param withReplacement whether samples were drawn with replacement
 * @param seed            seed of the draws
 */
public record EntropyCurve(List<Point> points, int population, boolean withReplacement, long seed) {
    /**
     * One fraction.
     *
     * @param fraction  fraction f asked for
     * @param size      environments per sample, floor(f·N)
     * @param entropies entropy of each sample (its own kernel sums, N = size), one per run
     * @param mean      mean of {@code entropies}
     * @param std       population standard deviation of {@code entropies} (divisor runs, as NumPy's np.std)
     */
    public record Point(double fraction, int size, double[] entropies, double mean, double std) {
    }
}
