package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.report.IlpJson;
import io.atomcover.ilpselect.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored results read back: files whose parameters still use camelCase keys count as the same parameters. */
class ResultFilesTest {
    @TempDir
    Path tmp;

    private static ObjectNode parameters() {
        ObjectNode p = ReportJson.object();
        p.put("kind", "ranking");
        p.put("method", "ilp");
        ObjectNode ilp = p.putObject("ilp");
        IlpJson.put(ilp, IlpOptions.defaults().withSolver(io.atomcover.ilpselect.ilp.IlpSolver.CPSAT)); // what earlier versions wrote
        ilp.put("ilp_n", 64);
        return p;
    }

    @Test
    void parametersWrittenInCamelCaseReadBackAsTheSame() throws Exception {
        ObjectNode expected = parameters();
        assertTrue(expected.get("ilp").has("whole_molecules") && expected.get("ilp").has("round_budget"), expected::toString);
        // The same parameters as an earlier version wrote them.
        String old = ReportJson.MAPPER.writeValueAsString(expected).replace("\"whole_molecules\"", "\"wholeMolecules\"")
                .replace("\"round_budget\"", "\"roundBudget\"").replace("\"solver_workers\"", "\"solverWorkers\"")
                .replace("\"count_hydrogens\"", "\"countHydrogens\"").replace("\"ilp_n\"", "\"ilpN\"");
        assertTrue(old.contains("\"ilpN\""));
        Path file = tmp.resolve("r.json");
        Files.writeString(file, "{\"ranking\": [3, 1], \"parameters\": " + old + "}");
        ResultFiles.Stored s = new ResultFiles(tmp).read(file, expected, json -> { });
        assertTrue(s.valid(), s::problem);
        assertEquals(3, s.json().get("ranking").get(0).asInt());

        // Other values still differ.
        ObjectNode other = parameters();
        ((ObjectNode) other.get("ilp")).put("ilp_n", 32);
        ResultFiles.Stored d = new ResultFiles(tmp).read(file, other, json -> { });
        assertFalse(d.valid());
        assertTrue(d.problem().contains("other parameters"), d::problem);
    }

    @Test
    void keysTurnSnakeCase() {
        assertEquals("pruning_check_max", ReportJson.snakeCase("pruningCheckMax"));
        assertEquals("ilp_n", ReportJson.snakeCase("ilpN"));
        assertEquals("energy_unit", ReportJson.snakeCase("energy_unit"));
        assertEquals("seed", ReportJson.snakeCase("seed"));
    }
}
