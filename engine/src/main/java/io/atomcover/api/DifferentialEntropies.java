package io.atomcover.api;

import io.atomcover.metrics.InformationMetrics;

/**
 * dH of every environment of one dataset against a reference, and their statistics.
 *
 * @param values        one value per environment, +∞ where the kernel sum underflows
 * @param referenceEnvs environments of the reference
 */
public record DifferentialEntropies(double[] values, int referenceEnvs) {
    /** Fraction of the values below {@code eps}: how much of the dataset the reference covers. */
    public double overlap(double eps) {
        return InformationMetrics.overlap(values, eps);
    }

    /** Number of infinite values (environments far from every reference environment). */
    public long infinite() {
        long n = 0;
        for (double v : values) if (v == Double.POSITIVE_INFINITY) n++;
        return n;
    }

    /** Mean over the finite values; NaN when there are none. */
    public double finiteMean() {
        double sum = 0;
        long n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Maximum over the finite values; NaN when there are none. */
    public double finiteMax() {
        double max = Double.NaN;
        for (double v : values) if (Double.isFinite(v) && !(v <= max)) max = v;
        return max;
    }
}
