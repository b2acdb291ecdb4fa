package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compress's picks in full on stdout and as text, sizes as percentages, and one rule for exit codes:
 * a size or count beyond the data is an option error (2), in compress, compare and select alike.
 */
class PicksAndExitCodesTest {
    @TempDir
    Path tmp;

    @Test
    void picksArePrintedInFullAndWrittenOnePerLine() throws Exception {
        String si = Cli.example("Si-train.extxyz").toString();
        Path json = tmp.resolve("r.json");
        Path txt = tmp.resolve("r.txt");
        Cli.Run r = Cli.run("compress", si, "-m", "random", "-s", "30", "-o", json.toString(), "-o", txt.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        JsonNode selected = new ObjectMapper().readTree(json.toFile()).get("selected");
        assertEquals(30, selected.size());
        List<String> lines = Files.readAllLines(txt);
        assertEquals(30, lines.size());
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            assertEquals(selected.get(i).asText(), lines.get(i), "line " + i);
            all.append(i == 0 ? "" : " ").append(selected.get(i).asText());
        }
        String picks = r.out().lines().filter(l -> l.startsWith("picks")).findFirst().orElseThrow();
        assertTrue(picks.contains(all.toString()), picks);
        assertTrue(!picks.contains("more)"), picks);
    }

    @Test
    void aPercentageSelectsItsShareAndOneHundredPercentSelectsAll() throws Exception {
        Path molecules = Cli.writeMolecules(tmp);
        Path all = tmp.resolve("all.json");
        Cli.Run r = Cli.run("compress", molecules.toString(), "-m", "fps", "-s", "100%", "-o", all.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = new ObjectMapper().readTree(all.toFile());
        assertEquals(3, j.get("size").asInt());
        assertEquals(1.0, j.get("parameters").get("requested_size").asDouble());
        r = Cli.run("compress", molecules.toString(), "-m", "fps", "-s", "1.0", "-o", all.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("-s 1.0 is ambiguous: write 1 for one structure or 100% for all"), r::toString);
        r = Cli.run("compare", molecules.toString(), "-m", "fps", "-s", "1,2.0");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("-s 2.0 is ambiguous"), r::toString);
    }

    @Test
    void beyondTheDataIsAnOptionErrorEverywhere() throws Exception {
        Path molecules = Cli.writeMolecules(tmp);
        assertEquals(2, Cli.run("compress", molecules.toString(), "-s", "10000").exit());
        assertEquals(2, Cli.run("compare", molecules.toString(), "-s", "10000", "-m", "fps").exit());
        Cli.Run r = Cli.run("select", SelectCommandTest.TARGETS.toString(), "-t", "0", "-d", SelectCommandTest.DATABASE.toString(), "-n", "100",
                "-m", "sml", "-o", tmp.resolve("s.json").toString());
        assertEquals(2, r.exit(), r::toString);
        r = Cli.run("entropy", molecules.toString(), "--sample", "100000");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--sample 100000 is more than the"), r::toString);
        // Input errors stay 1.
        assertEquals(1, Cli.run("compress", tmp.resolve("nowhere.extxyz").toString(), "-s", "1").exit());
    }
}
