package io.atomcover.select;

import io.atomcover.util.SeededDraw;

/** Uniform sample without replacement, reproducible from a seed ({@link SeededDraw}). */
public final class RandomSelector {
    private final long seed;

    public RandomSelector(long seed) {
        this.seed = seed;
    }

    /** {@code size} distinct structures out of {@code total}, in draw order. */
    public Selection select(int total, int size) {
        return new Selection("random", SeededDraw.withoutReplacement(seed, total, size));
    }
}
