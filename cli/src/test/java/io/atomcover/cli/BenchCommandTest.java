package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportsRatesSamplesAndTheMachine() throws Exception {
        Path json = tmp.resolve("bench.json");
        Cli.Run r = Cli.run("bench", Cli.writeMolecules(tmp).toString(), "--repeat", "3", "--warmup", "0",
                "--threads", "1", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        assertEquals(12, j.get("n_envs").asInt());
        assertEquals(3, j.get("repeat").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertEquals(2, j.get("msc_half_size").asInt(), "half of the 3 molecules, 1.5 rounded to even");
        assertEquals(3, j.get("samples_seconds").get("msc_half").size());
        for (String f : new String[] {"descriptors_envs_per_second", "kernel_sums_pairs_per_second", "entropy_seconds", "msc_half_seconds"})
            assertTrue(j.get(f).asDouble() > 0, f + " in " + j);
        assertEquals(3, j.get("samples_seconds").get("kernel_sums").size());
        JsonNode m = j.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), m.get("cores").asInt());
        assertTrue(m.get("jvm").asText().contains(System.getProperty("java.runtime.version")));
        for (String line : new String[] {"machine", "descriptors", "kernel sums", "entropy", "msc 50 %"})
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(line + " ")), line + " missing: " + r);
        assertTrue(r.err().contains("bench: kernel sums, run 3/3"), "progress notices on stderr: " + r);
    }

    @Test
    void theBenchmarksRunWithTheCommandsSettings() throws Exception {
        Path xyz = Cli.writeMolecules(tmp);
        Path bench = tmp.resolve("bench.json");
        Path entropy = tmp.resolve("entropy.json");
        Cli.Run r = Cli.run("bench", xyz.toString(), "-b", "0.5", "-k", "4", "--brute-force", "--repeat", "1", "--warmup", "0",
                "--threads", "1", "--json", bench.toString());
        assertEquals(0, r.exit(), r::toString);
        Cli.Run e = Cli.run("entropy", xyz.toString(), "-b", "0.5", "-k", "4", "--json", entropy.toString());
        assertEquals(0, e.exit(), e::toString);
        JsonNode b = EntropyCommandTest.readJson(bench);
        assertEquals(7, b.get("dim").asInt(), "2k-1 values for k = 4");
        assertEquals(EntropyCommandTest.readJson(entropy).get("entropy").asDouble(), b.get("entropy").asDouble(), 1e-12);
        assertEquals("cpu:exact(1)", b.get("backend").asText(), "--brute-force and --threads reach the benchmarks");
    }

    @Test
    void withoutFileItFindsTheBundledSiTrain() {
        // Resolving the default input only; a full bench of Si-train takes too long for a unit test.
        assertTrue(Locations.bundledSiTrain().endsWith(Path.of("examples", "mlearn-si", "Si-train.extxyz")));
    }
}
