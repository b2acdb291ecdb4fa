package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.descriptor.Fchl19;
import io.atomcover.ilp.IlpOptions;
import io.atomcover.ilp.IlpRanker;
import io.atomcover.ilp.MoleculeReps;
import io.atomcover.ilp.Ranking;
import io.atomcover.io.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectCommandTest {
    /** Ten small QM7 molecules; targets: qm7_16 (frame 0) and qm7_930 (frame 1, C4H5NO). */
    static final Path DATABASE = Path.of("src", "test", "resources", "ilp", "database.extxyz");
    static final Path TARGETS = Path.of("src", "test", "resources", "ilp", "targets.extxyz");

    @TempDir
    Path tmp;

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    @Test
    void ilpWritesTheRankingTheEngineComputes() throws Exception {
        Path out = tmp.resolve("ilp.json");
        Cli.Run r = Cli.run("select", TARGETS.toString(), "--target", "qm7_930", "--database", DATABASE.toString(),
                "-n", "4", "--threads", "1", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("4 of 4 molecules ranked for qm7_930"), r::toString);
        // CP-SAT optimises costs rounded to the resolution (1e-5 per pair): mappings that tie there
        // may come out either way between two runs (objectives 1.5e-7 apart seen, with one worker
        // too), so objectives are compared within that rounding: 2 x 6 heavy atoms x 1e-5.

        Dataset db = ExtXyzReader.read(DATABASE);
        MoleculeReps reps = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 1, null);
        MoleculeReps target = MoleculeReps.fchl19(ExtXyzReader.read(TARGETS).structures(), Fchl19.defaults(), 1, null).molecule(1);
        Ranking expected = new IlpRanker(IlpOptions.defaults().withThreads(1).withTimeLimit(600)).rank(reps, target, 4);

        JsonNode j = json(out);
        assertEquals("ilp", j.get("method").asText());
        assertEquals("qm7_930", j.get("target").get("name").asText());
        assertEquals(1, j.get("target").get("index").asInt());
        assertArrayEquals(expected.order(), ints(j.get("ranking")));
        for (int k = 0; k < 4; k++)
            assertEquals(db.get(expected.order()[k]).info().get("name"), j.get("names").get(k).asText());
        assertEquals(expected.solutions().size(), j.get("objective").size());
        for (int s = 0; s < expected.solutions().size(); s++) {
            assertEquals(expected.solutions().get(s).objective(), j.get("objective").get(s).asDouble(), 2 * 6 * 1e-5);
            JsonNode sol = j.get("solutions").get(s);
            assertArrayEquals(expected.solutions().get(s).molecules(), ints(sol.get("molecules")));
            assertEquals(6, sol.get("mapping").size(), "one mapping entry per heavy target atom");
            assertTrue(sol.get("optimal").asBoolean());
            // bounds: the unpruned lower bound combines the Lagrangian, solver and pruning bounds
            double objective = sol.get("objective").asDouble();
            double pruning = sol.get("pruningBound").isNull() ? Double.POSITIVE_INFINITY : sol.get("pruningBound").asDouble();
            double lagrangian = sol.get("lagrangianBound").asDouble();
            double lower = sol.get("lowerBound").asDouble();
            assertTrue(lagrangian <= objective + 1e-9, lagrangian + " ≤ " + objective);
            assertEquals(Math.min(objective, Math.max(lagrangian, Math.min(sol.get("bound").asDouble(), pruning))), lower, 0.0);
            assertEquals((objective - lower) / Math.abs(objective), sol.get("gap").asDouble(), 1e-12);
            assertTrue(sol.get("lagrangianSeconds").asDouble() >= 0);
        }
        assertTrue(j.get("seconds").asDouble() > 0);
        assertEquals(1.0, j.get("parameters").get("penalty").asDouble());
        assertEquals("cpsat", j.get("parameters").get("solver").asText());
        assertEquals(4, j.get("parameters").get("n").asInt());
        assertTrue(j.get("complete").asBoolean());
    }

    @Test
    void targetByIndexEqualsTargetByNameAndTheDefaultIsTheFirstFrame() throws Exception {
        Path byName = tmp.resolve("name.json");
        Path byIndex = tmp.resolve("index.json");
        Path first = tmp.resolve("first.json");
        for (String[] a : new String[][] {{"--target", "qm7_930", "-o", byName.toString()},
                {"--target", "1", "-o", byIndex.toString()}, {"-o", first.toString()}}) {
            String[] args = new String[7 + a.length];
            System.arraycopy(new String[] {"select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "3", "--method=sml"}, 0, args, 0, 7);
            System.arraycopy(a, 0, args, 7, a.length);
            Cli.Run r = Cli.run(args);
            assertEquals(0, r.exit(), r::toString);
        }
        assertArrayEquals(ints(json(byName).get("ranking")), ints(json(byIndex).get("ranking")));
        assertEquals("qm7_16", json(first).get("target").get("name").asText());
        assertNotEquals(json(first).get("scores").toString(), json(byName).get("scores").toString());
    }

    @Test
    void scipAgreesWithCpSat() throws Exception {
        Path cp = tmp.resolve("cp.json");
        Path scip = tmp.resolve("scip.json");
        assertEquals(0, Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "-n", "3", "-o", cp.toString()).exit());
        Cli.Run r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "-n", "3", "--solver", "scip", "-o", scip.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("scip", json(scip).get("parameters").get("solver").asText());
        // CP-SAT optimises costs rounded to 1e-5: at most 12 roundings apart
        assertEquals(json(cp).get("objective").get(0).asDouble(), json(scip).get("objective").get(0).asDouble(), 12 * 1e-5);
    }

    @Test
    void baselinesRankTheAskedNumberAndRandomFollowsTheSeed() throws Exception {
        for (String method : new String[] {"sml", "fps", "cur", "random"}) {
            Path out = tmp.resolve(method + ".json");
            Cli.Run r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "-n", "7", "--method", method,
                    "--seed", "5", "-o", out.toString());
            assertEquals(0, r.exit(), r::toString);
            JsonNode j = json(out);
            assertEquals(method, j.get("method").asText());
            assertEquals(7, j.get("ranking").size());
            assertEquals(7, java.util.Arrays.stream(ints(j.get("ranking"))).distinct().count());
            assertEquals(0, j.get("solutions").size());
        }
        Path again = tmp.resolve("again.json");
        assertEquals(0, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "7", "--method", "random",
                "--seed", "5", "-o", again.toString()).exit());
        assertArrayEquals(ints(json(tmp.resolve("random.json")).get("ranking")), ints(json(again).get("ranking")));
    }

    @Test
    void badInputNamesFileAndLineAndKeepsTheOldOutput() throws Exception {
        Path out = tmp.resolve("keep.json");
        Files.writeString(out, "{\"previous\": true}");
        Path bad = Cli.writeMalformed(tmp);

        Cli.Run r = Cli.run("select", TARGETS.toString(), "-d", bad.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("bad.extxyz:4:"), r::toString);
        assertEquals(1, r.err().lines().count(), "one line: " + r);

        r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "--elements", "1,6,7", "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("targets.extxyz:") && r.err().contains("element O"), r::toString);

        r = Cli.run("select", TARGETS.toString(), "-t", "aspirin", "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("no frame named aspirin"), r::toString);

        r = Cli.run("select", TARGETS.toString(), "-t", "2", "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("out of range"), r::toString);

        assertEquals("{\"previous\": true}", Files.readString(out));
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-n", "1", "-o", "x.json").exit(), "missing --database");
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "0", "-o", "x.json").exit());
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "--method", "best", "-o", "x.json").exit());
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "--penalty", "-1", "-o", "x.json").exit());
        assertFalse(Files.exists(Path.of("x.json")));
        Cli.Run help = Cli.run("select", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--candidates") && help.out().contains("Examples"), help::toString);
        assertTrue(help.out().contains("2K, 4K") && help.out().contains("--[no-]widen"), help::toString);
    }

    @Test
    void candidatesThatRunOutAreWidenedUntilNMoleculesAreRanked() throws Exception {
        Path narrow = tmp.resolve("narrow.json");
        Path wide = tmp.resolve("wide.json");
        String[] common = {"select", TARGETS.toString(), "--target", "qm7_930", "--database", DATABASE.toString(), "-n", "8",
                "--threads", "2", "--candidates", "1"};
        Cli.Run n = Cli.run(concat(common, "--no-widen", "-o", narrow.toString()));
        assertEquals(0, n.exit(), n::toString);
        assertTrue(n.out().contains("3 of 8 molecules ranked") && n.out().contains("no further molecule can be mapped"), n::toString);
        Cli.Run w = Cli.run(concat(common, "-o", wide.toString()));
        assertEquals(0, w.exit(), w::toString);
        assertTrue(w.out().contains("8 of 8 molecules ranked for qm7_930 (complete, candidates widened to K=4"), w::toString);

        JsonNode jn = json(narrow);
        JsonNode jw = json(wide);
        assertFalse(jn.get("parameters").get("widen").asBoolean());
        assertTrue(jw.get("parameters").get("widen").asBoolean());
        assertEquals(1, jw.get("parameters").get("candidates").asInt());
        int[] first = ints(jn.get("ranking"));
        assertArrayEquals(first, java.util.Arrays.copyOf(ints(jw.get("ranking")), first.length), "widening continues the ranking");
        JsonNode solutions = jw.get("solutions");
        for (int s = 0; s < solutions.size(); s++)
            assertEquals(s < jn.get("solutions").size(), solutions.get(s).get("candidates").asInt() == 1,
                    "K per solution: 1 until the narrow run's end, wider after");
        assertEquals("size_reached", jw.get("stop").asText());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
