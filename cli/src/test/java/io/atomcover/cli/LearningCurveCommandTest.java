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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurveCommandTest {
    /** The engine's bundled KRR data: 64 QM7 molecules, and the sildenafil/penicillin targets. */
    static final Path DB = Path.of("..", "ilpselect", "src", "test", "resources", "krr", "qm7-ilp-sildenafil-64.extxyz");
    static final Path TARGETS = Path.of("..", "ilpselect", "src", "test", "resources", "fchl", "targets.extxyz");

    @TempDir
    Path tmp;

    private static int[] reversed(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = n - 1 - i;
        return r;
    }

    private Path rankingJson(String name, int[] idx, String method) throws IOException {
        StringBuilder sb = new StringBuilder("{");
        if (method != null) sb.append("\"method\": \"").append(method).append("\", ");
        sb.append("\"ranking\": [");
        for (int i = 0; i < idx.length; i++) sb.append(i == 0 ? "" : ", ").append(idx[i]);
        sb.append("], \"note\": \"extra keys are ignored\"}");
        Path f = tmp.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    /** A 1-D little-endian int64 .npy file (as numpy.save writes rankings). */
    private Path rankingNpy(String name, int[] idx) throws IOException {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + idx.length + ",), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * idx.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int v : idx) b.putLong(v);
        Path f = tmp.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    @Test
    void curvesMatchTheEngineAndAllOutputsAreWritten() throws Exception {
        int[] ilp = reversed(64);
        int[] other = new int[64];
        for (int i = 0; i < 64; i++) other[i] = (i * 7) % 64;
        Path a = rankingJson("a.json", ilp, "reversed");
        Path b = rankingNpy("b.npy", other);
        Path json = tmp.resolve("curves.json");
        Path png = tmp.resolve("curves.png");
        Cli.Run r = Cli.run("learning-curve", TARGETS.toString(), "--target", "sildenafil", "--database", DB.toString(),
                "--rankings", a + "," + b, "--sizes", "8,16", "-o", json.toString(), "--plot", png.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), "no progress bars when not in a terminal");
        assertTrue(r.out().contains("target sildenafil"), r::toString);

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("sildenafil", j.get("target").asText());
        assertEquals(64, j.get("n_database").asInt());
        assertEquals("kcal/mol", j.get("mae_unit").asText());
        assertEquals("default", j.get("protocol").asText());
        assertEquals(25, j.get("sigmas").size());
        assertEquals(6, j.get("lambdas").size());
        assertEquals(2, j.get("curves").size());
        assertEquals("reversed", j.get("curves").get(0).get("name").asText());
        assertEquals("b", j.get("curves").get(1).get("name").asText(), "a .npy curve is named by its file");

        // The same numbers straight from the engine.
        Dataset db = ExtXyzReader.read(DB);
        double[] e = db.structures().stream().mapToDouble(s -> Double.parseDouble(s.info().get("energy"))).toArray();
        Structure target = ExtXyzReader.read(TARGETS).get(0);
        assertEquals("sildenafil", target.info().get("name"));
        TargetedKrr krr = TargetedKrr.of(db.structures(), e, target, Double.parseDouble(target.info().get("energy")),
                KrrSettings.defaults(), Fchl19.defaults());
        assertEquals(krr.targetLabel(), j.get("target_label").asDouble(), 0);
        int[][] rankings = {ilp, other};
        for (int c = 0; c < 2; c++) {
            List<CurvePoint> want = krr.learningCurve(rankings[c], new int[] {8, 16}, 1, null);
            JsonNode pts = j.get("curves").get(c).get("points");
            assertEquals(2, pts.size());
            for (int i = 0; i < 2; i++) {
                JsonNode p = pts.get(i);
                assertEquals(want.get(i).size(), p.get("size").asInt());
                assertEquals(want.get(i).absError() * 627.5095, p.get("mae").asDouble(), 1e-12 * p.get("mae").asDouble());
                assertEquals(want.get(i).sigma(), p.get("sigma").asDouble(), 0);
                assertEquals(want.get(i).lambda(), p.get("lambda").asDouble(), 0);
                assertEquals(want.get(i).prediction(), p.get("prediction").asDouble(), 0);
                assertTrue(p.get("cv_mae").asDouble() > 0);
            }
        }

        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG file");
        javax.imageio.ImageIO.setUseCache(false);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void indexOrderMapsNpyIndicesByName() throws Exception {
        Dataset db = ExtXyzReader.read(DB);
        // The names file lists the frames in reverse: index i means frame 63 - i.
        List<String> names = new ArrayList<>();
        for (int i = 63; i >= 0; i--) names.add(db.get(i).info().get("name"));
        Path order = tmp.resolve("order.txt");
        Files.write(order, names);
        int[] byOrder = new int[16];
        int[] byFile = new int[16];
        for (int i = 0; i < 16; i++) {
            byOrder[i] = 3 * i;
            byFile[i] = 63 - 3 * i;
        }
        Path npy = rankingNpy("r.npy", byOrder);
        Path json = rankingJson("r.json", byFile, null);
        Path o1 = tmp.resolve("o1.json"), o2 = tmp.resolve("o2.json");
        Path svg = tmp.resolve("c.svg");
        Cli.Run r1 = Cli.run("learning-curve", TARGETS.toString(), "--target", "1", "--database", DB.toString(),
                "--rankings", npy.toString(), "--index-order", order.toString(), "--sizes", "10", "-o", o1.toString(),
                "--protocol", "reference", "--plot", svg.toString());
        assertEquals(0, r1.exit(), r1::toString);
        Cli.Run r2 = Cli.run("learning-curve", TARGETS.toString(), "--target", "penicillin", "--database", DB.toString(),
                "--rankings", json.toString(), "--sizes", "10", "-o", o2.toString(), "--protocol", "reference");
        assertEquals(0, r2.exit(), r2::toString);
        ObjectMapper m = new ObjectMapper();
        JsonNode p1 = m.readTree(o1.toFile()).get("curves").get(0).get("points").get(0);
        JsonNode p2 = m.readTree(o2.toFile()).get("curves").get(0).get("points").get(0);
        assertEquals(p2.get("mae").asDouble(), p1.get("mae").asDouble(), 0);
        assertEquals("penicillin", m.readTree(o1.toFile()).get("target").asText());
        assertEquals("contiguous", m.readTree(o1.toFile()).get("fold_scheme").asText());
        assertEquals("first_of_fold", m.readTree(o1.toFile()).get("cv_score").asText());
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG file");
    }

    private static void assertOneLine(Cli.Run r, int exit, String contains) {
        assertEquals(exit, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertTrue(r.err().contains(contains), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        if (exit == 1) assertEquals(1, r.err().lines().count(), "one line: " + r);
    }

    @Test
    void badUsageAndBadInputs() throws Exception {
        Path good = rankingJson("good.json", reversed(64), null);
        Path out = tmp.resolve("o.json");
        String t = TARGETS.toString(), d = DB.toString();
        assertOneLine(Cli.run("learning-curve", t, "--target", "sildenafil", "--rankings", good.toString(), "-o", out.toString()),
                2, "--database");
        assertOneLine(Cli.run("learning-curve", t, "--target", "sildenafil", "--database", d, "--rankings", good.toString(),
                "--sizes", "3,16", "-o", out.toString()), 2, "at least 5");
        assertOneLine(Cli.run("learning-curve", t, "--database", d, "--rankings", good.toString(), "-o", out.toString()),
                2, "choose one with --target (sildenafil, penicillin)");
        assertOneLine(Cli.run("learning-curve", t, "--target", "aspirin", "--database", d, "--rankings", good.toString(),
                "-o", out.toString()), 2, "aspirin");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", good.toString(),
                "-o", out.toString(), "--plot", tmp.resolve("c.gif").toString()), 2, ".png or .svg");

        Path outside = rankingJson("outside.json", new int[] {0, 1, 64}, null);
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", outside.toString(),
                "--sizes", "5", "-o", out.toString()), 1, "outside.json:1: entry 2: index 64 outside the database");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", good.toString(),
                "--sizes", "16,128", "-o", out.toString()), 1, "fewer than the largest size 128");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"ranking\": [1, 2,\n");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", broken.toString(),
                "-o", out.toString()), 1, "broken.json:3: not valid JSON");
        Path notInt = tmp.resolve("float.json");
        Files.writeString(notInt, "{\"ranking\": [\n 1,\n 2.5\n]}");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", notInt.toString(),
                "-o", out.toString()), 1, "float.json:3: ranking entry 1 is not an integer index: 2.5");
        Path noKey = tmp.resolve("nokey.json");
        Files.writeString(noKey, "{\"selected\": [1, 2]}");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", noKey.toString(),
                "-o", out.toString()), 1, "\"ranking\" array");
        int[] dup = reversed(64);
        dup[3] = dup[1];
        Path twice = rankingJson("twice.json", dup, null);
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", twice.toString(),
                "--sizes", "8", "-o", out.toString()), 1, "appears twice");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", tmp.resolve("none.json").toString(),
                "-o", out.toString()), 1, "none.json");
        assertOneLine(Cli.run("learning-curve", t, "--target", "0", "--database", d, "--rankings", good.toString(),
                "-o", tmp.resolve("missing-folder").resolve("o.json").toString()), 1, "does not exist");
        Path noEnergy = tmp.resolve("noenergy.extxyz");
        Files.writeString(noEnergy, "2\nProperties=species:S:1:pos:R:3 name=h2\nH 0 0 0\nH 0 0 0.74\n");
        assertOneLine(Cli.run("learning-curve", noEnergy.toString(), "--database", d, "--rankings", good.toString(),
                "-o", out.toString()), 1, "noenergy.extxyz:2: frame 0 has no 'energy'");
        assertFalse(Files.exists(out), "no report after a failure");
    }

    @Test
    void helpDescribesTheCommand() {
        Cli.Run r = Cli.run("learning-curve", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("--rankings") && r.out().contains("Examples:") && r.out().contains("cross-validation"), r::toString);
    }
}
