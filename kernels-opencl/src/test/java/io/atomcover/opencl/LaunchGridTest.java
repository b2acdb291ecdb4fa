package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cutting of query × reference blocks into launches (no device needed). */
class LaunchGridTest {
    @Test
    void launchesCoverEveryPairOnceWithinTheCap() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int trial = 0; trial < 2000; trial++) {
            int nq = 1 + rng.nextInt(5000);
            int nr = 1 + rng.nextInt(5000);
            int wg = 1 << rng.nextInt(8);
            int tile = 1 + rng.nextInt(64);
            long cap = 1 + rng.nextLong(trial % 3 == 0 ? 1_000 : 30_000_000);
            LaunchGrid g = LaunchGrid.of(nq, nr, wg, tile, cap);
            String what = nq + " x " + nr + ", wg " + wg + ", tile " + tile + ", cap " + cap + ": " + g;
            // Slices are whole work-groups (or all rows) and whole tiles (or all rows), so reference
            // slices start on tile boundaries and every query row sees the tiles of one launch.
            assertTrue(g.queryRows() == nq || g.queryRows() % wg == 0, what);
            assertTrue(g.refRows() == nr || g.refRows() % tile == 0, what);
            assertTrue(g.queryRows() >= 1 && g.queryRows() <= nq && g.refRows() >= 1 && g.refRows() <= nr, what);
            // Within the cap, unless the smallest launch (one work-group by one tile) is above it.
            long smallest = (long) Math.min(nq, wg) * Math.min(nr, tile);
            assertTrue((long) g.queryRows() * g.refRows() <= Math.max(cap, smallest), what);
            // Every pair once: the slices tile both ranges, so the launch count is the product.
            long launches = 0;
            long pairs = 0;
            for (int q0 = 0; q0 < nq; q0 += g.queryRows())
                for (int r0 = 0; r0 < nr; r0 += g.refRows()) {
                    launches++;
                    pairs += (long) Math.min(g.queryRows(), nq - q0) * Math.min(g.refRows(), nr - r0);
                }
            assertEquals((long) nq * nr, pairs, what);
            assertEquals(launches, g.launches(nq, nr), what);
        }
    }

    @Test
    void oneLaunchWhenTheBlockIsWithinTheCap() {
        assertEquals(new LaunchGrid(100_000, 256), LaunchGrid.of(100_000, 256, 64, 64, 1L << 28));
        // 10^6 rows against themselves: whole query, reference slices of 256 rows (4 tiles).
        assertEquals(new LaunchGrid(1_000_000, 256), LaunchGrid.of(1_000_000, 1_000_000, 64, 64, 1L << 28));
        // 10^8 query rows: one tile of reference per launch, the query in slices within the cap.
        LaunchGrid huge = LaunchGrid.of(100_000_000, 1_000, 64, 64, 1L << 28);
        assertEquals(64, huge.refRows());
        assertEquals((1L << 28) / 64, huge.queryRows());
    }
}
