package io.atomcover.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import io.atomcover.util.SeededDraw;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entropy curves on the first five frames of Si-test (315 environments): each run's entropy against a
 * plain-loop entropy of the same draws (repeated from the documented draw order), the mean and the
 * population standard deviation, the fraction-1 limit and reproducibility by seed.
 */
class EntropyCurvesTest {
    static final double H = 0.015;
    static CpuKdeBackend backend;
    static Descriptors x;

    @BeforeAll
    static void load() {
        backend = new CpuKdeBackend(2);
        x = new QuestsDescriptor(32, 5.0).compute(
                ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures().subList(0, 5), 2, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    EntropyCurve curve(double[] f, int runs, boolean replacement, long seed) {
        return new EntropyCurves(new InformationMetrics(backend)).compute(x, H, f, runs, replacement, seed, ProgressListener.NONE);
    }

    /** H = -(1/m) Σ_i log(p_i/m) over the given rows, by a plain pair loop. */
    static double bruteEntropy(int[] rows) {
        int d = x.dim(), m = rows.length;
        double sum = 0;
        for (int a : rows) {
            double p = 0;
            for (int b : rows) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double e = x.data()[a * d + c] - x.data()[b * d + c];
                    s += e * e;
                }
                p += Math.exp(-s / (2 * H * H));
            }
            sum += Math.log(p / m);
        }
        return -sum / m;
    }

    @Test
    void eachRunIsTheEntropyOfItsDrawWithReplacement() {
        double[] f = {0.1, 0.5};
        EntropyCurve c = curve(f, 3, true, 11);
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < f.length; i++) {
            EntropyCurve.Point p = c.points().get(i);
            assertEquals((int) Math.floor(f[i] * x.rows()), p.size());
            double[] expected = new double[3];
            for (int r = 0; r < 3; r++) {
                int[] rows = new int[p.size()];
                for (int j = 0; j < rows.length; j++) rows[j] = rng.nextInt(x.rows());
                expected[r] = bruteEntropy(rows);
            }
            assertArrayEquals(expected, p.entropies(), 1e-9);
            double mean = (expected[0] + expected[1] + expected[2]) / 3;
            double var = 0;
            for (double e : expected) var += (e - mean) * (e - mean) / 3;
            assertEquals(mean, p.mean(), 1e-9);
            assertEquals(Math.sqrt(var), p.std(), 1e-9);
        }
    }

    @Test
    void withoutReplacementDrawsDistinctRowsAndTheWholeSetAtFractionOne() {
        EntropyCurve c = curve(new double[] {0.3, 1.0}, 2, false, 5);
        SplittableRandom rng = new SplittableRandom(5);
        int[] first = SeededDraw.withoutReplacement(rng.nextLong(), x.rows(), c.points().get(0).size());
        assertEquals(bruteEntropy(first), c.points().get(0).entropies()[0], 1e-9);
        double whole = new InformationMetrics(backend).entropy(x, H).entropy();
        for (double e : c.points().get(1).entropies()) assertEquals(whole, e, 1e-12);
        assertEquals(0.0, c.points().get(1).std(), 1e-12);
    }

    @Test
    void reproducibleBySeed() {
        double[] f = {0.2, 0.4};
        EntropyCurve a = curve(f, 2, true, 3);
        EntropyCurve b = curve(f, 2, true, 3);
        EntropyCurve other = curve(f, 2, true, 4);
        for (int i = 0; i < f.length; i++) assertArrayEquals(a.points().get(i).entropies(), b.points().get(i).entropies(), 0.0);
        assertTrue(a.points().get(0).entropies()[0] != other.points().get(0).entropies()[0]);
    }

    @Test
    void rejectsFractionsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> curve(new double[] {0}, 1, true, 0));
        assertThrows(IllegalArgumentException.class, () -> curve(new double[] {1.5}, 1, true, 0));
        assertThrows(IllegalArgumentException.class, () -> curve(new double[] {0.001}, 1, true, 0));
    }
}
