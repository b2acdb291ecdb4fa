package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpRanker;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void theDefaultSolverIsTheBranchAndBoundAndWritesTheEnginesRanking() throws Exception {
        Path out = tmp.resolve("bnb.json");
        Cli.Run r = Cli.run("select", TARGETS.toString(), "--target", "qm7_930", "--database", DATABASE.toString(),
                "-n", "6", "--threads", "2", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        Dataset db = ExtXyzReader.read(DATABASE);
        MoleculeReps reps = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 1, null);
        MoleculeReps target = MoleculeReps.fchl19(ExtXyzReader.read(TARGETS).structures(), Fchl19.defaults(), 1, null).molecule(1);
        Ranking expected = new IlpRanker(IlpOptions.defaults().withThreads(1)).rank(reps, target, 6);
        JsonNode j = json(out);
        assertEquals("bnb", j.get("parameters").get("solver").asText());
        assertEquals(IlpOptions.DEFAULT_NODE_LIMIT, j.get("parameters").get("node_limit").asLong());
        assertArrayEquals(expected.order(), ints(j.get("ranking")), "the same ranking for 1 and 2 threads");
        for (JsonNode s : j.get("solutions")) assertTrue(s.get("optimal").asBoolean(), "proven on the small instance");
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-t", "qm7_930", "-d", DATABASE.toString(), "-n", "2",
                "--node-limit", "0", "-o", tmp.resolve("x.json").toString()).exit(), "a node limit below 1 is a usage error");
    }

    @Test
    void ilpWritesTheRankingTheEngineComputes() throws Exception {
        Path out = tmp.resolve("ilp.json");
        Cli.Run r = Cli.run("select", TARGETS.toString(), "--target", "qm7_930", "--database", DATABASE.toString(),
                "-n", "4", "--threads", "1", "--solver", "cpsat", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("4 of 4 molecules ranked for qm7_930"), r::toString);
        assertTrue(r.out().contains("deterministic time ") && r.out().contains(" of budget " + (long) IlpOptions.DEFAULT_BUDGET), r::toString);
        // the search is deterministic: the same mappings, to the bit, as the engine's own run

        Dataset db = ExtXyzReader.read(DATABASE);
        MoleculeReps reps = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 1, null);
        MoleculeReps target = MoleculeReps.fchl19(ExtXyzReader.read(TARGETS).structures(), Fchl19.defaults(), 1, null).molecule(1);
        Ranking expected = new IlpRanker(IlpOptions.defaults().withSolver(io.atomcover.ilpselect.ilp.IlpSolver.CPSAT).withThreads(1)).rank(reps, target, 4);

        JsonNode j = json(out);
        assertEquals("ilp", j.get("method").asText());
        assertEquals("qm7_930", j.get("target").get("name").asText());
        assertEquals(1, j.get("target").get("index").asInt());
        assertArrayEquals(expected.order(), ints(j.get("ranking")));
        for (int k = 0; k < 4; k++)
            assertEquals(db.get(expected.order()[k]).info().get("name"), j.get("names").get(k).asText());
        assertEquals(expected.solutions().size(), j.get("objective").size());
        for (int s = 0; s < expected.solutions().size(); s++) {
            assertEquals(expected.solutions().get(s).objective(), j.get("objective").get(s).asDouble(), 0.0);
            JsonNode sol = j.get("solutions").get(s);
            assertArrayEquals(expected.solutions().get(s).molecules(), ints(sol.get("molecules")));
            assertArrayEquals(expected.solutions().get(s).mappedAtom(),
                    StreamSupport.stream(sol.get("mapping").spliterator(), false).mapToInt(e -> e.get("atom").asInt()).toArray());
            assertEquals(expected.solutions().get(s).deterministicTime(), sol.get("deterministic_time").asDouble(), 0.0);
            assertEquals(expected.solutions().get(s).solveDeterministicTime(), sol.get("solve_deterministic_time").asDouble(), 0.0);
            assertTrue(sol.get("solve_seconds").asDouble() > 0 && sol.get("solve_seconds").asDouble() <= sol.get("seconds").asDouble());
            assertEquals(6, sol.get("mapping").size(), "one mapping entry per heavy target atom");
            assertTrue(sol.get("optimal").asBoolean());
            // bounds: the unpruned lower bound combines the Lagrangian, solver and pruning bounds
            double objective = sol.get("objective").asDouble();
            double pruning = sol.get("pruning_bound").isNull() ? Double.POSITIVE_INFINITY : sol.get("pruning_bound").asDouble();
            double lagrangian = sol.get("lagrangian_bound").asDouble();
            double lower = sol.get("lower_bound").asDouble();
            assertTrue(lagrangian <= objective + 1e-9, lagrangian + " ≤ " + objective);
            assertEquals(Math.min(objective, Math.max(lagrangian, Math.min(sol.get("bound").asDouble(), pruning))), lower, 0.0);
            assertEquals((objective - lower) / Math.abs(objective), sol.get("gap").asDouble(), 1e-12);
            assertTrue(sol.get("lagrangian_seconds").asDouble() >= 0);
        }
        assertTrue(j.get("seconds").asDouble() > 0);
        assertEquals(expected.deterministicTime(), j.get("deterministic_time").asDouble(), 0.0);
        JsonNode last = j.get("solutions").get(expected.solutions().size() - 1);
        assertEquals(last.get("deterministic_time").asDouble(), j.get("deterministic_time").asDouble(), 0.0, "the budget used, in total");
        assertEquals(1.0, j.get("parameters").get("penalty").asDouble());
        assertEquals("cpsat", j.get("parameters").get("solver").asText());
        assertEquals(4, j.get("parameters").get("n").asInt());
        assertEquals(IlpOptions.DEFAULT_BUDGET, j.get("parameters").get("budget").asDouble());
        assertEquals(IlpOptions.DEFAULT_ROUND_BUDGET, j.get("parameters").get("round_budget").asDouble());
        assertEquals(IlpOptions.DEFAULT_SOLVER_WORKERS, j.get("parameters").get("solver_workers").asInt());
        assertFalse(j.get("parameters").has("time_limit"), "no wall-clock limit by default");
        assertTrue(j.get("complete").asBoolean());
    }

    /**
     * With budgets that bind (solves stopped before they are proven optimal, the enumeration before
     * the database runs out), two runs and runs with 1 and 2 threads write the same ranking, objectives
     * and solutions; only wall times differ. Wall-clock limits at their place would stop each run
     * wherever the machine happened to be.
     */
    @Test
    void ilpRankingsAreIdenticalForAnyThreadCountAndRun() throws Exception {
        JsonNode[] runs = new JsonNode[3];
        String[] threads = {"1", "2", "2"};
        for (int i = 0; i < runs.length; i++) {
            Path out = tmp.resolve("run" + i + ".json");
            Cli.Run r = Cli.run("select", TARGETS.toString(), "-t", "qm7_930", "-d", DATABASE.toString(), "-n", "10",
                    "--solver", "cpsat", "--candidates", "0", "--budget", "0.008", "--round-budget", "0.0008", "--threads", threads[i], "-o", out.toString());
            assertEquals(0, r.exit(), r::toString);
            runs[i] = json(out);
        }
        JsonNode first = runs[0];
        assertEquals("time_limit", first.get("stop").asText(), "the budget binds");
        assertTrue(first.get("ranking").size() > 1 && first.get("ranking").size() < 10, first::toString);
        assertTrue(StreamSupport.stream(first.get("solutions").spliterator(), false).anyMatch(s -> !s.get("optimal").asBoolean()),
                "the round budget binds");
        for (int i = 1; i < runs.length; i++) {
            for (String field : new String[] {"ranking", "names", "scores", "objective", "stop", "deterministic_time"})
                assertEquals(first.get(field), runs[i].get(field), field + " of run " + i);
            assertEquals(withoutWallTimes(first.get("solutions")), withoutWallTimes(runs[i].get("solutions")), "solutions of run " + i);
        }
    }

    /** The solutions with their wall-time fields removed. */
    private static JsonNode withoutWallTimes(JsonNode solutions) {
        JsonNode copy = solutions.deepCopy();
        for (JsonNode s : copy)
            ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove(java.util.List.of("seconds", "solve_seconds", "lagrangian_seconds"));
        return copy;
    }

    @Test
    void targetByIndexEqualsTargetByNameAndSeveralFramesNeedATarget() throws Exception {
        Path byName = tmp.resolve("name.json");
        Path byIndex = tmp.resolve("index.json");
        for (String[] a : new String[][] {{"--target", "qm7_930", "-o", byName.toString()}, {"-t", "1", "-o", byIndex.toString()}}) {
            String[] args = new String[7 + a.length];
            System.arraycopy(new String[] {"select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "3", "--method=sml"}, 0, args, 0, 7);
            System.arraycopy(a, 0, args, 7, a.length);
            Cli.Run r = Cli.run(args);
            assertEquals(0, r.exit(), r::toString);
        }
        assertArrayEquals(ints(json(byName).get("ranking")), ints(json(byIndex).get("ranking")));
        // Two frames and no --target: refused as learning-curve refuses it, naming the option and the frames.
        Path first = tmp.resolve("first.json");
        Cli.Run r = Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "3", "-m", "sml", "-o", first.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("holds 2 frames: choose one with --target (qm7_16, qm7_930)"), r::toString);
        assertFalse(Files.exists(first));
        // One frame: it is the target.
        Path one = tmp.resolve("one.extxyz");
        List<String> lines = Files.readAllLines(TARGETS);
        int atoms = Integer.parseInt(lines.get(0).trim());
        Files.write(one, lines.subList(0, atoms + 2));
        Path single = tmp.resolve("single.json");
        r = Cli.run("select", one.toString(), "-d", DATABASE.toString(), "-n", "3", "-m", "sml", "-o", single.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("qm7_16", json(single).get("target").get("name").asText());
    }

    @Test
    void theRankingIsPrintedWithNamesAndWrittenAsTextToo() throws Exception {
        Path report = tmp.resolve("sml.json");
        Path picks = tmp.resolve("sml.txt");
        Cli.Run r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "-n", "8", "-m", "sml",
                "-o", report.toString(), "-o", picks.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = json(report);
        int[] ranking = ints(j.get("ranking"));
        assertEquals(8, ranking.length);
        List<String> lines = Files.readAllLines(picks);
        assertEquals(8, lines.size(), "one index per line, every one");
        for (int i = 0; i < ranking.length; i++) assertEquals(Integer.toString(ranking[i]), lines.get(i));
        assertEquals(10, j.get("database_size").asInt(), "snake_case keys");
        assertFalse(j.has("databaseSize"));
        assertTrue(j.has("ranking_seconds"));
        // Every pick, with its name, on stdout: no elision.
        String picksLine = r.out().lines().filter(l -> l.startsWith("picks")).findFirst().orElseThrow();
        for (int i = 0; i < ranking.length; i++)
            assertTrue(picksLine.contains(ranking[i] + " " + j.get("names").get(i).asText()), picksLine);
        assertFalse(picksLine.contains("..."), picksLine);

        // -n beyond the database: an option error, exit 2 (as compress -s beyond the dataset).
        r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "-n", "11", "-m", "sml", "-o", report.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("-n 11 is more than the 10 molecules"), r::toString);
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
        assertEquals(0, Cli.run("select", TARGETS.toString(), "-t", "0", "-d", DATABASE.toString(), "-n", "7", "--method", "random",
                "--seed", "5", "-o", again.toString()).exit());
        assertArrayEquals(ints(json(tmp.resolve("random.json")).get("ranking")), ints(json(again).get("ranking")));
    }

    @Test
    void badInputNamesFileAndLineAndKeepsTheOldOutput() throws Exception {
        Path out = tmp.resolve("keep.json");
        Files.writeString(out, "{\"previous\": true}");
        Path bad = Cli.writeMalformed(tmp);

        Cli.Run r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", bad.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("bad.extxyz:4:"), r::toString);
        assertEquals(1, r.err().lines().count(), "one line: " + r);

        r = Cli.run("select", TARGETS.toString(), "-t", "1", "-d", DATABASE.toString(), "--elements", "1,6,7", "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("targets.extxyz:") && r.err().contains("element O"), r::toString);

        // A --target that names no frame is an option error (exit 2), as in learning-curve.
        r = Cli.run("select", TARGETS.toString(), "-t", "aspirin", "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--target aspirin: no frame of") && r.err().contains("name=aspirin"), r::toString);

        r = Cli.run("select", TARGETS.toString(), "-t", "2", "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("out of range"), r::toString);

        assertEquals("{\"previous\": true}", Files.readString(out));
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void errorsNameTheFramesLineInTheFileOrElseTheFrame() throws Exception {
        Path out = tmp.resolve("r.json");
        // frame 1 of the targets starts at line 13; its O (third atom) is on line 17, also when selected with @1:
        Cli.Run r = Cli.run("select", TARGETS + "@1:", "-d", DATABASE.toString(), "--elements", "1,6,7", "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("targets.extxyz:17: element O is not in the FCHL19 element list"), r::toString);
        assertTrue(Files.readAllLines(TARGETS).get(16).startsWith("O "), "line 17 of the file is that O atom");

        // a LAMMPS dump (non-periodic box) records no lines: the message names frame and atom
        Path dump = tmp.resolve("targets.lammpstrj");
        String box = "ITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS ff ff ff\n-10 10\n-10 10\n-10 10\nITEM: ATOMS id element x y z\n";
        Files.writeString(dump, "ITEM: TIMESTEP\n0\n" + box + "1 C 0 0 0\n2 O 1.2 0 0\n"
                + "ITEM: TIMESTEP\n1\n" + box + "1 C 0 0 0\n2 Si 1.9 0 0\n");
        r = Cli.run("select", dump.toString(), "-t", "0", "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("targets.lammpstrj: frame 1, atom 1: element Si is not in the FCHL19 element list"), r::toString);

        Path poscar = tmp.resolve("POSCAR");
        Files.writeString(poscar, "CO\n1.0\n8 0 0\n0 8 0\n0 0 8\nC O\n1 1\nCartesian\n0 0 0\n1.2 0 0\n");
        r = Cli.run("select", poscar.toString(), "-d", DATABASE.toString(), "-n", "1", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("POSCAR: frame 0: FCHL19 needs non-periodic structures"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-n", "1", "-o", "x.json").exit(), "missing --database");
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "-n", "0", "-o", "x.json").exit());
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "--method", "best", "-o", "x.json").exit());
        assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), "--penalty", "-1", "-o", "x.json").exit());
        for (String[] bad : new String[][] {{"--budget", "0"}, {"--round-budget", "-1"}, {"--budget", "Infinity"}, {"--solver-workers", "0"},
                {"--time-limit", "0"}, {"--round-limit", "NaN"}})
            assertEquals(2, Cli.run("select", TARGETS.toString(), "-d", DATABASE.toString(), bad[0], bad[1], "-o", "x.json").exit(), bad[0]);
        assertFalse(Files.exists(Path.of("x.json")));
        Cli.Run help = Cli.run("select", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--candidates") && help.out().contains("Examples"), help::toString);
        assertTrue(help.out().contains("2K, 4K") && help.out().contains("--[no-]widen"), help::toString);
        assertTrue(help.out().contains("--budget") && help.out().contains("--round-budget") && help.out().contains("--solver-workers"), help::toString);
        assertTrue(help.out().contains("NOT REPRODUCIBLE"), "the wall-clock limits say they are not reproducible");
    }

    @Test
    void candidatesThatRunOutAreWidenedUntilNMoleculesAreRanked() throws Exception {
        Path narrow = tmp.resolve("narrow.json");
        Path wide = tmp.resolve("wide.json");
        String[] common = {"select", TARGETS.toString(), "--target", "qm7_930", "--database", DATABASE.toString(), "-n", "8",
                "--threads", "2", "--candidates", "1", "--solver", "cpsat"}; // the enumeration's widening continues a ranking
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

    @Test
    void pruningCheckReportsTheObjectivePerKAndWhatPruningCosts() throws Exception {
        // qm7_16 (frame 0, 4 heavy atoms) with K=2: objective 11.35 at K=2, 7.63 from K=8 on; all atoms (23 carbons) after 16.
        // CP-SAT costs rounded to 1e-8 here: objectives within 2 x 4 x 1e-8 of exact, compared to 1e-6.
        Path out = tmp.resolve("check.json");
        Path plain = tmp.resolve("plain.json");
        String[] common = {"select", TARGETS.toString(), "--target", "qm7_16", "--database", DATABASE.toString(), "-n", "1",
                "--threads", "2", "--candidates", "2", "--resolution", "1e-8"};
        Cli.Run r = Cli.run(concat(common, "--pruning-check", "-o", out.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("pruning check (first program") && r.out().contains("pruning at K=2 costs 3.72"), r::toString);

        Dataset db = ExtXyzReader.read(DATABASE);
        MoleculeReps reps = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 1, null);
        MoleculeReps target = MoleculeReps.fchl19(ExtXyzReader.read(TARGETS).structures(), Fchl19.defaults(), 1, null).molecule(0);
        JsonNode j = json(out);
        JsonNode steps = j.get("pruning_check");
        int[] ks = {2, 4, 8, 16, 0};
        assertEquals(ks.length, steps.size(), steps::toString);
        double[] objective = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            JsonNode s = steps.get(i);
            assertEquals(ks[i], s.get("candidates").asInt());
            IlpOptions o = IlpOptions.defaults().withThreads(1).withCandidates(ks[i]).withResolution(1e-8).withWiden(false);
            double independent = new IlpRanker(o).rank(reps, target, 1).solutions().get(0).objective();
            objective[i] = s.get("objective").asDouble();
            assertEquals(independent, objective[i], 1e-6, "K=" + ks[i]);
            assertTrue(s.get("optimal").asBoolean());
            assertEquals("optimal", s.get("status").asText());
            assertEquals(objective[i], s.get("bound").asDouble(), 1e-6);
            assertTrue(s.get("seconds").asDouble() >= 0);
            assertTrue(s.get("deterministic_time").asDouble() >= 0);
            assertTrue(s.get("pairs").asInt() >= 4 * (ks[i] == 0 ? 23 : ks[i]), "at least K pairs per target atom");
            assertTrue(s.get("molecules").asInt() >= 1);
            assertEquals(ks[i] == 0, s.get("pruning_bound").isNull(), "nothing pruned only with all atoms");
        }
        assertEquals(objective[0] - objective[4], j.get("pruning_cost").asDouble(), 1e-6);
        assertTrue(objective[0] - objective[4] > 1, "K=2 costs something");
        assertTrue(j.get("pruning_cost_exact").asBoolean());
        assertEquals(j.get("pruning_cost").asDouble(), j.get("pruning_cost_at_most").asDouble(), 1e-6);
        assertEquals(objective[4], j.get("unpruned_bound").asDouble(), 1e-6);
        assertEquals("all_atoms", j.get("pruning_check_stop").asText());
        assertEquals(j.get("solutions").get(0).get("objective").asDouble(), objective[0], 1e-6, "K's step is the first solution's program");
        assertTrue(j.get("parameters").get("pruning_check").asBoolean());
        assertEquals(IlpOptions.DEFAULT_PRUNING_CHECK_MAX, j.get("parameters").get("pruning_check_max").asInt());

        // off by default: no fields, no parameters, the same ranking
        Cli.Run p = Cli.run(concat(common, "-o", plain.toString()));
        assertEquals(0, p.exit(), p::toString);
        assertFalse(p.out().contains("pruning check"), p::toString);
        JsonNode jp = json(plain);
        for (String field : new String[] {"pruning_check", "pruning_cost", "pruning_cost_exact", "pruning_check_stop"})
            assertFalse(jp.has(field), field);
        assertFalse(jp.get("parameters").has("pruning_check"));
        assertArrayEquals(ints(j.get("ranking")), ints(jp.get("ranking")));

        // the cap, and its usage errors
        Path capped = tmp.resolve("capped.json");
        Cli.Run c = Cli.run(concat(common, "--pruning-check", "--pruning-check-max", "4", "-o", capped.toString()));
        assertEquals(0, c.exit(), c::toString);
        assertEquals(2, json(capped).get("pruning_check").size(), "K=2 and 4, then 8 > 4");
        assertEquals("cap", json(capped).get("pruning_check_stop").asText());
        assertFalse(json(capped).get("pruning_cost_exact").asBoolean(), "K=4's bounds do not prove the unpruned optimum");
        assertTrue(c.out().contains("a lower estimate"), c::toString);
        assertEquals(2, Cli.run(concat(common, "--pruning-check-max", "-1", "-o", capped.toString())).exit());
        Cli.Run help = Cli.run("select", "--help");
        assertTrue(help.out().contains("--pruning-check") && help.out().contains("--pruning-check-max"), help::toString);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
