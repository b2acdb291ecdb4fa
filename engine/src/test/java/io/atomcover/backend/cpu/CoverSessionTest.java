package io.atomcover.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.CoverSession;
import io.atomcover.descriptor.Descriptors;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "log space: {0}, rows asking up to {1} pairs skip the tree")
    @CsvSource({"true, 0", "false, 0", "true, " + CpuCoverSession.ALL_PAIRS, "false, " + CpuCoverSession.ALL_PAIRS})
    void indexedSessionMatchesBruteForce(boolean log, long allPairs) {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(7);
        int structures = 60;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rnd.nextInt(40);
        // Clusters of very different spreads: rows inside the band, on its edge, and far from everything.
        double[] x = CpuKdeBackendTest.clustered(off[structures], dim, 9, 11);
        Descriptors d = new Descriptors(x, dim, off);
        try (CpuKdeBackend fast = new CpuKdeBackend(2); CpuKdeBackend brute = new CpuKdeBackend(1, false)) {
            CoverSession indexed = new CpuCoverSession(fast, d, H, log, allPairs);
            CoverSession plain = brute.coverSession(d, H, log);
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
            // Rows left bounded come from the tree walk only; updates of every pair are exact.
            if (log && allPairs == 0) assertTrue(bounded > 0, "the data should leave some far rows bounded");
            if (allPairs >= d.rows()) assertEquals(0, bounded, "every update evaluated all its pairs");
            assertTrue(indexed.pairsRequested() >= plain.pairsRequested(), "exactifying asks for pairs again");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> indexed.pick(order[0]));
        }
    }
    /**
     * Rows updated together (grouped, one panel pass for up to four rows) get the covers of the same
     * rows updated one call at a time, in both spaces: grouping may change the order in which a
     * row's leaves are summed (nearest first for the group), not which terms it sums, so only
     * rounding differs (1e-13 relative allowed).
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
            for (int e = 0; e < d.rows(); e++) assertEquals(b[e], a[e], 1e-13 * Math.max(1, Math.abs(b[e])), "row " + e);
        }
    }
    /**
     * Early stops: a row that stops leaves its cover unchanged and reports a value above its stop
     * and not above its exact updated cover (1e-12 relative); a row that does not stop is updated
     * exactly as by accumulate. Stops below the current cover are ignored (exact update).
     */
    @ParameterizedTest(name = "log space: {0}")
    @ValueSource(booleans = {true, false})
    void earlyStopsReportLowerBoundsAboveTheStop(boolean log) {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(5);
        int structures = 50;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rnd.nextInt(30);
        Descriptors d = new Descriptors(CpuKdeBackendTest.clustered(off[structures], dim, 4, 3), dim, off);
        try (CpuKdeBackend cpu = new CpuKdeBackend(2)) {
            CoverSession stopping = cpu.coverSession(d, H, log);
            CoverSession exact = cpu.coverSession(d, H, log);
            double[] a = new double[d.rows()];
            double[] b = new double[d.rows()];
            java.util.Arrays.fill(a, log ? Double.NEGATIVE_INFINITY : 0.0);
            java.util.Arrays.fill(b, log ? Double.NEGATIVE_INFINITY : 0.0);
            int stoppedRows = 0;
            int exactRows = 0;
            for (int pick = 0; pick < 24; pick++) {
                stopping.pick(pick);
                exact.pick(pick);
                if (pick % 6 != 5) continue;
                for (int t = 24; t < structures; t++) {
                    int n = off[t + 1] - off[t];
                    int[] rows = new int[n];
                    int[] from = new int[n];
                    double[] stop = new double[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = off[t] + i;
                        from[i] = pick - 5;
                        // Stops a little above the current cover, far above it, and below it.
                        double k = a[rows[i]];
                        stop[i] = switch (i % 3) {
                            case 0 -> log ? k + 0.5 : k * 1.5;
                            case 1 -> log ? k + 40 : k * 1e6;
                            default -> log ? k - 1 : k * 0.5;
                        };
                    }
                    double[] before = a.clone();
                    double[] reached = new double[n];
                    boolean[] stopped = new boolean[n];
                    stopping.accumulateUntil(t, rows, from, n, a, stop, reached, stopped);
                    exact.accumulate(t, rows, from, n, b);
                    for (int i = 0; i < n; i++) {
                        int e = rows[i];
                        double tol = 1e-12 * Math.max(1, Math.abs(b[e]));
                        if (stopped[i]) {
                            stoppedRows++;
                            assertEquals(before[e], a[e], 0.0, "a stopped row keeps its cover");
                            assertTrue(reached[i] > stop[i], "stopped below its stop");
                            assertTrue(reached[i] <= b[e] + tol, "stopped row " + e + " above its exact cover");
                            a[e] = b[e]; // keep both sessions' covers in step for the next round
                        } else {
                            exactRows++;
                            assertEquals(b[e], a[e], tol, "row " + e);
                        }
                    }
                }
            }
            assertTrue(stoppedRows > 0 && exactRows > 0, stoppedRows + " stopped, " + exactRows + " exact");
        }
    }

    @ParameterizedTest(name = "log space: {0}")
    @ValueSource(booleans = {true, false})
    void oneCallForTwoStructuresEqualsTwoCalls(boolean log) {
        int dim = 12;
        SplittableRandom rnd = new SplittableRandom(3);
        int structures = 40;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rnd.nextInt(30);
        Descriptors d = new Descriptors(CpuKdeBackendTest.clustered(off[structures], dim, 4, 3), dim, off);
        try (CpuKdeBackend cpu = new CpuKdeBackend(2); CpuKdeBackend one = new CpuKdeBackend(1)) {
            CoverSession joint = new CpuCoverSession(cpu, d, H, log, 0);
            CoverSession separate = new CpuCoverSession(one, d, H, log, 0);
            double init = log ? Double.NEGATIVE_INFINITY : 0.0;
            double[] a = new double[d.rows()];
            double[] b = new double[d.rows()];
            java.util.Arrays.fill(a, init);
            java.util.Arrays.fill(b, init);
            int stops = 0;
            for (int pick = 0; pick < 20; pick++) {
                joint.pick(pick);
                separate.pick(pick);
                if (pick % 5 != 4) continue;
                for (int t = 20; t + 1 < structures; t += 2) {
                    int n = off[t + 2] - off[t];
                    int[] owner = new int[n];
                    int[] rows = new int[n];
                    int[] from = new int[n];
                    double[] stop = new double[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = off[t] + i;
                        owner[i] = rows[i] < off[t + 1] ? t : t + 1;
                        from[i] = pick - 4;
                        stop[i] = i % 2 == 0 ? Double.POSITIVE_INFINITY : (log ? a[rows[i]] + 0.01 : a[rows[i]] * 1.01);
                    }
                    double[] reachedA = new double[n];
                    boolean[] stoppedA = new boolean[n];
                    joint.accumulateUntil(owner, rows, from, n, a, stop, reachedA, stoppedA);
                    int first = off[t + 1] - off[t];
                    double[] reachedB = new double[n];
                    boolean[] stoppedB = new boolean[n];
                    double[] r1 = new double[first];
                    boolean[] s1 = new boolean[first];
                    separate.accumulateUntil(t, java.util.Arrays.copyOfRange(rows, 0, first), java.util.Arrays.copyOfRange(from, 0, first),
                            first, b, java.util.Arrays.copyOfRange(stop, 0, first), r1, s1);
                    double[] r2 = new double[n - first];
                    boolean[] s2 = new boolean[n - first];
                    separate.accumulateUntil(t + 1, java.util.Arrays.copyOfRange(rows, first, n), java.util.Arrays.copyOfRange(from, first, n),
                            n - first, b, java.util.Arrays.copyOfRange(stop, first, n), r2, s2);
                    System.arraycopy(r1, 0, reachedB, 0, first);
                    System.arraycopy(r2, 0, reachedB, first, n - first);
                    System.arraycopy(s1, 0, stoppedB, 0, first);
                    System.arraycopy(s2, 0, stoppedB, first, n - first);
                    for (int i = 0; i < n; i++) {
                        assertEquals(stoppedB[i], stoppedA[i], "row " + rows[i]);
                        if (stoppedA[i]) {
                            stops++;
                            assertEquals(reachedB[i], reachedA[i], 0.0, "row " + rows[i]);
                        }
                    }
                    // Bit for bit: each structure's rows are grouped as in a call of their own, and the thread count does not matter.
                    for (int e = off[t]; e < off[t + 2]; e++) assertEquals(b[e], a[e], 0.0, "row " + e);
                }
            }
            assertTrue(stops > 0, "some updates should stop early");
        }
    }
}
