package io.atomcover.select;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import org.junit.jupiter.api.Test;

import static io.atomcover.select.SelectFixtures.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FpsSelectorTest {

    @Test
    void reproducesGoldenSilicon() {
        JsonNode g = SelectFixtures.golden("si-mlearn.json");
        Descriptors d = SelectFixtures.silicon();
        JsonNode fps = g.get("fps").get("21");
        int[] expect = SelectFixtures.ints(fps.get("selected"));
        Selection got = new FpsSelector(BACKEND).select(d, SelectFixtures.siliconEntropies(), 21);
        assertEquals("fps", got.method());
        assertArrayEquals(expect, got.indices());
        SelectionSummary s = SelectionSummary.of(BACKEND, d, got.indices(), 0.015);
        JsonNode e = fps.get("summary");
        assertEquals(e.get("entropy").asDouble(), s.entropy(), 1e-9 * e.get("entropy").asDouble());
        assertEquals(e.get("diversity").asDouble(), s.diversity(), 1e-9 * e.get("diversity").asDouble());
        assertEquals(e.get("overlap").asDouble(), s.overlap(), 1e-9 * e.get("overlap").asDouble());
        assertEquals(e.get("compressed_envs").asInt(), s.compressedEnvs());
    }

    @Test
    void meanPairDistancesDecide() {
        // dim 1. Structure 0 = {0, 2} (highest entropy, first), 1 = {1}, 2 = {10}, 3 = {4, 6}.
        // Mean distances from 0: to 1 → 1, to 2 → 9, to 3 → 4. Then from 2: to 1 → 9, to 3 → 5.
        Descriptors d = new Descriptors(new double[] {0, 2, 1, 10, 4, 6}, 1, new int[] {0, 2, 3, 4, 6});
        double[] entropies = {0.7, 0.0, 0.0, 0.5};
        assertArrayEquals(new int[] {0, 2, 3, 1}, new FpsSelector(BACKEND).select(d, entropies, 4).indices());
        assertArrayEquals(new int[] {0, 2}, new FpsSelector(BACKEND).select(d, entropies, 2).indices());
        assertEquals(0, new FpsSelector(BACKEND).select(d, entropies, 0).size());
        assertThrows(IllegalArgumentException.class, () -> new FpsSelector(BACKEND).select(d, entropies, 5));
    }

    @Test
    void distanceSumsMatchDirectEuclidean() {
        Descriptors d = SelectFixtures.clustered(10, 4, 3);
        int dim = d.dim();
        double[] x = d.data();
        double[] out = new double[d.rows()];
        RowBlock ref = new RowBlock(x, dim, 2, 5);
        BACKEND.distanceSums(RowBlock.of(d), ref, out);
        for (int i = 0; i < d.rows(); i++) {
            double sum = 0;
            for (int j = 2; j < 7; j++) {
                double d2 = 0;
                for (int k = 0; k < dim; k++) d2 += (x[i * dim + k] - x[j * dim + k]) * (x[i * dim + k] - x[j * dim + k]);
                sum += Math.sqrt(d2);
            }
            // The |a|²+|b|²-2a·b form loses digits for near pairs; 1e-7 absolute covers it at this scale.
            assertEquals(sum, out[i], 1e-7, "row " + i);
        }
    }
}
