package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.backend.Precision;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.MscSelector.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device-resident greedy loop through {@link MscSelector} (which hands the loop to
 * {@code KdeBackend.greedyCover()}): selections identical to the CPU backend's in both modes,
 * plain and conditional, resident and streamed; compat mode reproduces the reference's Si-train
 * selections at 21 and 54 picks.
 */
class GreedyCoverTest {
    static final double H = 0.015;
    static final CpuKdeBackend CPU = new CpuKdeBackend(2);
    static OpenClKdeBackend gpu;

    @BeforeAll
    static void open() {
        // Without a platform every test reports the reason itself (skip, or failure under CI=true).
        if (!OpenClTests.available()) return;
        gpu = OpenClTests.open();
    }

    @BeforeEach
    void needsDevice() {
        OpenClTests.firstDevice();
    }

    @AfterAll
    static void close() {
        if (gpu != null) gpu.close();
    }

    static JsonNode golden() throws IOException {
        try (InputStream in = GreedyCoverTest.class.getResourceAsStream("/golden/si-mlearn-msc.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void compatReproducesGoldenSiliconSelections() throws IOException {
        JsonNode g = golden();
        Descriptors d = OpenClTests.silicon();
        double[] entropies = new double[g.get("structure_entropies").size()];
        for (int i = 0; i < entropies.length; i++) entropies[i] = g.get("structure_entropies").get(i).asDouble();
        assertTrue(gpu.greedyCover().isPresent());
        MscResult r = new MscSelector(gpu, H, Mode.COMPAT).select(d, entropies, 54);
        for (String n : new String[] {"21", "54"}) {
            JsonNode sel = g.get("msc").get(n).get("selected");
            int[] expect = new int[sel.size()];
            for (int i = 0; i < expect.length; i++) expect[i] = sel.get(i).asInt();
            assertArrayEquals(expect, r.selection().prefix(expect.length).indices(), "msc " + n);
        }
        // The same picks as the CPU backend's lazy loop, with the same scores to 1e-10.
        MscResult cpu = new MscSelector(CPU, H, Mode.COMPAT).select(d, entropies, 54);
        assertArrayEquals(cpu.indices(), r.indices());
        for (int i = 0; i < 54; i++) assertScore(cpu.scores()[i], r.scores()[i], "pick " + i);
    }

    /** Default mode on Si-train (compat mode is compared with the CPU in the golden test above). */
    @Test
    void siliconDefaultModeOrderingMatchesCpu() {
        Descriptors d = OpenClTests.silicon();
        double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
        MscResult cpu = new MscSelector(CPU, H, Mode.DEFAULT).select(d, entropies, 54);
        MscResult dev = new MscSelector(gpu, H, Mode.DEFAULT).select(d, entropies, 54);
        assertArrayEquals(cpu.indices(), dev.indices());
        for (int i = 0; i < 54; i++) assertScore(cpu.scores()[i], dev.scores()[i], "pick " + i);
    }

    @Test
    void clusteredSetsMatchCpuPlainAndConditionalInBothModes() {
        for (long seed = 1; seed <= 3; seed++) {
            Descriptors d = OpenClTests.clustered(60, 7, seed);
            double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
            Descriptors reference = OpenClTests.clustered(8, 5, seed + 100);
            for (Mode mode : Mode.values()) {
                int all = d.structureCount();
                MscResult cpu = new MscSelector(CPU, H, mode).select(d, entropies, all);
                MscResult dev = new MscSelector(gpu, H, mode).select(d, entropies, all);
                assertArrayEquals(cpu.indices(), dev.indices(), mode + " seed " + seed);
                for (int i = 0; i < all; i++) assertScore(cpu.scores()[i], dev.scores()[i], mode + " seed " + seed + " pick " + i);
                MscResult cpuCond = new MscSelector(CPU, H, mode).selectConditional(d, entropies, 30, reference);
                MscResult devCond = new MscSelector(gpu, H, mode).selectConditional(d, entropies, 30, reference);
                assertArrayEquals(cpuCond.indices(), devCond.indices(), mode + " conditional, seed " + seed);
                for (int i = 0; i < 30; i++) assertScore(cpuCond.scores()[i], devCond.scores()[i], mode + " conditional pick " + i);
            }
            // The far structures (s % 11 == 5) give +inf compat scores: the smallest index wins among them.
            MscResult compat = new MscSelector(gpu, H, Mode.COMPAT).select(d, entropies, all(d));
            assertTrue(Arrays.stream(compat.scores()).skip(1).anyMatch(v -> v == Double.POSITIVE_INFINITY));
        }
    }

    @Test
    void streamedRunsGiveTheResidentSelections() {
        Descriptors d = OpenClTests.clustered(80, 9, 7);
        double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
        // Room for the resident state (≈ 8.7 kB) and chunks of ≈ 45 rows: about ten chunks per iteration.
        try (OpenClKdeBackend small = OpenClTests.open(Precision.DOUBLE, 12_000)) {
            for (Mode mode : Mode.values()) {
                MscResult resident = new MscSelector(gpu, H, mode).select(d, entropies, 50);
                assertFalse(((DeviceGreedyCover) gpu.greedyCover().orElseThrow()).streamedLastRun());
                MscResult streamed = new MscSelector(small, H, mode).select(d, entropies, 50);
                assertTrue(((DeviceGreedyCover) small.greedyCover().orElseThrow()).streamedLastRun());
                assertArrayEquals(resident.indices(), streamed.indices(), mode.toString());
                assertArrayEquals(resident.scores(), streamed.scores(), mode.toString());
            }
        }
    }

    @Test
    void floatPrecisionPicksTheSameOnClusteredSets() {
        Descriptors d = OpenClTests.clustered(60, 7, 11);
        double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
        try (OpenClKdeBackend f = OpenClTests.open(Precision.FLOAT, 0)) {
            MscResult cpu = new MscSelector(CPU, H, Mode.DEFAULT).select(d, entropies, 40);
            MscResult dev = new MscSelector(f, H, Mode.DEFAULT).select(d, entropies, 40);
            assertArrayEquals(cpu.indices(), dev.indices());
        }
    }

    private static int all(Descriptors d) {
        return d.structureCount();
    }

    private static void assertScore(double want, double got, String what) {
        if (Double.isInfinite(want)) assertEquals(want, got, what);
        else assertEquals(want, got, 1e-10 * Math.max(1, Math.abs(want)), what);
    }
}
