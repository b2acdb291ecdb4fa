package io.atomcover.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CPU backend's indexed cover session against the plain one on the brute-force backend (every
 * pair, {@link Math#exp}): the same picks and the same updates, with rows asking for different runs
 * of picks, must give the same covers — within 1e-12 relative on K_e (absolute on log K_e, scaled by
 * its size), the budget of the drop threshold. Bounded rows must stay below the exact value until
 * made exact, and equal it after.
 */
class CoverSessionTest {
    static final double H = 0.015;

    @ParameterizedTest(name = "log space: {0}")
    @ValueSource(booleans = {true, false})
    void indexedSessionMatchesBruteForce(boolean log) {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(7);
        int structures = 60;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rnd.nextInt(40);
        // Clusters of very different spreads: rows inside the band, on its edge, and far from everything.
        double[] x = CpuKdeBackendTest.clustered(off[structures], dim, 9, 11);
        Descriptors d = new Descriptors(x, dim, off);
        try (CpuKdeBackend fast = new CpuKdeBackend(2); CpuKdeBackend brute = new CpuKdeBackend(1, false)) {
            CoverSession indexed = fast.coverSession(d, H, log);
            CoverSession plain = brute.coverSession(d, H, log);
            assertTrue(indexed instanceof CpuCoverSession);
            double init = log ? Double.NEGATIVE_INFINITY : 0.0;
            double[] a = new double[d.rows()];
            double[] b = new double[d.rows()];
            java.util.Arrays.fill(a, init);
            java.util.Arrays.fill(b, init);
            int[] seen = new int[d.rows()];
            int bounded = 0;
            int[] order = new int[structures];
            for (int s = 0; s < structures; s++) order[s] = s;
            for (int i = structures - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int pick = 0; pick < 30; pick++) {
                int s = order[pick];
                indexed.pick(s);
                plain.pick(s);
                // Update a random half of some structures' rows, each from where it stands.
                for (int k = 0; k < 6; k++) {
                    int t = rnd.nextInt(structures);
                    int n = 0;
                    int[] rows = new int[off[t + 1] - off[t]];
                    int[] from = new int[rows.length];
                    for (int e = off[t]; e < off[t + 1]; e++) {
                        if (rnd.nextBoolean()) continue;
                        rows[n] = e;
                        from[n++] = seen[e];
                        seen[e] = indexed.picks();
                    }
                    indexed.accumulate(t, rows, from, n, a);
                    plain.accumulate(t, rows, from, n, b);
                }
            }
            for (int s = 0; s < structures; s++) {
                int n = off[s + 1] - off[s];
                int[] rows = new int[n];
                int[] from = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = off[s] + i;
                    from[i] = seen[off[s] + i];
                }
                indexed.accumulate(s, rows, from, n, a);
                plain.accumulate(s, rows, from, n, b);
                for (int e = off[s]; e < off[s + 1]; e++) {
                    if (indexed.isExact(e)) continue;
                    bounded++;
                    assertTrue(a[e] <= b[e] + 1e-12 * Math.max(1, Math.abs(b[e])), "bounded row " + e + " above its exact cover");
                }
                indexed.exactify(s, rows, n, null, a);
            }
            for (int e = 0; e < d.rows(); e++) {
                assertTrue(indexed.isExact(e));
                if (log) assertEquals(b[e], a[e], 1e-12 * Math.max(1, Math.abs(b[e])), "row " + e);
                else assertEquals(b[e], a[e], 1e-12 * Math.abs(b[e]), "row " + e);
            }
            if (log) assertTrue(bounded > 0, "the data should leave some far rows bounded");
            assertTrue(indexed.pairsRequested() >= plain.pairsRequested(), "exactifying asks for pairs again");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> indexed.pick(order[0]));
        }
    }
    /**
     * Rows updated together (grouped, one panel pass for up to four rows) get bit-identical covers
     * to the same rows updated one call at a time, in both spaces: grouping must not change which
     * leaves a row sums or in which order.
     */
    @ParameterizedTest(name = "log space: {0}")
    @ValueSource(booleans = {true, false})
    void groupedUpdatesEqualSingleRowUpdates(boolean log) {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(11);
        int structures = 40;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rnd.nextInt(30);
        Descriptors d = new Descriptors(CpuKdeBackendTest.clustered(off[structures], dim, 5, 3), dim, off);
        try (CpuKdeBackend cpu = new CpuKdeBackend(2)) {
            CoverSession together = cpu.coverSession(d, H, log);
            CoverSession alone = cpu.coverSession(d, H, log);
            double[] a = new double[d.rows()];
            double[] b = new double[d.rows()];
            java.util.Arrays.fill(a, log ? Double.NEGATIVE_INFINITY : 0.0);
            java.util.Arrays.fill(b, log ? Double.NEGATIVE_INFINITY : 0.0);
            int grouped = 0;
            for (int pick = 0; pick < 20; pick++) {
                together.pick(pick * 2);
                alone.pick(pick * 2);
                if (pick % 4 != 3) continue;
                for (int t = 1; t < structures; t += 2) {
                    int n = off[t + 1] - off[t];
                    int[] rows = new int[n];
                    int[] from = new int[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = off[t] + i;
                        from[i] = pick - 3;
                    }
                    together.accumulate(t, rows, from, n, a);
                    for (int i = 0; i < n; i++) alone.accumulate(t, new int[] {rows[i]}, new int[] {from[i]}, 1, b);
                    grouped += n > 1 ? 1 : 0;
                }
            }
            assertTrue(grouped > 0);
            for (int e = 0; e < d.rows(); e++) assertEquals(b[e], a[e], 0.0, "row " + e);
        }
    }
}
