package io.atomcover.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parity with descriptors made by the reference program (k = 32, rc = 5 Å). */
class GoldenParityTest {
    private static final double TOLERANCE = 1e-10;

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenParityTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, name);
            return new ObjectMapper().readTree(in);
        }
    }

    /** Largest |ours - reference| over the golden rows of every listed structure, failing on a shape mismatch. */
    private static double compare(Dataset data, JsonNode golden, Descriptors ours) {
        assertEquals(data.atomCount(), golden.get("n_envs").asInt());
        double worst = 0;
        JsonNode all = golden.get("descriptors");
        for (var it = all.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            int s = Integer.parseInt(key);
            JsonNode rows = all.get(key);
            assertEquals(data.get(s).size(), rows.size(), "rows of structure " + s);
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                assertEquals(ours.dim(), row.size());
                int base = (ours.offsets()[s] + i) * ours.dim();
                double rowWorst = 0;
                for (int c = 0; c < row.size(); c++) rowWorst = Math.max(rowWorst, Math.abs(row.get(c).asDouble() - ours.data()[base + c]));
                assertTrue(rowWorst <= TOLERANCE, "structure " + s + " row " + i + " differs by " + rowWorst);
                worst = Math.max(worst, rowWorst);
            }
        }
        return worst;
    }

    @Test
    void siliconStructures0_57_69() throws IOException {
        Dataset data = ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz"));
        JsonNode golden = golden("si-mlearn.json");
        QuestsDescriptor d = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        double worst = compare(data, golden, d.compute(data.structures(), 2, null));
        // measured: 5.4e-12; the reference rounds fractional coordinates to 12 decimals when it wraps
        // atoms into the cell, which moves them by up to ~1e-11 Å, the likely source
        assertTrue(worst <= 1e-11, "max difference " + worst);
    }

    @Test
    void fiveMolecules() throws IOException {
        Dataset data = ExtXyzReader.read(Path.of("src/test/resources/golden/molecules.extxyz"));
        JsonNode golden = golden("molecules.json");
        assertEquals(5, golden.get("descriptors").size());
        QuestsDescriptor d = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        double worst = compare(data, golden, d.compute(data.structures(), 1, null));
        // measured: 4.4e-16
        assertTrue(worst <= 1e-14, "max difference " + worst);
    }
}
