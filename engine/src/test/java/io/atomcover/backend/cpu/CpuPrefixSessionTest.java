package io.atomcover.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.PlainPrefixSession;
import io.atomcover.backend.PrefixSession;
import io.atomcover.descriptor.Descriptors;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CPU backend's prefix session against the default session on the brute-force backend (every
 * pair, {@link Math#exp}), pick by pick: every prefix row's sum p (its own sum at its pick plus the
 * increments listed for it since) within 1e-12 relative — the budget of the drop threshold — and the
 * same covered count after every pick. Batches of one pick, a few picks and the default size must
 * all agree; the data mix clusters of very different spreads (rows inside the band, on its edge and
 * far from everything) and include a structure without rows.
 */
class CpuPrefixSessionTest {
    static final double H = 0.015;

    static Descriptors data() {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(21);
        int structures = 70;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + (s == 17 ? 0 : 1 + rnd.nextInt(30));
        double[] x = CpuKdeBackendTest.clustered(off[structures], dim, 9, 5);
        return new Descriptors(x, dim, off);
    }

    static int[] shuffled(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int s = 0; s < n; s++) order[s] = s;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @ParameterizedTest(name = "batch rows {0}, overlap {1}, eps {2}")
    @CsvSource({"1, true, 1e-5", "60, true, 1e-5", "512, true, 1e-5", "60, true, 0.4", "60, true, -0.5", "60, false, 1e-5"})
    void sumsMatchTheDefaultSessionAtEveryPick(int batchRows, boolean overlap, double eps) {
        Descriptors d = data();
        int[] order = shuffled(d.structureCount(), 3);
        try (CpuKdeBackend fast = new CpuKdeBackend(2); CpuKdeBackend brute = new CpuKdeBackend(1, false)) {
            PrefixSession indexed = new CpuPrefixSession(fast, d, order, H, overlap, eps, batchRows);
            PrefixSession plain = brute.prefixSession(d, order, H, overlap, eps);
            assertTrue(plain instanceof PlainPrefixSession);
            double[] pa = new double[d.rows()];
            double[] pb = new double[d.rows()];
            double[] sa = new double[d.rows()];
            double[] sb = new double[d.rows()];
            int[] off = d.offsets();
            boolean crossedOutside = false;
            int rows = 0;
            for (int s : order) {
                apply(indexed.next(sa), indexed.grown(), sa, pa, off, s);
                apply(plain.next(sb), plain.grown(), sb, pb, off, s);
                rows += off[s + 1] - off[s];
                for (int t : order) {
                    for (int e = off[t]; e < off[t + 1]; e++)
                        assertEquals(pb[e], pa[e], 1e-12 * pb[e], "row " + e + " after structure " + s);
                    if (t == s) break;
                }
                assertEquals(plain.covered(), indexed.covered(), "covered after structure " + s);
                crossedOutside |= indexed.covered() > rows;
            }
            if (overlap && eps > 0) assertTrue(crossedOutside, "rows outside the prefix cross");
            assertThrows(NoSuchElementException.class, () -> indexed.next(new double[d.rows()]));
        }
    }

    /** Adds a pick's report to p: own sums of s's rows, increments of the listed rows. */
    private static void apply(int n, int[] grown, double[] sums, double[] p, int[] off, int s) {
        for (int i = 0; i < n; i++) {
            int e = grown[i];
            assertTrue(p[e] >= 1, "listed row " + e + " is an earlier prefix row");
            p[e] += sums[e];
        }
        for (int e = off[s]; e < off[s + 1]; e++) p[e] = sums[e];
    }

    @Test
    void rejectsOrderingsWithRepeatsOrUnknownStructures() {
        Descriptors d = data();
        try (CpuKdeBackend fast = new CpuKdeBackend(1)) {
            assertThrows(IllegalArgumentException.class, () -> fast.prefixSession(d, new int[] {3, 5, 3}, H, true, 1e-5));
            assertThrows(IllegalArgumentException.class, () -> fast.prefixSession(d, new int[] {d.structureCount()}, H, true, 1e-5));
        }
    }
}
