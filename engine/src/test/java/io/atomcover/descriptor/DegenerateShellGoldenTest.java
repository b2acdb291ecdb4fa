package io.atomcover.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.io.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.kde.CpuKdeBackend;
import io.atomcover.kde.EntropyResult;
import io.atomcover.kde.Kde;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with the reference program on crystals whose 32nd neighbour lies in a shell of equally
 * distant atoms (golden/degenerate.*): fcc aluminium stretched along x, fcc aluminium sheared in
 * xy, bcc iron compressed along y and perfect diamond silicon; k = 32, rc = 5 Å, h = 0.015. Which
 * atoms of the shell the reference takes is decided by rounding in its distance arithmetic and by
 * its sort, so these rows only match when its order is reproduced (see
 * {@link NeighbourSearch#nearest}).
 *
 * <p>The sheared structure's y coordinates are stored with all their digits: at the 8 decimals of
 * the file the golden data came in, atoms sit up to 3e-9 Å off the lattice, which splits its shells
 * and changes which atoms the reference itself would take.
 */
class DegenerateShellGoldenTest {
    /** Absolute, on every descriptor value; the values are at most about 0.16. */
    private static final double DESCRIPTOR_TOLERANCE = 1e-10;
    /** Absolute on entropy and diversity, which are about 1 (so also about 1e-10 relative). */
    private static final double METRIC_TOLERANCE = 1e-10;

    private static JsonNode golden;
    private static Descriptors ours;

    @BeforeAll
    static void compute() throws IOException {
        try (InputStream in = DegenerateShellGoldenTest.class.getResourceAsStream("/golden/degenerate.json")) {
            assertNotNull(in, "degenerate.json");
            golden = new ObjectMapper().readTree(in);
        }
        Dataset data = ExtXyzReader.read(Path.of("src/test/resources/golden/degenerate.extxyz"));
        assertEquals(4, data.size());
        assertEquals(golden.get("n_envs").asInt(), data.atomCount());
        QuestsDescriptor d = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        ours = d.compute(data.structures(), 2, null);
    }

    /** Largest |ours - reference| over the rows of structure {@code s}. */
    private static double worst(int s) {
        JsonNode rows = golden.get("descriptors").get(Integer.toString(s));
        int first = ours.offsets()[s];
        assertEquals(ours.offsets()[s + 1] - first, rows.size(), "rows of structure " + s);
        double worst = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(ours.dim(), row.size());
            int base = (first + i) * ours.dim();
            for (int c = 0; c < row.size(); c++) worst = Math.max(worst, Math.abs(row.get(c).asDouble() - ours.data()[base + c]));
        }
        return worst;
    }

    @Test
    void strainedFccAlongX() {
        double w = worst(0);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void shearedFcc() {
        double w = worst(1);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void strainedBccAlongY() {
        double w = worst(2);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void perfectDiamond() {
        double w = worst(3);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void datasetEntropyAndDiversity() {
        try (CpuKdeBackend backend = new CpuKdeBackend(2)) {
            EntropyResult r = new Kde(backend).entropy(ours, golden.get("bandwidth").asDouble());
            assertEquals(golden.get("dataset_entropy").asDouble(), r.entropy(), METRIC_TOLERANCE);
            assertEquals(golden.get("dataset_diversity").asDouble(), r.diversity(), METRIC_TOLERANCE);
        }
    }
}
