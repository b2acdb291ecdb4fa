package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.ThermalReplicas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchScaleTest {
    @TempDir
    Path tmp;

    @Test
    void everySizeReportsEveryStageAndItsPeakHeap() throws Exception {
        Path xyz = Cli.writeMolecules(tmp);
        Path json = tmp.resolve("scale.json");
        Path data = tmp.resolve("data");
        Cli.Run r = Cli.run("bench", xyz.toString(), "--scale", "--replicas", "3,2", "-k", "4", "--threads", "1",
                "--write-scale-data", data.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        assertEquals(3, j.get("n_structs").asInt());
        assertEquals(12, j.get("n_envs").asInt());
        assertEquals(0.1, j.get("compress_size").asDouble());
        assertEquals(ThermalReplicas.DEFAULT_SEED, j.get("seed").asLong());
        assertTrue(j.has("machine") && j.has("backend") && j.has("scale_limit_seconds"), j::toString);
        JsonNode sizes = j.get("scale");
        assertEquals(2, sizes.size());
        for (int i = 0; i < 2; i++) {
            JsonNode s = sizes.get(i);
            int replicas = i + 2;
            assertEquals(replicas, s.get("replicas").asInt(), "ascending");
            assertEquals(3 * replicas, s.get("n_structs").asInt());
            assertEquals(12 * replicas, s.get("n_envs").asInt());
            assertEquals(0.01, s.get("sigma_first").asDouble());
            assertEquals(0.1, s.get("sigma_last").asDouble(), 1e-15);
            for (String f : new String[] {"descriptors_seconds", "entropy_seconds", "compress_seconds",
                    "compress_selection_seconds", "compress_metrics_seconds", "heap_peak_bytes"})
                assertTrue(s.get(f).asDouble() > 0, f + " in " + s);
            assertEquals(1, s.get("compress_picks").asInt(), "10 % of 6 or 9 structures");
            assertEquals(0, s.get("skipped").size());
            Path written = Path.of(s.get("written").asText());
            assertEquals(data.resolve("molecules-x" + replicas + ".extxyz"), written);
            Dataset back = ExtXyzReader.read(written);
            assertEquals(3 * replicas, back.size());
        }
        // The entropy of the replicas, as the entropy command computes it from the written file.
        Path entropy = tmp.resolve("entropy.json");
        Cli.Run e = Cli.run("entropy", data.resolve("molecules-x2.extxyz").toString(), "-k", "4", "--json", entropy.toString());
        assertEquals(0, e.exit(), e::toString);
        assertEquals(EntropyCommandTest.readJson(entropy).get("entropy").asDouble(), sizes.get(0).get("entropy").asDouble(), 1e-12);
        Cli.Run printed = Cli.run("bench", xyz.toString(), "--scale", "--replicas", "1", "-k", "4", "--threads", "1");
        assertEquals(0, printed.exit(), printed::toString);
        for (String line : new String[] {"x1:", "  descriptors", "  entropy", "  compress", "  peak memory"})
            assertTrue(printed.out().contains(line), line + " in " + printed);
        assertTrue(printed.out().contains("skipped: 0.1 of 3 structures selects none"), printed::toString);
    }

    @Test
    void aStageExpectedToPassTheLimitIsSkippedAtThatSizeAndAbove() throws Exception {
        Path json = tmp.resolve("scale.json");
        Cli.Run r = Cli.run("bench", Cli.writeMolecules(tmp).toString(), "--scale", "--replicas", "2,3,4", "--scale-limit", "1e-9", "-k", "4",
                "--threads", "1", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode sizes = EntropyCommandTest.readJson(json).get("scale");
        assertEquals(0, sizes.get(0).get("skipped").size(), "the first size always runs");
        JsonNode skipped = sizes.get(1).get("skipped");
        assertTrue(skipped.get("descriptors").asText().contains("more than --scale-limit 0.000000001 s"), sizes::toString);
        assertEquals("needs the descriptors", skipped.get("entropy").asText());
        assertEquals("needs the descriptors", skipped.get("compress").asText());
        assertTrue(sizes.get(1).get("entropy_seconds").isNull());
        assertTrue(sizes.get(1).get("compress_seconds").isNull());
        assertEquals("skipped at a smaller size", sizes.get(2).get("skipped").get("descriptors").asText(), sizes::toString);
        assertTrue(r.err().contains("bench: scale x3 descriptors skipped: expected to take about "), r::toString);
    }

    @Test
    void optionsAreChecked() throws Exception {
        String xyz = Cli.writeMolecules(tmp).toString();
        assertEquals(2, Cli.run("bench", xyz, "--scale", "--replicas", "0").exit());
        assertEquals(2, Cli.run("bench", xyz, "--scale", "--replicas", "8,x").exit());
        assertEquals(2, Cli.run("bench", xyz, "--scale-limit", "60").exit(), "--scale-limit needs --scale");
        assertEquals(2, Cli.run("bench", xyz, "--scale", "--scale-limit", "0").exit());
        assertEquals(2, Cli.run("bench", xyz, "--write-scale-data", tmp.toString()).exit());
        assertEquals(2, Cli.run("bench", xyz, "--replicas", "2").exit(), "--replicas needs --scale");
        assertEquals(2, Cli.run("bench", xyz, "--scale", "--qm7", xyz).exit());
        assertTrue(Files.exists(Path.of(xyz)));
    }
}
