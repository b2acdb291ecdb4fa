package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomcover compress}: goldens of the reference program, outputs, curves, seeds. */
class CompressCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    static JsonNode golden() throws IOException {
        try (InputStream in = CompressCommandTest.class.getResourceAsStream("/golden/si-compress.json")) {
            return MAPPER.readTree(in);
        }
    }

    static JsonNode readJson(Path p) throws IOException {
        return MAPPER.readTree(p.toFile());
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    static void assertRelative(double expect, double actual, double tol, String what) {
        assertEquals(expect, actual, tol * Math.abs(expect), what);
    }

    /** The golden summary (reference program) against the report: metrics to 1e-9 relative, counts exactly. */
    static void assertSummary(JsonNode expect, JsonNode report, String what) {
        for (String m : new String[] {"entropy", "diversity", "overlap"})
            assertRelative(expect.get(m).asDouble(), report.get(m).asDouble(), 1e-9, what + " " + m);
        for (String c : new String[] {"original_size", "compressed_size", "original_envs", "compressed_envs"})
            assertEquals(expect.get(c).asInt(), report.get(c).asInt(), what + " " + c);
    }

    /** The frames of an XYZ text, each as its exact lines (count, comment, atoms) with their line ends. */
    static List<String> frames(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            if (lines.get(i).isBlank()) break;
            int atoms = Integer.parseInt(lines.get(i).trim());
            frames.add(String.join("", lines.subList(i, i + atoms + 2)));
            i += atoms + 2;
        }
        return frames;
    }

    private Cli.Run ok(String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    @Test
    void compatReproducesTheReferenceSelectionsAndWritesTheFramesVerbatim() throws Exception {
        JsonNode g = golden().get("msc");
        Path train = Cli.example("Si-train.extxyz");
        Path json21 = tmp.resolve("msc-21.json");
        Path xyz21 = tmp.resolve("msc-21.extxyz");
        // A fraction (0.1 x 214 -> 21) and a count.
        Cli.Run r = ok("compress", train.toString(), "-s", "0.1", "--compat", "quests", "-o", json21.toString(), "-o", xyz21.toString());
        Path json54 = tmp.resolve("msc-54.json");
        ok("compress", train.toString(), "-s", "54", "--compat", "quests", "-o", json54.toString());

        JsonNode r21 = readJson(json21);
        JsonNode r54 = readJson(json54);
        assertArrayEquals(ints(g.get("21").get("selected")), ints(r21.get("selected")));
        assertArrayEquals(ints(g.get("54").get("selected")), ints(r54.get("selected")));
        assertSummary(g.get("21").get("summary"), r21, "msc 21");
        assertSummary(g.get("54").get("summary"), r54, "msc 54");
        assertEquals("msc", r21.get("method").asText());
        assertEquals(21, r21.get("size").asInt());
        assertEquals("compat", r21.get("parameters").get("mode").asText());
        assertFalse(r21.has("compat_deviations"), "a compat run has nothing to deviate from");
        assertTrue(r21.get("seconds").get("selection").asDouble() >= 0);
        // Si-train has forces: quantiles of |F| for the whole set and the selection, max last.
        JsonNode f = r21.get("forces");
        assertEquals(4, f.get("quantile_levels").size());
        assertEquals(f.get("full").get("max").asDouble(), 12.3209, 1e-4);
        assertTrue(f.get("ks_p_value").asDouble() >= 0 && f.get("ks_p_value").asDouble() <= 1);
        assertTrue(r.out().contains("entropy       6.9407582735"), r::toString);

        // The .extxyz output: the input frames of the selection, byte for byte, in selection order.
        List<String> in = frames(train);
        StringBuilder expect = new StringBuilder();
        for (int s : ints(r21.get("selected"))) expect.append(in.get(s));
        assertEquals(expect.toString(), Files.readString(xyz21, StandardCharsets.UTF_8));
    }

    @Test
    void fpsReproducesTheReferenceSelection() throws Exception {
        JsonNode g = golden().get("fps").get("21");
        Path json = tmp.resolve("fps.json");
        ok("compress", Cli.example("Si-train.extxyz").toString(), "-m", "fps", "-s", "21", "-o", json.toString());
        JsonNode r = readJson(json);
        assertEquals("fps", r.get("method").asText());
        assertArrayEquals(ints(g.get("selected")), ints(r.get("selected")));
        assertSummary(g.get("summary"), r, "fps 21");
        assertTrue(r.get("parameters").get("mode").isNull());
    }

    @Test
    void optimalSizeFullOrderingAndCurveAgree() throws Exception {
        Path test = Cli.example("Si-test.extxyz");
        Path csv = tmp.resolve("curve.csv");
        Path json = tmp.resolve("opt.json");
        ok("compress", test.toString(), "--optimal", "--curve", csv.toString(), "-o", json.toString(), "--no-compat-check");
        JsonNode r = readJson(json);

        List<String> rows = Files.readAllLines(csv);
        assertEquals(CurveOutput.CSV_HEADER, rows.get(0));
        assertEquals(1 + 25, rows.size(), "every prefix of the full ordering");
        double best = Double.NEGATIVE_INFINITY;
        int bestSize = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] v = rows.get(i).split(",");
            assertEquals(i, Integer.parseInt(v[0]));
            double product = Double.parseDouble(v[2]) * Double.parseDouble(v[3]);
            if (product > best) {
                best = product;
                bestSize = i;
            }
        }
        int n = r.get("size").asInt();
        assertEquals(bestSize, n, "the size with the largest entropy x diversity");
        assertEquals(n, r.get("optimal").get("size").asInt());
        // The report's summary is the curve row at the chosen size, and a direct run of that size
        // (no curve: a fresh summary of the same picks) agrees with it.
        String[] row = rows.get(n).split(",");
        assertEquals(r.get("compressed_envs").asInt(), Integer.parseInt(row[1]));
        Path directOpt = tmp.resolve("direct-opt.json");
        ok("compress", test.toString(), "-s", Integer.toString(n), "-o", directOpt.toString());
        JsonNode fresh = readJson(directOpt);
        assertArrayEquals(ints(fresh.get("selected")), ints(r.get("selected")));
        assertEquals(fresh.get("compressed_envs").asInt(), Integer.parseInt(row[1]));
        for (String[] metric : new String[][] {{"entropy", row[2]}, {"diversity", row[3]}, {"overlap", row[4]}}) {
            assertRelative(fresh.get(metric[0]).asDouble(), Double.parseDouble(metric[1]), 1e-12, metric[0] + " of the curve");
            assertRelative(fresh.get(metric[0]).asDouble(), r.get(metric[0]).asDouble(), 1e-12, metric[0] + " of the report");
        }
        assertEquals(25, r.get("curve").get("entropy").size());

        int[] ordering = ints(r.get("ordering"));
        assertEquals(25, ordering.length);
        assertArrayEquals(Arrays.copyOf(ordering, n), ints(r.get("selected")));

        // --full with a size: the same ordering, the first S of it selected; a direct run of that size agrees.
        Path full = tmp.resolve("full.json");
        ok("compress", test.toString(), "--full", "-s", "10", "-o", full.toString(), "--no-compat-check");
        JsonNode f = readJson(full);
        assertArrayEquals(ordering, ints(f.get("ordering")));
        assertArrayEquals(Arrays.copyOf(ordering, 10), ints(f.get("selected")));
        Path direct = tmp.resolve("direct.json");
        ok("compress", test.toString(), "-s", "10", "-o", direct.toString(), "--compat-check");
        JsonNode d = readJson(direct);
        assertArrayEquals(ints(f.get("selected")), ints(d.get("selected")));
        assertEquals(f.get("entropy").asDouble(), d.get("entropy").asDouble(), 0.0);
        assertTrue(d.get("compat_deviations").asInt() >= 0 && d.get("compat_deviations").asInt() <= 10);
        assertTrue(d.get("seconds").has("compat_check"));
        // The compat check is opt-in: without it the field is there and null, and no time is reported for it.
        assertTrue(f.get("compat_deviations").isNull());
        assertFalse(f.get("seconds").has("compat_check"));
        Path plain = tmp.resolve("plain.json");
        ok("compress", test.toString(), "-s", "10", "-o", plain.toString());
        assertTrue(readJson(plain).get("compat_deviations").isNull());
    }

    @Test
    void fractionAndCountMeanTheSameSize() throws Exception {
        Path train = Cli.example("Si-train.extxyz");
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        // 0.25 x 214 = 53.5, rounded half to even: 54.
        ok("compress", train.toString(), "-m", "random", "-s", "0.25", "--seed", "1", "-o", a.toString());
        ok("compress", train.toString(), "-m", "random", "-s", "54", "--seed", "1", "-o", b.toString());
        assertEquals(54, readJson(a).get("size").asInt());
        assertArrayEquals(ints(readJson(a).get("selected")), ints(readJson(b).get("selected")));
        assertEquals(0.25, readJson(a).get("parameters").get("requested_size").asDouble());
    }

    @Test
    void seededMethodsRepeatWithTheSameSeedAndChangeWithAnother() throws Exception {
        Path test = Cli.example("Si-test.extxyz");
        for (String method : new String[] {"random", "mean_fps", "k_means"}) {
            int[][] picks = new int[3][];
            // Different seeds may still converge to the same k-means clustering (3 and 4 do here), hence 5.
            String[] seeds = {"3", "3", "5"};
            for (int i = 0; i < 3; i++) {
                Path out = tmp.resolve(method + i + ".json");
                ok("compress", test.toString(), "-m", method, "-s", "8", "--seed", seeds[i], "-o", out.toString());
                JsonNode r = readJson(out);
                assertEquals(Long.parseLong(seeds[i]), r.get("parameters").get("seed").asLong());
                picks[i] = ints(r.get("selected"));
                assertEquals(8, Arrays.stream(picks[i]).distinct().count(), method + ": distinct structures");
            }
            assertArrayEquals(picks[0], picks[1], method + " with the same seed");
            assertFalse(Arrays.equals(picks[0], picks[2]), method + " with another seed");
        }
    }

    /** {@code -r} and {@code --chunks} give what the engine's conditional and segmented MSC give. */
    @Test
    void referenceAndChunksRunConditionalAndSegmentedMsc() throws Exception {
        Path test = Cli.example("Si-test.extxyz");
        Path train = Cli.example("Si-train.extxyz");
        Path cond = tmp.resolve("cond.json");
        ok("compress", test.toString(), "-s", "5", "-r", train.toString(), "-o", cond.toString());
        Path seg = tmp.resolve("seg.json");
        ok("compress", test.toString(), "-s", "3", "--chunks", "2", "-o", seg.toString(), "--no-compat-check");

        io.atomcover.descriptor.QuestsDescriptor q = new io.atomcover.descriptor.QuestsDescriptor(32, 5.0);
        var d = q.compute(io.atomcover.io.ExtXyzReader.read(test).structures(), 2, io.atomcover.util.ProgressListener.NONE);
        var ref = q.compute(io.atomcover.io.ExtXyzReader.read(train).structures(), 2, io.atomcover.util.ProgressListener.NONE);
        try (var backend = new io.atomcover.backend.cpu.CpuKdeBackend(2)) {
            var msc = new io.atomcover.select.MscSelector(backend, 0.015, io.atomcover.select.MscSelector.Mode.DEFAULT);
            double[] h = msc.structureEntropies(d);
            assertArrayEquals(msc.selectConditional(d, h, 5, ref).indices(), ints(readJson(cond).get("selected")));
            assertArrayEquals(msc.selectSegmented(d, h, 3, 2).indices(), ints(readJson(seg).get("selected")));
        }
        assertEquals(train.toString(), readJson(cond).get("parameters").get("reference").asText());
        assertEquals(2, readJson(seg).get("parameters").get("chunks").asInt());
    }

    @Test
    void plotsAreValidPngAndSvgWithAForceHistogram() throws Exception {
        Path test = Cli.example("Si-test.extxyz");
        Path png = tmp.resolve("curve.png");
        Cli.Run r = ok("compress", test.toString(), "-s", "0.4", "--plot", png.toString(), "--no-compat-check");
        assertTrue(r.out().contains("curve-forces.png"), r::toString);
        PlotFiles.assertPng(png, 3 * Plots.PANEL_WIDTH, Plots.PANEL_HEIGHT);
        PlotFiles.assertPng(tmp.resolve("curve-forces.png"), Plots.PANEL_WIDTH, Plots.PANEL_HEIGHT);

        Path svg = tmp.resolve("opt.svg");
        ok("compress", test.toString(), "--optimal", "-m", "fps", "--plot", svg.toString());
        PlotFiles.assertSvg(svg);
        PlotFiles.assertSvg(tmp.resolve("opt-forces.svg"));
    }

    @Test
    void jsonOnStdoutInsteadOfTheSummary() throws Exception {
        Cli.Run r = ok("compress", Cli.example("Si-test.extxyz").toString(), "-s", "3", "-m", "fps", "-o", "-");
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals(3, j.get("selected").size());
        assertNotNull(j.get("parameters").get("backend"));
    }
}
