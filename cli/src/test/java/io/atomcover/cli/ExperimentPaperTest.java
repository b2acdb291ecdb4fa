package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.ilpselect.experiment.Holdout;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's experiments: held-out QM7 targets, several ILP penalties in one run, the published curves. */
class ExperimentPaperTest {
    static final Path DATABASE = ExperimentCommandTest.DATABASE;
    static final Path TARGETS = ExperimentCommandTest.TARGETS;
    /** Synthetic curves in the layout of ILPSelect's published files for target qm7_16 at sizes 5, 8, 12 (made-up numbers). */
    static final Path REFERENCE = Path.of("src", "test", "resources", "experiment", "reference");
    static final int[] SIZES = {5, 8, 12};
    static final double HARTREE = 627.5095;

    @TempDir
    Path tmp;

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    /** Three held-out targets drawn with seed S. */
    private static Cli.Run qm7(Path out, int seed, String... extra) {
        List<String> args = new ArrayList<>(List.of("experiment", "qm7", "-d", DATABASE.toString(), "-o", out.toString(),
                "--seed", Integer.toString(seed), "--sizes", "5,8,12", "--methods", "sml,fps", "--threads", "2"));
        if (!List.of(extra).contains("--holdout")) args.addAll(List.of("--holdout", "3"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void heldOutTargetsAreASeededSampleOfTheDatabaseAndNeverPartOfWhatIsRankedOrLearned() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run r = qm7(out, 5);
        assertEquals(0, r.exit(), r::toString);
        Path dir = out.resolve("qm7");
        Dataset file = ExtXyzReader.read(DATABASE);
        Holdout h = Holdout.draw(file.size(), 3, 5);
        List<String> names = Arrays.stream(h.targets()).mapToObj(f -> file.get(f).info().get("name")).toList();
        JsonNode averages = json(dir.resolve("curves.json"));
        assertEquals(names, StreamSupport.stream(averages.get("targets").spliterator(), false).map(JsonNode::asText).toList());
        assertArrayEquals(h.targets(), ints(averages.get("parameters").get("holdout").get("frames")));

        // The database the rankings index: the file without the three held-out frames.
        List<Structure> rest = new ArrayList<>();
        for (int f : h.databaseFrames()) rest.add(file.get(f));
        double[] energies = rest.stream().mapToDouble(s -> Double.parseDouble(s.info().get("energy"))).toArray();
        for (int t = 0; t < 3; t++) {
            int frame = h.targets()[t];
            JsonNode sml = json(dir.resolve("rankings").resolve(names.get(t) + "-sml.json"));
            int[] ranking = ints(sml.get("ranking"));
            int[] frames = ints(sml.get("frames"));
            assertEquals(12, ranking.length);
            for (int i = 0; i < ranking.length; i++) {
                int f = frames[i];
                assertEquals(h.databaseFrames()[ranking[i]], f, "frames are the file's");
                assertTrue(Arrays.stream(h.targets()).noneMatch(x -> x == f), "a held-out molecule ranked for " + names.get(t));
                assertNotEquals(frame, f);
            }
            // The learning curve against the engine directly, trained on the database without the held-out frames.
            Structure target = file.get(frame);
            TargetedKrr krr = TargetedKrr.of(rest, energies, target, Double.parseDouble(target.info().get("energy")),
                    KrrSettings.defaults(), Fchl19.defaults());
            List<CurvePoint> want = krr.learningCurve(ranking, SIZES, 1, null);
            JsonNode pts = json(dir.resolve("curves").resolve(names.get(t) + "-sml.json")).get("points");
            for (int i = 0; i < SIZES.length; i++) {
                double mae = want.get(i).absError() * HARTREE;
                assertEquals(mae, pts.get(i).get("mae").asDouble(), 1e-12 * mae);
            }
        }
        JsonNode fps = json(dir.resolve("rankings").resolve("fps.json"));
        for (int f : ints(fps.get("frames"))) assertTrue(Arrays.stream(h.targets()).noneMatch(x -> x == f), "held out, ranked by fps");

        // Resumable: a second run reads everything back.
        Cli.Run again = qm7(out, 5);
        assertEquals(0, again.exit(), again::toString);
        assertEquals(0, count(again.err(), "computed"), again::toString);
        assertEquals(6, count(again.err(), "learning curve read back"), again::toString);

        // Chosen by name (as the paper's ten QM7 targets): those frames, no seed.
        Cli.Run named = Cli.run("experiment", "qm7", "-d", DATABASE.toString(), "-o", tmp.resolve("named").toString(),
                "--target", "qm7_1,3", "--sizes", "5", "--methods", "sml", "--threads", "2");
        assertEquals(0, named.exit(), named::toString);
        JsonNode held = json(tmp.resolve("named").resolve("qm7").resolve("curves.json")).get("parameters").get("holdout");
        assertArrayEquals(new int[] {0, 3}, ints(held.get("frames")), held::toString);
        assertFalse(held.has("seed"));

        // Another seed holds out other molecules; the shared fps ranking is made again for its database.
        Cli.Run other = qm7(out, 6);
        assertEquals(0, other.exit(), other::toString);
        assertTrue(other.err().contains("rankings/fps.json was made with other parameters (database)"), other::toString);
    }

    @Test
    void qm7TakesNoTargetsFileAndTheOthersNeedOne() {
        Cli.Run r = qm7(tmp.resolve("a"), 5, "--targets", TARGETS.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("qm7 takes no --targets"), r::toString);
        r = Cli.run("experiment", "drugs", "-d", DATABASE.toString(), "-o", tmp.resolve("b").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("drugs needs --targets FILE"), r::toString);
        r = qm7(tmp.resolve("c"), 5, "--holdout", "30");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("--holdout 30 leaves no database"), r::toString);
        // select ranks with one penalty.
        r = Cli.run("select", TARGETS.toString(), "--target", "0", "--database", DATABASE.toString(), "-n", "3", "--penalty", "0,1",
                "-o", tmp.resolve("select.json").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--penalty takes one value here"), r::toString);
        r = Cli.run("experiment", "--help");
        assertEquals(0, r.exit(), r::toString);
        for (String s : new String[] {"qm7", "--holdout", "--reference-curves", "--penalty", "ilp-p0", "filled"})
            assertTrue(r.out().contains(s), s + " missing from the help");
    }

    @Test
    void eachPenaltyIsItsOwnMethodAndThePublishedCurvesAreComparedAtEverySize() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o",
                out.toString(), "--target", "qm7_16", "--sizes", "5,8,12", "--methods", "ilp,sml,random", "--seeds", "2",
                "--penalty", "0,1", "--ilp-n", "3", "--budget", "30", "--round-budget", "5", "--threads", "2",
                "--reference-curves", REFERENCE.toString());
        assertEquals(0, r.exit(), r::toString);
        Path dir = out.resolve("drugs");
        for (String p : new String[] {"0", "1"}) {
            JsonNode ranking = json(dir.resolve("rankings").resolve("qm7_16-ilp-p" + p + ".json"));
            assertEquals(Double.parseDouble(p), ranking.get("parameters").get("ilp").get("penalty").asDouble(), 0);
            assertTrue(Files.isRegularFile(dir.resolve("curves").resolve("qm7_16-ilp-p" + p + ".json")));
        }
        assertFalse(Files.exists(dir.resolve("curves").resolve("qm7_16-ilp.json")));
        JsonNode averages = json(dir.resolve("curves.json"));
        JsonNode curves = averages.get("curves");
        assertEquals(List.of("ilp-p0", "ilp-p1", "sml", "random"),
                StreamSupport.stream(curves.spliterator(), false).map(c -> c.get("method").asText()).toList());
        assertTrue(curves.get(0).get("label").asText().startsWith("ilp (λ=0, sml after "), curves.get(0)::toString);
        // --ilp-n 3 < 12: SML completed the ILP rankings, and the curves say so.
        assertTrue(curves.get(0).get("filled").asBoolean() && curves.get(1).get("filled").asBoolean());
        assertFalse(curves.get(2).get("filled").asBoolean());
        assertTrue(r.out().contains("SML filled the rankings of 1 of 1 targets"), r::toString);

        // Comparison: ours from the curve files, the paper's from the fixtures, the difference of the two.
        // The files hold Hartree; the comparison is in kcal/mol.
        double[][] paper = {{3.0, 2.0, 1.0}, {2.5, 1.25, 0.5}, {4.0, 2.0, 0.75}, {7.0, 3.0, 1.5}};
        for (double[] row : paper) for (int i = 0; i < row.length; i++) row[i] *= HARTREE;
        String[] files = {"algo_FCHL_qm7_qm7_16_0.npz", "algo_FCHL_qm7_qm7_16_1.npz", "sml_FCHL_qm7_qm7_16.npz", "random_FCHL_qm7_qm7_16.npz"};
        JsonNode cmp = averages.get("reference_comparison");
        assertEquals(4, cmp.size(), cmp::toString);
        for (int k = 0; k < 4; k++) {
            JsonNode c = cmp.get(k);
            assertEquals("qm7_16", c.get("target").asText());
            assertTrue(c.get("file").asText().endsWith(files[k]), c::toString);
            for (int i = 0; i < SIZES.length; i++) {
                JsonNode p = c.get("points").get(i);
                double ours = curves.get(k).get("points").get(i).get("values").get(0).asDouble();
                assertEquals(SIZES[i], p.get("size").asInt());
                assertEquals(ours, p.get("mae").asDouble(), 0);
                assertEquals(paper[k][i], p.get("paper_mae").asDouble(), 1e-12 * paper[k][i]);
                assertEquals(ours - paper[k][i], p.get("difference").asDouble(), 1e-12 * paper[k][i]);
            }
        }
        assertTrue(r.out().contains("against the paper's curves"), r::toString);
        double sml5 = curves.get(2).get("points").get(0).get("mean").asDouble();
        assertTrue(r.out().contains(Text.format("%.3f / %.3f (%+.3f)", sml5, paper[2][0], sml5 - paper[2][0])), r::toString);

        // The same run with one penalty keeps the old names.
        Cli.Run one = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o",
                out.toString(), "--target", "qm7_16", "--sizes", "5,8,12", "--methods", "ilp", "--penalty", "1", "--ilp-n", "3",
                "--budget", "30", "--round-budget", "5", "--threads", "2");
        assertEquals(0, one.exit(), one::toString);
        assertTrue(Files.isRegularFile(dir.resolve("curves").resolve("qm7_16-ilp.json")));
        assertEquals("ilp", json(dir.resolve("curves.json")).get("curves").get(0).get("method").asText());
    }

    @Test
    void withCpSatIlpNIsShortAndSmlFillsBeyondIt() throws Exception {
        Path out = tmp.resolve("cpsat");
        Cli.Run r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o",
                out.toString(), "--target", "qm7_16", "--sizes", "5,8", "--methods", "ilp", "--solver", "cpsat", "--budget", "30",
                "--round-budget", "5", "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        JsonNode averages = json(out.resolve("drugs").resolve("curves.json"));
        assertEquals(ExperimentCommand.SHORT_ILP_N, averages.get("parameters").get("ilp").get("ilp_n").asInt());
    }

    @Test
    void withoutIlpNOrFillTheIlpRanksToTheLargestSizeAndNothingIsFilled() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o",
                out.toString(), "--target", "qm7_16", "--sizes", "5,8", "--methods", "ilp", "--budget", "30", "--round-budget", "5",
                "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        JsonNode averages = json(out.resolve("drugs").resolve("curves.json"));
        // the default solver (bnb) ranks to the largest size, so no fill
        assertEquals(8, averages.get("parameters").get("ilp").get("ilp_n").asInt());
        assertEquals("none", averages.get("parameters").get("ilp").get("fill").asText());
        assertFalse(averages.get("curves").get(0).get("filled").asBoolean());
        assertEquals("ilp", averages.get("curves").get(0).get("label").asText());
    }
}
