package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.structure.Structure;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.krr.TargetedKrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {
    /** 30 QM7 molecules with energies (the ten of ilp/database.extxyz and twenty more; see NOTICE). */
    static final Path DATABASE = Path.of("src", "test", "resources", "experiment", "database.extxyz");
    /** Two QM7 targets not in the database: qm7_16 (C4H6) and qm7_930 (C4H5NO). */
    static final Path TARGETS = Path.of("src", "test", "resources", "ilp", "targets.extxyz");
    static final String[] TARGET_NAMES = {"qm7_16", "qm7_930"};
    static final int[] SIZES = {5, 8, 12};

    @TempDir
    Path tmp;

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    /** MAE of a curve file at each of SIZES. */
    private static double[] mae(Path curveFile) throws Exception {
        double[] m = new double[SIZES.length];
        JsonNode points = json(curveFile).get("points");
        assertEquals(SIZES.length, points.size(), curveFile::toString);
        for (int i = 0; i < SIZES.length; i++) {
            assertEquals(SIZES[i], points.get(i).get("size").asInt());
            m[i] = points.get(i).get("mae").asDouble();
        }
        return m;
    }

    private static Cli.Run experiment(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("experiment", "drugs", "--targets", TARGETS.toString(),
                "--database", DATABASE.toString(), "-o", out.toString(), "--sizes", "5,8,12", "--seeds", "2",
                "--ilp-n", "3", "--budget", "30", "--round-budget", "5", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void tinyExperimentWritesEveryPerTargetFileAndAveragesThatAreTheirMean() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run r = experiment(out);
        assertEquals(0, r.exit(), r::toString);
        Path dir = out.resolve("drugs");
        String[] methods = {"ilp", "sml", "fps", "cur", "random-seed0", "random-seed1"};
        for (String t : TARGET_NAMES)
            for (String m : methods) assertTrue(Files.isRegularFile(dir.resolve("curves").resolve(t + "-" + m + ".json")), t + " " + m);
        for (String f : new String[] {"qm7_16-ilp", "qm7_16-sml", "qm7_930-ilp", "qm7_930-sml", "fps", "cur", "random-seed0", "random-seed1"})
            assertTrue(Files.isRegularFile(dir.resolve("rankings").resolve(f + ".json")), f);
        assertEquals(12, count(r.err(), "learning curve computed"), r::toString);
        assertEquals(8, count(r.err(), "ranking computed"), r::toString);
        assertTrue(r.err().contains("[12/12 "), "steps counted: " + r);
        assertTrue(r.out().contains("ilp (sml after 3)") && r.out().contains("random (2 seeds)"), r::toString);

        // The averages are the mean and population std over the two targets of the per-target files
        // (random: of each target's mean over its two seeds), to 1e-12 relative.
        JsonNode curves = json(dir.resolve("curves.json")).get("curves");
        assertEquals(5, curves.size());
        for (JsonNode c : curves) {
            String m = c.get("method").asText();
            double[][] perTarget = new double[2][];
            for (int t = 0; t < 2; t++) {
                if (m.equals("random")) {
                    double[] a = mae(dir.resolve("curves").resolve(TARGET_NAMES[t] + "-random-seed0.json"));
                    double[] b = mae(dir.resolve("curves").resolve(TARGET_NAMES[t] + "-random-seed1.json"));
                    perTarget[t] = new double[SIZES.length];
                    for (int i = 0; i < SIZES.length; i++) perTarget[t][i] = (a[i] + b[i]) / 2;
                } else {
                    perTarget[t] = mae(dir.resolve("curves").resolve(TARGET_NAMES[t] + "-" + m + ".json"));
                }
            }
            for (int i = 0; i < SIZES.length; i++) {
                JsonNode p = c.get("points").get(i);
                double x = perTarget[0][i], y = perTarget[1][i];
                double mean = (x + y) / 2, std = Math.abs(x - y) / 2;
                assertEquals(SIZES[i], p.get("size").asInt());
                assertEquals(2, p.get("targets").asInt());
                assertEquals(mean, p.get("mean").asDouble(), 1e-12 * mean, m + " mean at " + SIZES[i]);
                assertEquals(std, p.get("std").asDouble(), 1e-12 * mean, m + " std at " + SIZES[i]);
                assertEquals(x, p.get("values").get(0).asDouble(), 1e-12 * x);
                assertEquals(y, p.get("values").get(1).asDouble(), 1e-12 * y);
            }
        }

        // ILP ranking: at most --ilp-n molecules by the ILP, then the target's SML ranking without repeats.
        for (String t : TARGET_NAMES) {
            JsonNode ilp = json(dir.resolve("rankings").resolve(t + "-ilp.json"));
            int k = ilp.get("ilp_molecules").asInt();
            assertTrue(k >= 1 && k <= 3, "ILP molecules: " + k);
            int[] ranking = ints(ilp.get("ranking"));
            assertEquals(12, ranking.length);
            Set<Integer> expected = new LinkedHashSet<>();
            for (int i = 0; i < k; i++) expected.add(ranking[i]);
            for (int m : ints(json(dir.resolve("rankings").resolve(t + "-sml.json")).get("ranking")))
                if (expected.size() < 12) expected.add(m);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), ranking, t);
        }

        // One curve against the engine directly: qm7_930 on its SML ranking.
        Dataset db = ExtXyzReader.read(DATABASE);
        double[] e = db.structures().stream().mapToDouble(s -> Double.parseDouble(s.info().get("energy"))).toArray();
        Structure target = ExtXyzReader.read(TARGETS).get(1);
        TargetedKrr krr = TargetedKrr.of(db.structures(), e, target, Double.parseDouble(target.info().get("energy")),
                KrrSettings.defaults(), Fchl19.defaults());
        int[] sml = ints(json(dir.resolve("rankings").resolve("qm7_930-sml.json")).get("ranking"));
        List<CurvePoint> want = krr.learningCurve(sml, SIZES, 1, null);
        JsonNode pts = json(dir.resolve("curves").resolve("qm7_930-sml.json")).get("points");
        for (int i = 0; i < SIZES.length; i++) {
            double wantMae = want.get(i).absError() * 627.5095;
            assertEquals(wantMae, pts.get(i).get("mae").asDouble(), 1e-12 * wantMae);
            assertEquals(want.get(i).sigma(), pts.get(i).get("sigma").asDouble(), 0);
            assertEquals(want.get(i).lambda(), pts.get(i).get("lambda").asDouble(), 0);
        }

        byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve("curves.png")), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG plot");
        try (Stream<Path> all = Files.walk(dir)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left behind");
        }
    }

    @Test
    void aRerunReadsBackEveryValidFileAndRecomputesOnlyTheMissingAndTheCorrupt() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run first = experiment(out, "--methods", "sml,fps,random");
        assertEquals(0, first.exit(), first::toString);
        assertEquals(8, count(first.err(), "learning curve computed"), first::toString);
        Path dir = out.resolve("drugs");
        JsonNode averages = json(dir.resolve("curves.json")).get("curves");

        Path deleted = dir.resolve("curves").resolve("qm7_16-sml.json");
        Path corrupt = dir.resolve("curves").resolve("qm7_930-fps.json");
        Files.delete(deleted);
        String text = Files.readString(corrupt);
        Files.writeString(corrupt, text.substring(0, text.length() / 2)); // as if cut off mid-write
        Map<Path, FileTime> before = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList())
                if (!p.equals(corrupt) && !p.getFileName().toString().startsWith("curves.")) before.put(p, Files.getLastModifiedTime(p));
        }
        Thread.sleep(20); // so that a rewrite would change the modification time

        Cli.Run again = experiment(out, "--methods", "sml,fps,random");
        assertEquals(0, again.exit(), again::toString);
        assertEquals(2, count(again.err(), "learning curve computed"), again::toString);
        assertEquals(1, count(again.err(), "qm7_16 sml: learning curve computed"), again::toString);
        assertEquals(1, count(again.err(), "qm7_930 fps: learning curve computed"), again::toString);
        assertEquals(1, count(again.err(), "curves/qm7_930-fps.json is not valid JSON"), again::toString);
        assertEquals(6, count(again.err(), "learning curve read back"), again::toString);
        assertEquals(0, count(again.err(), "ranking computed"), again::toString);
        assertEquals(5, count(again.err(), "ranking read back"), again::toString);
        for (Map.Entry<Path, FileTime> f : before.entrySet())
            assertEquals(f.getValue(), Files.getLastModifiedTime(f.getKey()), "not rewritten: " + f.getKey());
        assertTrue(Files.isRegularFile(deleted));
        assertEquals(averages, json(dir.resolve("curves.json")).get("curves"), "the same averages");

        // Another protocol: the rankings still hold, every curve is stale.
        Cli.Run reference = experiment(out, "--methods", "sml,fps,random", "--protocol", "reference");
        assertEquals(0, reference.exit(), reference::toString);
        assertEquals(5, count(reference.err(), "ranking read back"), reference::toString);
        assertEquals(8, count(reference.err(), "was made with other parameters ("), reference::toString);
        assertEquals(8, count(reference.err(), "learning curve computed"), reference::toString);

        // Valid JSON with the right parameters but a ranking that repeats a molecule is not trusted either;
        // recomputed, the ranking is the same as before, so the curves built on it still hold.
        Path fps = dir.resolve("rankings").resolve("fps.json");
        String original = Files.readString(fps);
        int[] ranking = ints(json(fps).get("ranking"));
        Files.writeString(fps, original.replaceFirst("\"ranking\" : \\[ " + ranking[0] + ", " + ranking[1],
                "\"ranking\" : [ " + ranking[0] + ", " + ranking[0]));
        assertFalse(Files.readString(fps).equals(original), "edited");
        Cli.Run edited = experiment(out, "--methods", "sml,fps,random", "--protocol", "reference");
        assertEquals(0, edited.exit(), edited::toString);
        assertEquals(1, count(edited.err(), "rankings/fps.json is not a usable result (ranking entry 1 repeats molecule"), edited::toString);
        assertEquals(1, count(edited.err(), "ranking computed"), edited::toString);
        assertEquals(8, count(edited.err(), "learning curve read back"), edited::toString);
        assertArrayEquals(ranking, ints(json(fps).get("ranking")));
    }

    @Test
    void badInputFailsWithOneClearMessageAndLeavesExistingOutputsAlone() throws Exception {
        Path out = tmp.resolve("results");
        Path existing = out.resolve("drugs").resolve("curves.json");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "{\"earlier\": true}\n");

        Cli.Run r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", tmp.resolve("nowhere.extxyz").toString(),
                "-o", out.toString());
        assertFailure(r, 1, "nowhere.extxyz: no such file");

        r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o", out.toString(),
                "--methods", "sml,kmeans");
        assertFailure(r, 2, "kmeans");

        // The second frame (atom-count line 13) has no energy on its comment line, line 14.
        List<String> lines = new ArrayList<>(Files.readAllLines(TARGETS));
        lines.set(13, lines.get(13).replaceAll(" energy=\\S+", ""));
        Path noEnergy = tmp.resolve("no-energy.extxyz");
        Files.write(noEnergy, lines);
        r = Cli.run("experiment", "drugs", "--targets", noEnergy.toString(), "--database", DATABASE.toString(), "-o", out.toString(),
                "--sizes", "5,8,12");
        assertFailure(r, 1, "no-energy.extxyz:14: frame 1 has no 'energy' info value");

        Path malformed = tmp.resolve("malformed.extxyz");
        Files.writeString(malformed, "2\nProperties=species:S:1:pos:R:3 name=x energy=-1.0\nH 0 0 0\nH 0 0 zero\n");
        r = Cli.run("experiment", "qm9star", "--targets", malformed.toString(), "--database", DATABASE.toString(), "-o", out.toString());
        assertFailure(r, 1, "malformed.extxyz:4:");

        r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o", out.toString(),
                "--sizes", "16,64");
        assertFailure(r, 1, "the database has 30");
        r = Cli.run("experiment", "drugs", "--targets", TARGETS.toString(), "--database", DATABASE.toString(), "-o", out.toString(),
                "--sizes", "5,8,12", "--target", "aspirin");
        assertFailure(r, 2, "aspirin");
        r = Cli.run("experiment", "trees", "--targets", TARGETS.toString(), "--database", DATABASE.toString());
        assertFailure(r, 2, "trees");

        assertEquals("{\"earlier\": true}\n", Files.readString(existing), "existing output untouched");
        try (Stream<Path> all = Files.walk(out)) {
            assertEquals(List.of(out, existing.getParent(), existing), all.sorted().toList(), "nothing else written");
        }
    }

    private static void assertFailure(Cli.Run r, int exit, String message) {
        assertEquals(exit, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertTrue(r.err().contains(message), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        if (exit == 1) assertEquals(1, r.err().lines().count(), "one line: " + r);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void helpIsAManual() {
        Cli.Run r = Cli.run("experiment", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        for (String s : new String[] {"Usage: atomcover experiment", "drugs", "qm9star", "--targets", "--database", "--methods",
                "--sizes", "--ilp-n", "--ilp-fill", "--penalty", "--budget", "--round-budget", "--solver-workers", "--time-limit", "--round-limit", "--pruning-check", "--seeds", "--protocol",
                "--threads", "Resuming", "Default:", "Examples:"})
            assertTrue(r.out().contains(s), s + " missing from " + r.out());
        assertTrue(Cli.run("--help").out().contains("  experiment "), "listed in the top-level help");
    }
}
