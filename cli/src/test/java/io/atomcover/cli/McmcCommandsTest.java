package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcmc} and {@code active-learning} on four Si-test structures, with a few steps. */
class McmcCommandsTest {
    @TempDir
    static Path tmp;
    static Path ref;

    @BeforeAll
    static void data() throws Exception {
        ref = tmp.resolve("ref.extxyz");
        ExtXyzWriter.write(ref, ExtXyzReader.read(Cli.example("Si-test.extxyz")).structures().subList(0, 4));
    }

    @Test
    void mcmcWritesTheBestStructureAndALogAndRepeatsWithTheSeed() throws Exception {
        Path a = tmp.resolve("a.extxyz");
        Path b = tmp.resolve("b.extxyz");
        Path log = tmp.resolve("a.json");
        Cli.Run r = Cli.run("mcmc", ref.toString(), "-i", "1", "--steps", "6", "-t", "2", "--seed", "3", "--compare",
                "-o", a.toString(), "--log", log.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(0, Cli.run("mcmc", ref.toString(), "-i", "1", "--steps", "6", "-t", "2", "--seed", "3", "--compare", "-o", b.toString()).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<Structure> out = ExtXyzReader.read(a).structures();
        assertEquals(2, out.size());
        Structure start = ExtXyzReader.read(ref).structures().get(1);
        assertArrayEquals(start.positions(), out.get(0).positions(), 0.0);
        JsonNode j = EntropyCommandTest.readJson(log);
        assertEquals(1, j.get("start_index").asInt());
        JsonNode chain = j.get("chain");
        assertEquals(6, chain.get("score").size());
        assertEquals(Double.parseDouble(out.get(1).info().get("mcmc_score")), chain.get("best_score").asDouble(), 0.0);
        double current = Double.POSITIVE_INFINITY;
        for (int s = 0; s < 6; s++) {
            double score = chain.get("score").get(s).asDouble();
            boolean expected = Math.exp(-(score - current) / chain.get("temperature").get(s).asDouble()) > chain.get("draw").get(s).asDouble();
            assertEquals(expected, chain.get("accepted_steps").get(s).asBoolean(), "step " + s);
            if (expected) current = score;
        }
        Path c = tmp.resolve("c.extxyz");
        assertEquals(0, Cli.run("mcmc", ref.toString(), "-i", "1", "--steps", "6", "-t", "2", "--seed", "4", "-o", c.toString()).exit());
        assertTrue(!java.util.Arrays.equals(out.get(1).positions(), ExtXyzReader.read(c).structures().get(0).positions()));
    }

    @Test
    void mcmcRejectsBadInput() {
        Path o = tmp.resolve("bad.extxyz");
        Cli.Run beyond = Cli.run("mcmc", ref.toString(), "-i", "9", "--steps", "2", "-o", o.toString());
        assertEquals(1, beyond.exit(), beyond::toString);
        assertTrue(beyond.err().contains("ref.extxyz"), beyond::toString);
        assertEquals(2, Cli.run("mcmc", ref.toString(), "--steps", "0", "-o", o.toString()).exit());
        assertEquals(2, Cli.run("mcmc", ref.toString(), "--steps", "2", "-o", tmp.resolve("x.json").toString()).exit());
        assertEquals(2, Cli.run("mcmc", ref.toString(), "--steps", "2", "-o", ref.toString()).exit());
        assertTrue(Files.notExists(o));
    }

    @Test
    void activeLearningGrowsTheDatasetGenerationByGeneration() throws Exception {
        Path out = tmp.resolve("al.extxyz");
        Path full = tmp.resolve("al-full.extxyz");
        Path log = tmp.resolve("al.json");
        Cli.Run r = Cli.run("active-learning", ref.toString(), "-g", "2", "--structures", "2", "--steps", "3", "-t", "2", "--seed", "5",
                "-o", out.toString(), "--log", log.toString());
        assertEquals(0, r.exit(), r::toString);
        List<Structure> gen = ExtXyzReader.read(out).structures();
        assertEquals(4, gen.size());
        assertEquals("1", gen.get(0).info().get("generation"));
        assertEquals("2", gen.get(3).info().get("generation"));
        JsonNode j = EntropyCommandTest.readJson(log);
        assertEquals(2, j.get("log").size());
        assertEquals(j.get("log").get(1).get("chains").get(1).get("start_index").asInt(),
                Integer.parseInt(gen.get(3).info().get("source_index")));
        assertEquals(0, Cli.run("active-learning", ref.toString(), "-g", "2", "--structures", "2", "--steps", "3", "-t", "2", "--seed", "5",
                "--full", "-o", full.toString()).exit());
        List<Structure> all = ExtXyzReader.read(full).structures();
        assertEquals(8, all.size());
        for (int i = 0; i < 4; i++) assertArrayEquals(gen.get(i).positions(), all.get(4 + i).positions(), 0.0);
    }

    @Test
    void activeLearningWithTheApproximateScore() throws Exception {
        Path out = tmp.resolve("al-approx.extxyz");
        Cli.Run r = Cli.run("active-learning", ref.toString(), "-g", "1", "--structures", "1", "--steps", "3", "--approx", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, ExtXyzReader.read(out).structures().size());
        Cli.Run tooMany = Cli.run("active-learning", ref.toString(), "--structures", "9", "-o", out.toString());
        assertEquals(1, tooMany.exit(), tooMany::toString);
    }

    @Test
    void everyNewCommandHasHelpWithExamples() {
        for (String c : new String[] {"bandwidth", "dh-traj", "entropy-curve", "mcmc", "active-learning"}) {
            Cli.Run r = Cli.run(c, "--help");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("Examples:") && r.out().contains("atomcover " + c), c + ":\n" + r.out());
        }
    }
}
