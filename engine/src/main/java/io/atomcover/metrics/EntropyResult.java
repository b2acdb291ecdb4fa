package io.atomcover.metrics;


/**
 * Entropy and diversity of one descriptor set, both from the same kernel sums p(x_i | X):
 * {@code entropy = -(1/N) Σ log(p_i / N)}, {@code diversity = log Σ 1/p_i}.
 */
public record EntropyResult(double entropy, double diversity) {
}
