package io.atomcover.util;

import java.util.SplittableRandom;

/**
 * A uniform sample without replacement, reproducible from a seed: the first {@code size} steps of a
 * Fisher-Yates shuffle driven by {@link SplittableRandom}. The random selector of the engine and the
 * random ranker of ILPSelect both draw here, so one seed gives one order everywhere.
 */
public final class SeededDraw {
    private SeededDraw() {
    }

    /**
     * {@code size} distinct indices out of {@code 0..total-1}, in draw order.
     *
     * @throws IllegalArgumentException when {@code size} is outside {@code 0..total}
     */
    public static int[] withoutReplacement(long seed, int total, int size) {
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
        return out;
    }
}
