package io.atomcover.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two generations of two short chains from four Si-test structures: pool growth, info and reproducibility. */
class ActiveLearningTest {
    static final double H = 0.015;
    static final QuestsDescriptor Q = new QuestsDescriptor(32, 5.0);
    static final McmcParameters P = new McmcParameters(3, 1.0, 0.03, 2.0, 1, 1e-3);
    static CpuKdeBackend backend;
    static List<Structure> reference;
    static Descriptors rows;

    @BeforeAll
    static void load() {
        backend = new CpuKdeBackend(2);
        reference = ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures().subList(0, 4);
        rows = Q.compute(reference, 2, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    ActiveLearning.Run run(long seed, List<Descriptors> pools) {
        InformationMetrics m = new InformationMetrics(backend);
        return new ActiveLearning(Q, P, pool -> {
            pools.add(pool);
            return (r, dim) -> m.differentialEntropyLog(Descriptors.ofRows(r, dim), pool, H);
        }).run(reference, rows, 2, 2, seed, ProgressListener.NONE);
    }

    @Test
    void eachGenerationScoresAgainstTheReferenceAndEverythingGeneratedBefore() {
        List<Descriptors> pools = new ArrayList<>();
        ActiveLearning.Run r = run(5, pools);
        assertEquals(4, r.generated().size());
        assertEquals(2, pools.size());
        assertEquals(rows.rows(), pools.get(0).rows());
        int born = r.generated().get(0).size() + r.generated().get(1).size();
        assertEquals(rows.rows() + born, pools.get(1).rows());
        // The second pool ends with the descriptors of the first generation's structures.
        double[] first = Q.compute(r.generated().get(0));
        assertArrayEquals(first, java.util.Arrays.copyOfRange(pools.get(1).data(), rows.rows() * rows.dim(),
                rows.rows() * rows.dim() + first.length), 0.0);
        for (int i = 0; i < 4; i++) {
            Structure s = r.generated().get(i);
            assertEquals(Integer.toString(i / 2 + 1), s.info().get("generation"));
            int source = Integer.parseInt(s.info().get("source_index"));
            assertTrue(source >= 0 && source < (i < 2 ? 4 : 6), "source " + source);
            assertEquals(r.generations().get(i / 2).starts()[i % 2], source);
            assertEquals(r.generations().get(i / 2).chains().get(i % 2).bestScore(), Double.parseDouble(s.info().get("mcmc_score")), 0.0);
        }
    }

    @Test
    void reproducibleBySeed() {
        ActiveLearning.Run a = run(8, new ArrayList<>());
        ActiveLearning.Run b = run(8, new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.generated().get(i).positions(), b.generated().get(i).positions(), 0.0);
            assertEquals(a.generated().get(i).info(), b.generated().get(i).info());
        }
    }

    @Test
    void refusesMoreStartsThanStructures() {
        assertThrows(IllegalArgumentException.class, () -> new ActiveLearning(Q, P, pool -> (r, d) -> new double[0])
                .run(reference, rows, 1, 5, 0, ProgressListener.NONE));
    }
}
