package io.atomcover.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Full parity with upstream QUESTS on the mlearn silicon example (k = 32, rc = 5, h = 0.015):
 * descriptors from {@link QuestsDescriptor}, metrics from the pruning CPU backend.
 */
class GoldenSiliconMetricsTest {
    static JsonNode golden;
    static Descriptors train;
    static Descriptors test;
    static CpuKdeBackend backend;
    static InformationMetrics kde;
    static double h;

    @BeforeAll
    static void setUp() {
        golden = Golden.load("si-mlearn.json");
        QuestsDescriptor q = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        train = q.compute(ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz")).structures(), 2, ProgressListener.NONE);
        test = q.compute(ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures(), 2, ProgressListener.NONE);
        h = golden.get("bandwidth").asDouble();
        backend = new CpuKdeBackend(2);
        kde = new InformationMetrics(backend);
    }

    @AfterAll
    static void tearDown() {
        backend.close();
    }

    @Test
    void datasetEntropyAndDiversity() {
        assertEquals(golden.get("n_envs").asInt(), train.rows());
        EntropyResult r = kde.entropy(train, h);
        double hExp = golden.get("dataset_entropy").asDouble();
        double dExp = golden.get("dataset_diversity").asDouble();
        assertEquals(hExp, r.entropy(), 1e-9 * hExp);
        assertEquals(dExp, r.diversity(), 1e-9 * dExp);
    }

    @Test
    void allStructureEntropies() {
        double[] expect = Golden.doubles(golden.get("structure_entropies"));
        double[] got = kde.structureEntropies(train, h, 2, ProgressListener.NONE);
        assertEquals(expect.length, got.length);
        for (int s = 0; s < expect.length; s++) assertEquals(expect[s], got[s], 1e-8, "structure " + s);
    }

    @Test
    void testSetDifferentialEntropyAndOverlap() {
        double[] expect = Golden.doubles(golden.get("test_dH"));
        double[] got = kde.differentialEntropy(test, train, h);
        assertEquals(expect.length, got.length);
        for (int i = 0; i < expect.length; i++) assertEquals(expect[i], got[i], 1e-8, "test row " + i);
        double[] gotLog = kde.differentialEntropyLog(test, train, h);
        for (int i = 0; i < expect.length; i++) assertEquals(expect[i], gotLog[i], 1e-8, "test row " + i + " (log)");
        assertEquals(golden.get("test_overlap_eps_1e-5").asDouble(), InformationMetrics.overlap(got, 1e-5));
    }
}
