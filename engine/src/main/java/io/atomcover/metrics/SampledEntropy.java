package io.atomcover.metrics;

/**
 * An entropy estimated from a uniform sample of the environments: {@code estimate} is the sample
 * mean of {@code -log(p_i / N)}, each p_i summed against all N environments, so its expectation is
 * the entropy H of the whole set. The interval is the two-sided Student-t interval of the mean with
 * the finite-population correction {@code sqrt(1 - n/N)} (the sample is drawn without replacement),
 * widened on both sides by {@code bound}, the effect of a kernel-sum tolerance
 * ({@link io.atomcover.backend.Tolerance#logBound}); with n = N it is the exact entropy ± bound.
 *
 * @param estimate      sample mean of -log(p_i / N), nats
 * @param standardError sample standard deviation / sqrt(n), times sqrt(1 - n/N)
 * @param low           lower end of the interval
 * @param high          upper end of the interval
 * @param confidence    nominal coverage of the interval (0.95)
 * @param bound         half-width added for the tolerance (0 when exact)
 * @param samples       environments drawn (n)
 * @param population    environments in the set (N)
 * @param seed          seed of the draw
 */
public record SampledEntropy(double estimate, double standardError, double low, double high, double confidence,
                             double bound, int samples, int population, long seed) {
}
