package io.atomcover.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselineSelectorsTest {

    /** S structures of 1..4 rows each in dim 3, rows scattered around structure-specific centres. */
    private static Descriptors randomStructures(int structures, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rng.nextInt(4);
        double[] x = new double[off[structures] * 3];
        for (int s = 0; s < structures; s++) {
            double cx = rng.nextDouble(), cy = rng.nextDouble(), cz = rng.nextDouble();
            for (int r = off[s]; r < off[s + 1]; r++) {
                x[3 * r] = cx + 0.01 * rng.nextGaussian();
                x[3 * r + 1] = cy + 0.01 * rng.nextGaussian();
                x[3 * r + 2] = cz + 0.01 * rng.nextGaussian();
            }
        }
        return new Descriptors(x, 3, off);
    }

    private static void assertDistinctInRange(int[] picks, int total) {
        Set<Integer> seen = new HashSet<>();
        for (int p : picks) {
            assertTrue(p >= 0 && p < total, "index out of range: " + p);
            assertTrue(seen.add(p), "repeated pick " + p);
        }
    }

    @Test
    void randomIsSeededAndWithoutReplacement() {
        Selection a = new RandomSelector(7).select(100, 40);
        Selection b = new RandomSelector(7).select(100, 40);
        Selection c = new RandomSelector(8).select(100, 40);
        assertEquals(40, a.size());
        assertDistinctInRange(a.indices(), 100);
        assertArrayEquals(a.indices(), b.indices());
        assertFalse(Arrays.equals(a.indices(), c.indices()));
        int[] all = new RandomSelector(1).select(10, 10).indices();
        Arrays.sort(all);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
    }

    @Test
    void meanFpsTakesTheFarthestMeanEachStep() {
        // One row per structure on a line: 0, 1, 2, 10, 11 (dim 1).
        Descriptors d = new Descriptors(new double[] {0, 1, 2, 10, 11}, 1, new int[] {0, 1, 2, 3, 4, 5});
        Selection s = new MeanFpsSelector(3).select(d, 5);
        int start = s.indices()[0];
        assertEquals(new SplittableRandom(3).nextInt(5), start, "start is the seeded draw");
        assertDistinctInRange(s.indices(), 5);
        // Brute-force FPS from the same start.
        double[] v = {0, 1, 2, 10, 11};
        boolean[] taken = new boolean[5];
        int[] expect = new int[5];
        expect[0] = start;
        taken[start] = true;
        for (int k = 1; k < 5; k++) {
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < 5; i++) {
                if (taken[i]) continue;
                double near = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) near = Math.min(near, Math.abs(v[i] - v[expect[j]]));
                if (near > bestD) {
                    bestD = near;
                    best = i;
                }
            }
            expect[k] = best;
            taken[best] = true;
        }
        assertArrayEquals(expect, s.indices());
    }

    @Test
    void meanFpsUsesStructureMeans() {
        // Structure 0 rows average to 5, structure 1 is at 0, structure 2 at 4.9: from 1, FPS goes to 0.
        Descriptors d = new Descriptors(new double[] {0, 10, 0, 4.9}, 1, new int[] {0, 2, 3, 4});
        long seed = 0;
        while (new SplittableRandom(seed).nextInt(3) != 1) seed++;
        assertArrayEquals(new int[] {1, 0, 2}, new MeanFpsSelector(seed).select(d, 3).indices());
    }

    @Test
    void kMeansReturnsExactlySizeDistinctStructures() {
        Descriptors d = randomStructures(60, 11);
        for (int size : new int[] {1, 5, 17, 59, 60}) {
            Selection s = new KMeansSelector(5).select(d, size);
            assertEquals(size, s.size(), "size " + size);
            assertDistinctInRange(s.indices(), 60);
        }
        assertArrayEquals(new KMeansSelector(5).select(d, 12).indices(), new KMeansSelector(5).select(d, 12).indices());
    }

    @Test
    void kMeansCopesWithDuplicateStructures() {
        // 10 identical structures and 2 distinct ones; ask for 6 clusters.
        double[] x = new double[12];
        x[10] = 1;
        x[11] = 2;
        int[] off = new int[13];
        for (int i = 0; i <= 12; i++) off[i] = i;
        Selection s = new KMeansSelector(1).select(new Descriptors(x, 1, off), 6);
        assertEquals(6, s.size());
        assertDistinctInRange(s.indices(), 12);
    }

    @Test
    void kMeansPicksOnePerWellSeparatedGroup() {
        // Three tight groups of structures; k = 3 must take one from each.
        double[] x = {0, 0.01, 0.02, 5, 5.01, 5.02, 9, 9.01, 9.02};
        int[] off = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] picks = new KMeansSelector(2).select(new Descriptors(x, 1, off), 3).indices();
        Set<Integer> groups = new HashSet<>();
        for (int p : picks) groups.add(p / 3);
        assertEquals(3, groups.size(), Arrays.toString(picks));
        // the member nearest each centroid is the middle one
        assertArrayEquals(new int[] {1, 4, 7}, picks);
    }
}
