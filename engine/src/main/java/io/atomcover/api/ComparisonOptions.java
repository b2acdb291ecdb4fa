package io.atomcover.api;

import io.atomcover.metrics.Bandwidth;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.SelectionMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Atomcover#compare} runs: every method at every size, the seeded methods once per seed.
 *
 * @param methods   the methods, in the order of the results (duplicates dropped)
 * @param sizes     structures to select: fractions in (0, 1) or whole counts (see
 *                  {@link io.atomcover.select.SelectionSize}); they must resolve to different counts
 * @param seeds     runs of each seeded method, with seeds {@code firstSeed}, {@code firstSeed + 1}, …
 * @param firstSeed the first seed
 * @param bandwidth kernel bandwidth h
 * @param eps       dH threshold of the overlap
 */
public record ComparisonOptions(List<SelectionMethod> methods, double[] sizes, int seeds, long firstSeed, double bandwidth,
                                double eps) {
    public ComparisonOptions {
        List<SelectionMethod> distinct = new ArrayList<>();
        for (SelectionMethod m : methods) if (!distinct.contains(m)) distinct.add(m);
        methods = List.copyOf(distinct);
        sizes = sizes.clone();
        if (methods.isEmpty()) throw new IllegalArgumentException("no method");
        if (sizes.length == 0) throw new IllegalArgumentException("no size");
        if (seeds < 1) throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
    }

    /** Every method at {@code sizes}, 3 seeds from 0, the default bandwidth and overlap threshold. */
    public static ComparisonOptions of(double... sizes) {
        return new ComparisonOptions(List.of(SelectionMethod.values()), sizes, 3, 0, Bandwidth.DEFAULT,
                InformationMetrics.DEFAULT_OVERLAP_EPS);
    }

    /** These options with other methods. */
    public ComparisonOptions withMethods(SelectionMethod... v) {
        return new ComparisonOptions(List.of(v), sizes, seeds, firstSeed, bandwidth, eps);
    }

    /** These options with {@code count} seeds from {@code first}. */
    public ComparisonOptions withSeeds(int count, long first) {
        return new ComparisonOptions(methods, sizes, count, first, bandwidth, eps);
    }

    /** These options with another bandwidth and overlap threshold. */
    public ComparisonOptions withKernel(double h, double overlapEps) {
        return new ComparisonOptions(methods, sizes, seeds, firstSeed, h, overlapEps);
    }

    @Override
    public double[] sizes() {
        return sizes.clone();
    }
}
