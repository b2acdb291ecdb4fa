package io.atomcover.select;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix of a curve against a from-scratch computation: entropy and diversity of the prefix
 * rows and dH of every dataset row against them, each through {@link InformationMetrics} on the brute-force
 * backend (every pair, {@link Math#exp}). Entropy and diversity must agree within 1e-10 relative;
 * the overlap is a count and must be equal at every prefix, so every row must cross the threshold
 * at the same prefix as from scratch. Thresholds: the default 1e-5; 0.5, where rows outside the
 * prefix cross by accumulating many terms; and -0.7 (sum above e^0.7), which prefix rows only reach
 * with close neighbours, so some cross after their own pick.
 */
class SelectionCurveBruteForceTest {
    static final double H = 0.015;
    static final double[] EPS = {InformationMetrics.DEFAULT_OVERLAP_EPS, 0.5, -0.7};
    static final double REL = 1e-10;

    /** Every 9th structure of Si-train (24 structures, 1,481 environments). */
    static Descriptors siliconSlice() {
        Descriptors all = SelectFixtures.silicon();
        int[] pick = new int[(all.structureCount() + 8) / 9];
        for (int i = 0; i < pick.length; i++) pick[i] = 9 * i;
        return all.select(pick);
    }

    /** The 64 QM7 molecules of the KRR fixtures (788 environments). */
    static Descriptors molecules() {
        try {
            Path p = Path.of(SelectionCurveBruteForceTest.class.getResource("/krr/qm7-ilp-sildenafil-64.extxyz").toURI());
            return new QuestsDescriptor().compute(ExtXyzReader.read(p).structures(), 2, ProgressListener.NONE);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void siliconSliceMatchesFromScratch() {
        Descriptors d = siliconSlice();
        check(d, new RandomSelector(3).select(d.structureCount(), d.structureCount()).indices());
    }

    @Test
    void moleculesMatchFromScratch() {
        Descriptors d = molecules();
        check(d, new RandomSelector(4).select(d.structureCount(), d.structureCount()).indices());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Descriptors d = molecules();
        int[] order = new RandomSelector(5).select(d.structureCount(), d.structureCount()).indices();
        try (CpuKdeBackend one = new CpuKdeBackend(1); CpuKdeBackend three = new CpuKdeBackend(3)) {
            SelectionCurve a = SelectionCurve.of(one, d, order, H, true, 0.5, ProgressListener.NONE);
            SelectionCurve b = SelectionCurve.of(three, d, order, H, true, 0.5, ProgressListener.NONE);
            assertArrayEquals(a.entropy(), b.entropy());
            assertArrayEquals(a.diversity(), b.diversity());
            assertArrayEquals(a.overlap(), b.overlap());
        }
    }

    /**
     * The indexed CPU session and the default session (on the brute-force backend, which has no
     * session of its own) against the from-scratch values, at every prefix and every threshold.
     */
    private static void check(Descriptors d, int[] order) {
        int n = order.length;
        double[] entropy = new double[n];
        double[] diversity = new double[n];
        double[][] overlap = new double[EPS.length][n];
        int[] envs = new int[n];
        try (CpuKdeBackend brute = new CpuKdeBackend(1, false)) {
            InformationMetrics kde = new InformationMetrics(brute);
            for (int k = 0; k < n; k++) {
                Descriptors prefix = d.select(Arrays.copyOf(order, k + 1));
                envs[k] = prefix.rows();
                EntropyResult r = kde.entropy(prefix, H);
                entropy[k] = r.entropy();
                diversity[k] = r.diversity();
                double[] dH = kde.differentialEntropy(d, prefix, H);
                for (int t = 0; t < EPS.length; t++) overlap[t][k] = InformationMetrics.overlap(dH, EPS[t]);
            }
            for (int t = 0; t < EPS.length; t++) {
                compare(SelectionCurve.of(SelectFixtures.BACKEND, d, order, H, true, EPS[t], ProgressListener.NONE),
                        entropy, diversity, overlap[t], envs, "indexed, eps " + EPS[t]);
                compare(SelectionCurve.of(brute, d, order, H, true, EPS[t], ProgressListener.NONE),
                        entropy, diversity, overlap[t], envs, "default, eps " + EPS[t]);
            }
        }
        // The thresholds exercise both kinds of crossing: rows outside the prefix, and prefix rows after their pick.
        boolean outside = false;
        boolean late = false;
        for (int k = 0; k < n; k++) {
            outside |= overlap[1][k] * d.rows() > envs[k];
            late |= overlap[2][k] > 0 && overlap[2][k] * d.rows() < envs[k];
        }
        assertTrue(outside, "some rows outside the prefix cross at eps 0.5");
        assertTrue(late, "some prefix rows stay above dH -0.7");
    }

    private static void compare(SelectionCurve c, double[] entropy, double[] diversity, double[] overlap, int[] envs, String what) {
        for (int k = 0; k < entropy.length; k++) {
            assertEquals(entropy[k], c.entropy()[k], REL * Math.abs(entropy[k]), what + ": entropy at " + (k + 1));
            assertEquals(diversity[k], c.diversity()[k], REL * Math.abs(diversity[k]), what + ": diversity at " + (k + 1));
            assertEquals(overlap[k], c.overlap()[k], 0.0, what + ": overlap at " + (k + 1));
            assertEquals(envs[k], c.environments()[k], what + ": environments at " + (k + 1));
        }
    }
}
