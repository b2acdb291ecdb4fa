package io.atomcover.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformationMetricsTest {
    static final double H = Bandwidth.DEFAULT;
    static CpuKdeBackend backend;
    static InformationMetrics kde;

    @BeforeAll
    static void open() {
        backend = new CpuKdeBackend(2);
        kde = new InformationMetrics(backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void goldenSiliconStructureEntropies() {
        JsonNode g = Golden.load("si-mlearn.json");
        double[] expect = Golden.doubles(g.get("structure_entropies"));
        String[] keys = {"0", "57", "69"};
        Descriptors d = Golden.descriptors(g, keys);
        double[] got = kde.structureEntropies(d, H, 2, ProgressListener.NONE);
        for (int s = 0; s < keys.length; s++)
            assertEquals(expect[Integer.parseInt(keys[s])], got[s], 1e-8, "structure " + keys[s]);
        try (CpuKdeBackend exact = new CpuKdeBackend(1, false)) {
            assertArrayEquals(got, new InformationMetrics(exact).structureEntropies(d, H, 1, ProgressListener.NONE), 1e-12);
        }
    }

    @Test
    void goldenMolecules() {
        JsonNode g = Golden.load("molecules.json");
        Descriptors d = Golden.descriptors(g, "0", "1", "2", "3", "4");
        double[] expect = Golden.doubles(g.get("structure_entropies"));
        AtomicLong seen = new AtomicLong();
        double[] got = kde.structureEntropies(d, H, 3, (done, total) -> seen.incrementAndGet());
        assertArrayEquals(expect, got, 1e-8);
        assertEquals(5, seen.get());
        EntropyResult r = kde.entropy(d, H);
        assertEquals(g.get("dataset_entropy").asDouble(), r.entropy(), 1e-9 * g.get("dataset_entropy").asDouble());
        assertEquals(g.get("dataset_diversity").asDouble(), r.diversity(), 1e-9 * g.get("dataset_diversity").asDouble());
    }

    @Test
    void entropyBoundsAndDiversityFromSums() {
        // N identical rows: p_i = N, H = 0, D = log(N · 1/N) = 0; N far-apart rows: p_i = 1, H = log N, D = log N
        double[] same = new double[4 * 3];
        EntropyResult r = kde.entropy(Descriptors.ofRows(same, 3), H);
        assertEquals(0.0, r.entropy(), 1e-15);
        assertEquals(0.0, r.diversity(), 1e-15);
        double[] far = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        r = kde.entropy(Descriptors.ofRows(far, 3), H);
        assertEquals(Math.log(4), r.entropy(), 1e-15);
        assertEquals(Math.log(4), r.diversity(), 1e-15);
    }

    @Test
    void differentialEntropyAndOverlap() {
        JsonNode g = Golden.load("molecules.json");
        Descriptors d = Golden.descriptors(g, "0", "1", "2", "3", "4");
        Descriptors train = d.select(new int[] {3, 4});
        Descriptors test = d.select(new int[] {0, 1, 2});
        double[] dh = kde.differentialEntropy(test, train, H);
        double[] dhLog = kde.differentialEntropyLog(test, train, H);
        try (CpuKdeBackend exact = new CpuKdeBackend(1, false)) {
            double[] p = new double[test.rows()];
            exact.kernelSums(RowBlock.of(test), RowBlock.of(train), H, p);
            int infinite = 0;
            for (int i = 0; i < p.length; i++) {
                assertEquals(-Math.log(p[i]), dh[i], 1e-12 * Math.max(1, Math.abs(dh[i])));
                assertTrue(Double.isFinite(dhLog[i]));
                if (Double.isFinite(dh[i])) assertEquals(dh[i], dhLog[i], 1e-12 * Math.max(1, Math.abs(dh[i])));
                else {
                    infinite++;
                    assertTrue(dhLog[i] > 745);
                }
            }
            assertTrue(infinite < p.length);
        }
        // the training rows themselves are covered: dH ≤ -log 1 = 0 < eps for every one
        double[] self = kde.differentialEntropy(train, train, H);
        assertEquals(1.0, InformationMetrics.overlap(self));
        assertEquals(0.5, InformationMetrics.overlap(new double[] {-1, 1e-6, 2e-5, Double.POSITIVE_INFINITY}, 1e-5));
        assertEquals(0.25, InformationMetrics.overlap(new double[] {-1, 1e-6, 2e-5, Double.POSITIVE_INFINITY}, 0.0));
        assertTrue(Double.isNaN(InformationMetrics.overlap(new double[0])));
    }

    @Test
    void gaussianBandwidthRule() {
        assertEquals(0.0897141 + 0.0119417, Bandwidth.gaussian(0), 1e-15);
        assertEquals(0.0897141 * Math.exp(-0.5) + 0.0119417, Bandwidth.gaussian(10.896), 1e-15);
        assertEquals(0.0119417, Bandwidth.gaussian(1e3), 1e-12);
        assertEquals(0.015, Bandwidth.DEFAULT);
    }
}
