package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plots never cost the report: curve names are distinct, and a plot that fails comes after the JSON. */
class PlotAfterReportTest {
    static final Path DB = LearningCurveCommandTest.DB;
    static final Path TARGETS = LearningCurveCommandTest.TARGETS;

    @TempDir
    Path tmp;

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static void ok(Cli.Run r) {
        assertEquals(0, r.exit(), r::toString);
    }

    /** A random ranking of the 64-molecule database as {@code select} writes it. */
    private static Path randomRanking(Path file, int seed) {
        ok(Cli.run("select", TARGETS.toString(), "--target", "sildenafil", "-d", DB.toString(), "-n", "16", "-m", "random",
                "--seed", Integer.toString(seed), "-o", file.toString()));
        return file;
    }

    private static Cli.Run learningCurve(String rankings, Path json, Path plot) {
        return Cli.run("learning-curve", TARGETS.toString(), "--target", "sildenafil", "--database", DB.toString(),
                "--rankings", rankings, "--sizes", "8,16", "-o", json.toString(), "--plot", plot.toString(), "--threads", "2");
    }

    @Test
    void twoRankingsOfOneMethodAreNamedAfterTheirFilesAndPlotted() throws Exception {
        Path a = randomRanking(tmp.resolve("random-1.json"), 1);
        Path b = randomRanking(tmp.resolve("random-2.json"), 2);
        assertEquals("random", json(a).get("method").asText());
        assertEquals("random", json(b).get("method").asText());
        Path out = tmp.resolve("curves.json");
        Path png = tmp.resolve("curves.png");
        Cli.Run r = learningCurve(a + "," + b, out, png);
        ok(r);
        JsonNode curves = json(out).get("curves");
        assertEquals("random-1", curves.get(0).get("name").asText());
        assertEquals("random-2", curves.get(1).get("name").asText());
        PlotFiles.assertPng(png, 800, 600);
        assertTrue(r.out().contains("random-1") && r.out().contains("random-2"), r::toString);
    }

    @Test
    void rankingsWhoseFileNamesRepeatTooGetNumbered() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Path a = randomRanking(tmp.resolve("a").resolve("r.json"), 1);
        Path b = randomRanking(tmp.resolve("b").resolve("r.json"), 2);
        Path out = tmp.resolve("curves.json");
        Path svg = tmp.resolve("curves.svg");
        ok(learningCurve(a + "," + b + "," + a, out, svg));
        JsonNode curves = json(out).get("curves");
        assertEquals("r", curves.get(0).get("name").asText());
        assertEquals("r (2)", curves.get(1).get("name").asText());
        assertEquals("r (3)", curves.get(2).get("name").asText());
        PlotFiles.assertSvg(svg);
    }

    @Test
    void distinctNamesKeepUniqueNamesAndFallBackOnlyForRepeatedOnes() {
        assertEquals(List.of("ilp", "sml"), CurvePlot.distinct(List.of("ilp", "sml"), List.of("x", "y")));
        assertEquals(List.of("ilp", "r1", "r2"), CurvePlot.distinct(List.of("ilp", "random", "random"), List.of("x", "r1", "r2")));
        assertEquals(List.of("a", "a (2)", "b"), CurvePlot.distinct(List.of("m", "m", "b"), List.of("a", "a", "z")));
    }

    /** A folder that exists but where no file can be created, even by root. */
    private static Path unwritableFolder() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "needs Linux /proc");
        return proc;
    }

    /** Exit 1, one line naming the plot, the report complete and valid. */
    private static void assertPlotFailedAfterTheReport(Cli.Run r, Path plot, Path report) throws Exception {
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), "one line: " + r);
        assertTrue(r.err().startsWith("atomcover: " + plot + ": the plot could not be written"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertTrue(Files.exists(report), "the report was written before the plot: " + r);
        assertTrue(json(report).isObject());
    }

    @Test
    void aLearningCurvePlotThatFailsLeavesTheReportAndTheSummary() throws Exception {
        Path plot = unwritableFolder().resolve("atomcover-test-curves.png");
        Path a = randomRanking(tmp.resolve("random-1.json"), 1);
        Path out = tmp.resolve("curves.json");
        Cli.Run r = learningCurve(a.toString(), out, plot);
        assertPlotFailedAfterTheReport(r, plot, out);
        assertEquals(1, json(out).get("curves").size());
        assertTrue(r.out().contains("target sildenafil"), "summary printed: " + r);
        assertFalse(r.out().contains(plot.toString()), "the plot is not listed as written: " + r);
    }

    @Test
    void aComparePlotThatFailsLeavesTheReportAndTheTable() throws Exception {
        Path plot = unwritableFolder().resolve("atomcover-test-compare.png");
        Path out = tmp.resolve("compare.json");
        Cli.Run r = Cli.run("compare", Cli.example("Si-test.extxyz").toString(), "-s", "3,6", "-m", "fps,random", "--seeds", "1",
                "-o", out.toString(), "--plot", plot.toString());
        assertPlotFailedAfterTheReport(r, plot, out);
        assertEquals(4, json(out).get("results").size());
        assertTrue(r.out().contains("random"), "table printed: " + r);
    }

    @Test
    void aCompressPlotThatFailsLeavesTheReportFramesCurveAndSummary() throws Exception {
        Path plot = unwritableFolder().resolve("atomcover-test-compress.svg");
        Path out = tmp.resolve("selection.json");
        Path frames = tmp.resolve("selection.extxyz");
        Path curve = tmp.resolve("curve.csv");
        Cli.Run r = Cli.run("compress", Cli.example("Si-test.extxyz").toString(), "-s", "5", "--full", "-m", "fps",
                "-o", out.toString(), "-o", frames.toString(), "--curve", curve.toString(), "--plot", plot.toString());
        assertPlotFailedAfterTheReport(r, plot, out);
        assertEquals(5, json(out).get("size").asInt());
        assertTrue(Files.size(frames) > 0 && Files.size(curve) > 0, r::toString);
        assertTrue(r.out().contains("selected"), "summary printed: " + r);
    }
}
