package io.atomcover.metrics;

import io.atomcover.backend.Tolerance;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link InformationMetrics#sampledEntropy} against the exact entropy of the bundled Si-test set. */
class SampledEntropyTest {
    static final double H = 0.015;
    static CpuKdeBackend backend;
    static Descriptors siTest;
    static double exact;

    @BeforeAll
    static void open() {
        backend = new CpuKdeBackend(2);
        siTest = new QuestsDescriptor(32, 5.0).compute(
                ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures(), 2, ProgressListener.NONE);
        try (CpuKdeBackend brute = new CpuKdeBackend(2, false)) {
            exact = new InformationMetrics(brute).entropy(siTest, H).entropy();
        }
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    SampledEntropy sample(int n, long seed, double tolerance) {
        return new InformationMetrics(backend).sampledEntropy(siTest, H, n, seed, tolerance, ProgressListener.NONE);
    }

    @Test
    void everyRowSampledIsTheExactEntropy() {
        SampledEntropy s = sample(siTest.rows(), 7, 0.0);
        assertEquals(exact, s.estimate(), 1e-12 * Math.abs(exact));
        assertEquals(0.0, s.standardError(), 0.0);
        assertEquals(s.estimate(), s.low(), 0.0);
        assertEquals(s.estimate(), s.high(), 0.0);
    }

    @Test
    void intervalCoversTheExactEntropyForAFixedSeed() {
        SampledEntropy s = sample(200, 42, 0.0);
        assertTrue(s.low() <= exact && exact <= s.high(), s + " vs " + exact);
        assertTrue(s.high() - s.low() < 0.5 * Math.abs(exact), "interval too wide to mean anything: " + s);
    }

    @Test
    void toleranceWidensTheIntervalByItsBound() {
        SampledEntropy exactSums = sample(200, 42, 0.0);
        SampledEntropy tolerant = sample(200, 42, 1e-3);
        double bound = Tolerance.logBound(1e-3);
        assertEquals(bound, tolerant.bound(), 0.0);
        assertEquals(exactSums.estimate(), tolerant.estimate(), bound);
        // Half-width: the t part (from a standard deviation that the tolerance moves a little) plus the bound.
        double exactHalf = exactSums.high() - exactSums.estimate();
        assertEquals(exactHalf + bound, tolerant.high() - tolerant.estimate(), 0.01 * exactHalf);
        assertEquals(tolerant.high() - tolerant.estimate(), tolerant.estimate() - tolerant.low(), 1e-12);
    }

    /**
     * Over 300 seeds, the 95 % interval covers the exact entropy in 95 % ± 4 % of the draws: the
     * binomial standard deviation of 300 draws is 1.3 %, and the t interval of a skewed variable may
     * lose a little coverage at n = 60.
     */
    @Test
    void coverageIsCloseToNominal() {
        int seeds = 300;
        int covered = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            SampledEntropy s = sample(60, seed, 0.0);
            if (s.low() <= exact && exact <= s.high()) covered++;
        }
        double coverage = (double) covered / seeds;
        assertEquals(0.95, coverage, 0.04, "coverage " + coverage);
    }

    @Test
    void sampleSizeOutsideTheSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sample(1, 1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> sample(siTest.rows() + 1, 1, 0.0));
    }
}
