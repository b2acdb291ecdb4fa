package io.atomcover.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with the reference program where the 32nd neighbour lies in a shell of equally distant
 * atoms; k = 32, rc = 5 Å, h = 0.015. Which atoms of the shell the reference takes is decided by
 * rounding in its distance arithmetic and by its sort, so these rows only match when its order is
 * reproduced (see {@link NeighbourSearch#nearest}).
 *
 * <p>golden/degenerate.*: fcc aluminium stretched along x, fcc aluminium sheared in xy, bcc iron
 * compressed along y and perfect diamond silicon. The sheared structure's y coordinates are stored
 * with all their digits: at the 8 decimals of the file the golden data came in, atoms sit up to
 * 3e-9 Å off the lattice, which splits its shells and changes which atoms the reference itself
 * would take.
 *
 * <p>golden/degenerate-cells.*: one-atom primitive fcc and bcc cells (hundreds of images of one
 * atom; the reference's distances then come from a single-row BLAS product, summed in another
 * order), a two-atom strained primitive fcc cell, perfect and strained hcp magnesium, and an fcc
 * copper cluster without a cell.
 */
class DegenerateShellGoldenTest {
    /** Absolute, on every descriptor value; the values are at most about 0.26. */
    private static final double DESCRIPTOR_TOLERANCE = 1e-10;
    /** Absolute on entropy and diversity, which are 1 to 2 (so also below 1e-10 relative). */
    private static final double METRIC_TOLERANCE = 1e-10;

    /** A golden pair: the reference's values and ours for the same structures. */
    private record Case(JsonNode golden, Descriptors ours) {
    }

    private static Case crystals;
    private static Case cells;

    @BeforeAll
    static void compute() throws IOException {
        crystals = load("degenerate", 4);
        cells = load("degenerate-cells", 7);
    }

    private static Case load(String name, int structures) throws IOException {
        JsonNode golden;
        try (InputStream in = DegenerateShellGoldenTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertNotNull(in, name + ".json");
            golden = new ObjectMapper().readTree(in);
        }
        Dataset data = ExtXyzReader.read(Path.of("src/test/resources/golden/" + name + ".extxyz"));
        assertEquals(structures, data.size());
        assertEquals(golden.get("n_envs").asInt(), data.atomCount());
        QuestsDescriptor d = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        return new Case(golden, d.compute(data.structures(), 2, null));
    }

    /** Largest |ours - reference| over the rows of structure {@code s}. */
    private static double worst(Case c, int s) {
        JsonNode rows = c.golden.get("descriptors").get(Integer.toString(s));
        Descriptors ours = c.ours;
        int first = ours.offsets()[s];
        assertEquals(ours.offsets()[s + 1] - first, rows.size(), "rows of structure " + s);
        double worst = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(ours.dim(), row.size());
            int base = (first + i) * ours.dim();
            for (int col = 0; col < row.size(); col++) worst = Math.max(worst, Math.abs(row.get(col).asDouble() - ours.data()[base + col]));
        }
        return worst;
    }

    private static void assertMetrics(Case c) {
        try (CpuKdeBackend backend = new CpuKdeBackend(2)) {
            EntropyResult r = new InformationMetrics(backend).entropy(c.ours, c.golden.get("bandwidth").asDouble());
            assertEquals(c.golden.get("dataset_entropy").asDouble(), r.entropy(), METRIC_TOLERANCE);
            assertEquals(c.golden.get("dataset_diversity").asDouble(), r.diversity(), METRIC_TOLERANCE);
        }
    }

    @Test
    void strainedFccAlongX() {
        double w = worst(crystals, 0);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void shearedFcc() {
        double w = worst(crystals, 1);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void strainedBccAlongY() {
        double w = worst(crystals, 2);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void perfectDiamond() {
        double w = worst(crystals, 3);
        assertTrue(w <= DESCRIPTOR_TOLERANCE, "max difference " + w);
    }

    @Test
    void crystalsEntropyAndDiversity() {
        assertMetrics(crystals);
    }

    @Test
    void primitiveCellsHcpAndCluster() {
        for (int s = 0; s < 7; s++) {
            double w = worst(cells, s);
            assertTrue(w <= DESCRIPTOR_TOLERANCE, "structure " + s + ": max difference " + w);
        }
    }

    @Test
    void cellsEntropyAndDiversity() {
        assertMetrics(cells);
    }
}
