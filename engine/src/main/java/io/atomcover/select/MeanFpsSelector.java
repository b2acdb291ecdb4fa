package io.atomcover.select;

import io.atomcover.backend.PairDistances;
import io.atomcover.descriptor.Descriptors;
import java.util.SplittableRandom;

/**
 * Farthest-point sampling on per-structure mean descriptors (Euclidean), starting from a structure
 * drawn with the seed; each step takes the structure whose distance to the nearest selected one is
 * largest (first index on ties).
 */
public final class MeanFpsSelector {
    private final long seed;

    public MeanFpsSelector(long seed) {
        this.seed = seed;
    }

    public Selection select(Descriptors d, int size) {
        int total = d.structureCount();
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        int[] out = new int[size];
        if (size == 0) return new Selection("mean_fps", out);
        int dim = d.dim();
        double[] means = StructureMeans.of(d);
        double[] nearest = new double[total];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[total];
        int next = new SplittableRandom(seed).nextInt(total);
        for (int k = 0; k < size; k++) {
            out[k] = next;
            taken[next] = true;
            int best = -1;
            double bestDist = -1;
            for (int s = 0; s < total; s++) {
                if (taken[s]) continue;
                double d2 = PairDistances.squaredDistance(means, s, means, next, dim);
                if (d2 < nearest[s]) nearest[s] = d2;
                if (nearest[s] > bestDist) {
                    bestDist = nearest[s];
                    best = s;
                }
            }
            next = best;
        }
        return new Selection("mean_fps", out);
    }
}
