package io.atomcover.backend.cpu;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CpuKdeBackend#covered} (rows that leave their sums early) against the test it replaces:
 * every row's full kernel sum, {@code -log K < eps}. Two oracles: the same pruned backend's
 * {@link KdeBackend#kernelSums}, and the brute-force backend with {@link Math#exp}. Thresholds are
 * taken at quantiles of the rows' own dH, so that every test splits the rows: between two rows' dH
 * the answers must be identical to both oracles; exactly on a row's dH they must be identical to the
 * pruned sums for every row but those within rounding (1e-12) of the threshold, whose answer hangs on
 * the last bit of the sum however it is added up.
 */
class CoveredRowsTest {
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

    private static boolean[] fullSums(KdeBackend b, RowBlock q, RowBlock r, double eps) {
        double[] p = new double[q.count()];
        b.kernelSums(q, r, H, p);
        boolean[] out = new boolean[p.length];
        for (int i = 0; i < p.length; i++) out[i] = -Math.log(p[i]) < eps;
        return out;
    }

    private static boolean[] covered(RowBlock q, RowBlock r, double eps) {
        boolean[] out = new boolean[q.count()];
        pruned.covered(q, r, H, eps, out, ProgressListener.NONE);
        return out;
    }

    /** dH of every query row (pruned sums) and thresholds at its quantiles, on a row's dH and between rows. */
    private static void checkThresholds(RowBlock q, RowBlock r, String what) {
        double[] p = new double[q.count()];
        pruned.kernelSums(q, r, H, p);
        double[] dH = new double[p.length];
        for (int i = 0; i < p.length; i++) dH[i] = -Math.log(p[i]);
        double[] sorted = dH.clone();
        Arrays.sort(sorted);
        for (double quantile : new double[] {0.05, 0.3, 0.5, 0.77, 0.95}) {
            int k = (int) (quantile * (sorted.length - 1));
            double on = sorted[k];
            if (!Double.isFinite(on)) continue;
            boolean[] got = covered(q, r, on);
            for (int i = 0; i < dH.length; i++)
                if (!(Math.abs(dH[i] - on) <= 1e-12 * Math.max(1, Math.abs(on))))
                    assertTrue(got[i] == dH[i] < on, what + " eps on a row's dH " + on + ", row " + i + " dH " + dH[i]);
            double between = k + 1 < sorted.length && Double.isFinite(sorted[k + 1]) ? 0.5 * (on + sorted[k + 1]) : on + 1;
            if (between - on > 1e-9 * Math.max(1, Math.abs(on))) {
                boolean[] expect = fullSums(brute, q, r, between);
                assertArrayEquals(expect, fullSums(pruned, q, r, between), what + " eps " + between + " (oracles)");
                assertArrayEquals(expect, covered(q, r, between), what + " eps " + between);
            }
        }
        for (double eps : new double[] {1e-5, -0.5, 3.0})
            assertArrayEquals(fullSums(pruned, q, r, eps), covered(q, r, eps), what + " eps " + eps);
    }

    @Test
    void answersAsTheFullSumsOnClusteredData() {
        for (long seed = 1; seed <= 3; seed++) {
            int dim = 12;
            double[] x = CpuKdeBackendTest.clustered(3000, dim, 8, seed);
            RowBlock q = new RowBlock(x, dim, 0, 2000);
            RowBlock r = new RowBlock(x, dim, 2000, 1000);
            checkThresholds(q, r, "clustered seed " + seed);
            // Query rows that are reference rows too (self terms: K ≥ 1).
            checkThresholds(new RowBlock(x, dim, 1500, 1500), r, "overlapping seed " + seed);
        }
    }

    @Test
    void answersAsTheFullSumsOnSilicon() {
        Descriptors d = new QuestsDescriptor(32, 5.0).compute(
                ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz")).structures(), 2, ProgressListener.NONE);
        SplittableRandom rnd = new SplittableRandom(11);
        int[] picks = rnd.ints(0, d.structureCount()).distinct().limit(d.structureCount() / 10).toArray();
        RowBlock selected = RowBlock.of(d.select(picks));
        checkThresholds(RowBlock.of(d), selected, "Si-train against 10 %");
    }

    @Test
    void answersAsTheFullSumsOnTheBundledMolecules() {
        Descriptors d = new QuestsDescriptor(32, 5.0).compute(
                ExtXyzReader.read(Path.of("src/test/resources/golden/molecules.extxyz")).structures(), 2, ProgressListener.NONE);
        int[] picks = new int[d.structureCount() / 4];
        for (int i = 0; i < picks.length; i++) picks[i] = 4 * i;
        checkThresholds(RowBlock.of(d), RowBlock.of(d.select(picks)), "molecules against every fourth");
    }

    @Test
    void coveredRowsStopEarly() {
        int dim = 12;
        double[] x = CpuKdeBackendTest.clustered(4000, dim, 4, 5);
        RowBlock q = new RowBlock(x, dim, 0, 4000);
        RowBlock r = new RowBlock(x, dim, 2000, 2000);
        pruned.resetCounters();
        pruned.kernelSums(q, r, H, new double[q.count()]);
        long full = pruned.pairsEvaluated();
        pruned.resetCounters();
        boolean[] out = covered(q, r, 1e-5);
        long early = pruned.pairsEvaluated();
        int hits = 0;
        for (boolean v : out) if (v) hits++;
        assertTrue(hits > q.count() / 2, "most rows covered: " + hits);
        assertTrue(early < full / 2, "pairs evaluated: " + early + " against " + full + " for the full sums");
    }

    @Test
    void edgeCasesFallBackToTheFullSums() {
        int dim = 6;
        double[] x = CpuKdeBackendTest.clustered(600, dim, 3, 9);
        RowBlock q = new RowBlock(x, dim, 0, 300);
        RowBlock r = new RowBlock(x, dim, 300, 300);
        for (double eps : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1000, 1000})
            assertArrayEquals(fullSums(pruned, q, r, eps), covered(q, r, eps), "eps " + eps);
        boolean[] none = new boolean[300];
        pruned.covered(q, new RowBlock(x, dim, 0, 0), H, 1e-5, none, ProgressListener.NONE);
        assertArrayEquals(new boolean[300], none, "no reference rows: nothing covered");
        // A small problem (no index).
        RowBlock small = new RowBlock(x, dim, 0, 20);
        assertArrayEquals(fullSums(pruned, small, small, 1e-5), covered(small, small, 1e-5));
    }
}
