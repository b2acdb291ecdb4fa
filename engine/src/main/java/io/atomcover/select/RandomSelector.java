package io.atomcover.select;

import java.util.SplittableRandom;

/** Uniform sample without replacement, reproducible from a seed. */
public final class RandomSelector {
    private final long seed;

    public RandomSelector(long seed) {
        this.seed = seed;
    }

    /** {@code size} distinct structures out of {@code total}, in draw order. */
    public Selection select(int total, int size) {
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        int[] pool = new int[total];
        for (int i = 0; i < total; i++) pool[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(total - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = new int[size];
        System.arraycopy(pool, 0, out, 0, size);
        return new Selection("random", out);
    }
}
