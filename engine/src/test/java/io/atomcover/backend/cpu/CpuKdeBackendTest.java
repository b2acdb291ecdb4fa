package io.atomcover.backend.cpu;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuKdeBackendTest {
    static final double H = 0.015;
    static CpuKdeBackend pruned;
    static CpuKdeBackend brute;

    @BeforeAll
    static void open() {
        pruned = new CpuKdeBackend(2);
        brute = new CpuKdeBackend(2, false);
    }

    @AfterAll
    static void close() {
        pruned.close();
        brute.close();
    }

    /**
     * Rows in tight clusters of different spreads (some pairs inside the kernel range, most far
     * outside), with QUESTS-like magnitudes, so that pruning has work to skip and work to keep.
     */
    static double[] clustered(int rows, int dim, int clusters, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centre = new double[clusters][dim];
        double[] spread = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            for (int k = 0; k < dim; k++) centre[c][k] = 0.6 * rnd.nextDouble() * (dim - k) / dim;
            spread[c] = 0.002 + 0.02 * rnd.nextDouble();
        }
        double[] x = new double[rows * dim];
        for (int i = 0; i < rows; i++) {
            int c = rnd.nextInt(clusters);
            for (int k = 0; k < dim; k++) x[i * dim + k] = centre[c][k] + spread[c] * rnd.nextGaussian() / Math.sqrt(dim);
        }
        return x;
    }

    /** Linear sums: relative tolerance; log sums: the same tolerance on the sum, i.e. absolute on its log. */
    static void assertSumsClose(double[] expect, double[] got, boolean log, double rel) {
        if (!log) {
            assertRelClose(expect, got, rel);
            return;
        }
        for (int i = 0; i < expect.length; i++)
            assertEquals(expect[i], got[i], rel * Math.max(1, Math.abs(expect[i])), "row " + i);
    }

    static double[] sums(KdeBackend b, RowBlock q, RowBlock r, boolean log) {
        double[] out = new double[q.count()];
        if (log) b.logKernelSums(q, r, H, out);
        else b.kernelSums(q, r, H, out);
        return out;
    }

    static void assertRelClose(double[] expect, double[] got, double rel) {
        assertEquals(expect.length, got.length);
        for (int i = 0; i < expect.length; i++) {
            double e = expect[i];
            double g = got[i];
            if (e == g) continue;
            assertTrue(Math.abs(g - e) <= rel * Math.abs(e), "row " + i + ": " + g + " vs " + e);
        }
    }

    @Test
    void prunedEqualsBruteForceOnClusteredData() {
        int dim = 63;
        double[] x = clustered(1500, dim, 12, 1);
        RowBlock all = new RowBlock(x, dim, 0, 1500);
        pruned.resetCounters();
        for (boolean log : new boolean[] {false, true}) {
            // self sums (entropy path, symmetric tiles)
            assertSumsClose(sums(brute, all, all, log), sums(pruned, all, all, log), log, 1e-12);
            // query rows inside the reference block (self term, not symmetric)
            RowBlock part = new RowBlock(x, dim, 200, 700);
            assertSumsClose(sums(brute, part, all, log), sums(pruned, part, all, log), log, 1e-12);
            // disjoint sets (nearest-neighbour shift, differential entropy path)
            RowBlock a = new RowBlock(x, dim, 0, 900);
            RowBlock b = new RowBlock(x, dim, 900, 600);
            assertSumsClose(sums(brute, b, a, log), sums(pruned, b, a, log), log, 1e-12);
        }
        assertTrue(pruned.pairsEvaluated() < pruned.pairsRequested() / 2,
                "pruning skipped little: " + pruned.pairsEvaluated() + " of " + pruned.pairsRequested());
    }

    /**
     * Query leaves in batches of one (candidate lists of a single leaf at a time) give the same
     * bits as one batch, on every path: self sums, a range inside the reference, disjoint sets, and
     * sums within a tolerance; and still agree with brute force.
     */
    @Test
    void batchesOfQueryLeavesGiveTheSameBits() {
        int dim = 63;
        double[] x = clustered(1500, dim, 12, 5);
        RowBlock all = new RowBlock(x, dim, 0, 1500);
        RowBlock part = new RowBlock(x, dim, 200, 700);
        RowBlock a = new RowBlock(x, dim, 0, 900);
        RowBlock b = new RowBlock(x, dim, 900, 600);
        try (CpuKdeBackend batched = new CpuKdeBackend(2)) {
            batched.batchCandidates = 1;
            for (RowBlock[] qr : new RowBlock[][] {{all, all}, {part, all}, {b, a}}) {
                for (boolean log : new boolean[] {false, true}) {
                    double[] one = sums(pruned, qr[0], qr[1], log);
                    assertArrayEquals(one, sums(batched, qr[0], qr[1], log), 0.0);
                    assertSumsClose(sums(brute, qr[0], qr[1], log), one, log, 1e-12);
                }
                for (double rel : new double[] {1e-6, 1e-3}) {
                    double[] one = new double[qr[0].count()];
                    double[] many = new double[qr[0].count()];
                    pruned.kernelSums(qr[0], qr[1], H, rel, one, io.atomcover.util.ProgressListener.NONE);
                    batched.kernelSums(qr[0], qr[1], H, rel, many, io.atomcover.util.ProgressListener.NONE);
                    assertArrayEquals(one, many, 0.0);
                }
            }
        }
    }

    @Test
    void prunedEqualsBruteForceOnGoldenDescriptors() {
        Descriptors d = Golden.descriptors(Golden.load("si-mlearn.json"), "0", "57", "69");
        RowBlock all = RowBlock.of(d);
        for (boolean log : new boolean[] {false, true}) {
            assertSumsClose(sums(brute, all, all, log), sums(pruned, all, all, log), log, 1e-12);
            for (int s = 0; s < 3; s++) {
                RowBlock st = RowBlock.ofStructure(d, s);
                assertSumsClose(sums(brute, st, all, log), sums(pruned, st, all, log), log, 1e-12);
                assertSumsClose(sums(brute, st, st, log), sums(pruned, st, st, log), log, 1e-12);
            }
            Descriptors train = d.select(new int[] {0, 2});
            Descriptors test = d.select(new int[] {1});
            assertSumsClose(sums(brute, RowBlock.of(test), RowBlock.of(train), log),
                    sums(pruned, RowBlock.of(test), RowBlock.of(train), log), log, 1e-12);
        }
    }

    @Test
    void linearAndLogAgree() {
        int dim = 63;
        double[] x = clustered(800, dim, 6, 2);
        RowBlock a = new RowBlock(x, dim, 0, 500);
        RowBlock b = new RowBlock(x, dim, 500, 300);
        for (KdeBackend be : new KdeBackend[] {pruned, brute}) {
            for (RowBlock[] qr : new RowBlock[][] {{a, a}, {b, a}, {a, b}}) {
                double[] lin = sums(be, qr[0], qr[1], false);
                double[] log = sums(be, qr[0], qr[1], true);
                for (int i = 0; i < lin.length; i++) {
                    assertTrue(Double.isFinite(log[i]));
                    if (lin[i] > 1e-300) assertEquals(Math.log(lin[i]), log[i], 1e-13 * Math.max(1, Math.abs(log[i])), "row " + i);
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        int dim = 63;
        double[] x = clustered(2000, dim, 10, 3);
        RowBlock all = new RowBlock(x, dim, 0, 2000);
        RowBlock q = new RowBlock(x, dim, 0, 150);
        RowBlock r = new RowBlock(x, dim, 150, 1850);
        for (boolean prune : new boolean[] {true, false}) {
            double[][] ref = null;
            for (int t : new int[] {1, 2, 3, 5}) {
                try (CpuKdeBackend b = new CpuKdeBackend(t, prune)) {
                    double[][] got = {
                        sums(b, all, all, false), sums(b, all, all, true), sums(b, q, r, false), sums(b, q, r, true)};
                    if (ref == null) ref = got;
                    else for (int k = 0; k < got.length; k++) assertArrayEquals(ref[k], got[k], 0.0, "threads " + t);
                }
            }
        }
    }

    @Test
    void emptyReference() {
        double[] x = {0.1, 0.2, 0.3, 0.4};
        RowBlock q = new RowBlock(x, 2, 0, 2);
        RowBlock none = new RowBlock(x, 2, 0, 0);
        for (KdeBackend b : new KdeBackend[] {pruned, brute}) {
            assertArrayEquals(new double[] {0, 0}, sums(b, q, none, false));
            assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, sums(b, q, none, true));
            assertArrayEquals(new double[0], sums(b, none, q, false));
        }
    }

    @Test
    void singleRowHasOnlyItsSelfTerm() {
        double[] x = {0.31, 0.12, 0.07};
        RowBlock one = new RowBlock(x, 3, 0, 1);
        for (KdeBackend b : new KdeBackend[] {pruned, brute}) {
            assertEquals(1.0, sums(b, one, one, false)[0], 1e-12);
            assertEquals(0.0, sums(b, one, one, true)[0], 1e-12);
        }
    }

    @Test
    void farApartRowsUnderflowLinearlyButNotInLogSpace() {
        // two rows at distance 1: z = -1/(2h²) ≈ -2222, far past the underflow of exp
        double[] x = {0.0, 0.0, 1.0, 0.0};
        RowBlock a = new RowBlock(x, 2, 0, 1);
        RowBlock b = new RowBlock(x, 2, 1, 1);
        double z = -1.0 / (2 * H * H);
        for (KdeBackend be : new KdeBackend[] {pruned, brute}) {
            assertEquals(0.0, sums(be, a, b, false)[0]);
            assertEquals(z, sums(be, a, b, true)[0], 1e-12 * Math.abs(z));
            RowBlock both = new RowBlock(x, 2, 0, 2);
            assertArrayEquals(new double[] {1.0, 1.0}, sums(be, both, both, false), 1e-15);
        }
    }

    @Test
    void rejectsMismatchedInput() {
        double[] x = new double[12];
        RowBlock a = new RowBlock(x, 3, 0, 4);
        RowBlock b = new RowBlock(x, 4, 0, 3);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(a, b, H, new double[4]));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(a, a, 0.0, new double[4]));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(a, a, H, new double[3]));
    }
}
