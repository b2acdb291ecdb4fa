package io.atomcover.backend;

/**
 * A relative error bound on kernel sums ({@code --tolerance REL}): every sum {@code p̃_i} a backend
 * returns under it satisfies {@code |p̃_i - p_i| ≤ REL · p_i}. 0 asks for the exact sums (rounding
 * only, as without a tolerance).
 *
 * <p>What the bound gives downstream: {@code |Δ log p_i| ≤ -log(1 - REL)} for every row, hence the
 * same bound on each dH value ({@code -log p_i}), on the entropy (a mean of {@code -log(p_i/N)}) and
 * on the diversity ({@code log Σ 1/p_i}, each 1/p_i within the same factors).
 */
public final class Tolerance {
    /** Smallest positive tolerance: a backend keeps 1e-12 of it for rounding (see the CPU backend). */
    public static final double MIN = 1e-9;
    /** Largest tolerance: beyond it the log bound grows fast and says little. */
    public static final double MAX = 0.5;

    private Tolerance() {
    }

    /** Checks that {@code rel} is 0 or in [{@value #MIN}, {@value #MAX}]; returns it. */
    public static double check(double rel) {
        if (rel == 0.0 || (rel >= MIN && rel <= MAX)) return rel;
        throw new IllegalArgumentException("tolerance must be 0 (exact) or between " + MIN + " and " + MAX + ", got " + rel);
    }

    /** The bound {@code -log(1 - rel)} on |Δ log p| (and on entropy, diversity and dH); 0 for rel = 0. */
    public static double logBound(double rel) {
        return -Math.log1p(-check(rel));
    }
}
