package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomcover compare}: the table, the JSON, the plot, and the paper's claim on Si-train. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode result(JsonNode report, String method, int size) {
        for (JsonNode r : report.get("results"))
            if (r.get("method").asText().equals(method) && r.get("size").asInt() == size) return r;
        throw new AssertionError("no result for " + method + " at " + size);
    }

    @Test
    void everyMethodAtEverySizeInTableJsonAndPlot() throws Exception {
        Path json = tmp.resolve("c.json");
        Path png = tmp.resolve("c.png");
        Cli.Run r = Cli.run("compare", Cli.example("Si-test.extxyz").toString(), "-s", "0.2,10", "--seeds", "2",
                "-o", json.toString(), "--plot", png.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode report = CompressCommandTest.readJson(json);
        String[] methods = CompareCommand.DEFAULT_METHODS.split(",");
        assertEquals(methods.length * 2, report.get("results").size());
        assertEquals(5, report.get("sizes").get(0).asInt(), "0.2 x 25 = 5");

        // Table rows: "SIZE  METHOD  value[ ± std]  value[ ± std]  value[ ± std]"; the size only on its first row.
        Pattern row = Pattern.compile("^\\s*(\\d+)?\\s+(\\w+)\\s+([0-9.]+)(?: ± ([0-9.]+))?(?: \\*)?\\s+([0-9.]+)(?: ± [0-9.]+)?(?: \\*)?"
                + "\\s+([0-9.]+)(?: ± [0-9.]+)?(?: \\*)?$");
        Map<String, Integer> seen = new HashMap<>();
        int size = -1;
        for (String line : r.out().split("\n")) {
            Matcher m = row.matcher(line);
            if (!m.matches() || m.group(2).equals("method")) continue;
            if (m.group(1) != null) size = Integer.parseInt(m.group(1));
            String method = m.group(2);
            seen.merge(method, 1, Integer::sum);
            JsonNode cell = result(report, method, size);
            assertEquals(cell.get("entropy").get("mean").asDouble(), Double.parseDouble(m.group(3)), 5.1e-5, line);
            assertEquals(cell.get("diversity").get("mean").asDouble(), Double.parseDouble(m.group(5)), 5.1e-5, line);
            assertEquals(cell.get("overlap").get("mean").asDouble(), Double.parseDouble(m.group(6)), 5.1e-5, line);
            boolean seeded = cell.get("seeded").asBoolean();
            assertEquals(seeded, m.group(4) != null, "± only for seeded methods: " + line);
            assertEquals(seeded ? 2 : 1, cell.get("entropy").get("values").size());
            assertEquals(seeded ? 2 : 1, cell.get("selected").size());
            if (seeded) {
                double[] v = {cell.get("entropy").get("values").get(0).asDouble(), cell.get("entropy").get("values").get(1).asDouble()};
                assertEquals(Math.abs(v[0] - v[1]) / 2, cell.get("entropy").get("std").asDouble(), 1e-12, "population std of two");
            } else {
                assertTrue(cell.get("entropy").get("std").isNull());
            }
        }
        for (String m : methods) assertEquals(2, seen.getOrDefault(m, 0), m + " rows in\n" + r.out());
        // Nested methods are read as prefixes of one run: the size-5 selection starts the size-10 one.
        JsonNode small = result(report, "msc", 5).get("selected").get(0);
        JsonNode large = result(report, "msc", 10).get("selected").get(0);
        for (int i = 0; i < 5; i++) assertEquals(large.get(i).asInt(), small.get(i).asInt());
        PlotFiles.assertPng(png, 3 * 600, Plots.PANEL_HEIGHT);
    }

    /**
     * How MSC compares with the baselines on Si-train with 3 seeds. What holds and is checked here:
     * at 10, 25 and 50 % the diversity of MSC is at least the mean of every seeded baseline
     * (mean_fps, k_means, random), and at 50 % its overlap is at least that of k_means and random.
     * What does not hold on this data (docs/cli.md, "compare"): at 50 % mean_fps covers more of the
     * dataset (0.9885 ± 0.0008 against 0.9706), and the deterministic fps has a higher diversity at
     * 10 and 25 % and a higher overlap at 50 % (checked in neither direction, it is not part of
     * this test).
     */
    @Test
    void mscKeepsMoreDiversityThanTheSeededBaselinesOnSiTrain() throws Exception {
        Path json = tmp.resolve("si.json");
        Cli.Run r = Cli.run("compare", Cli.example("Si-train.extxyz").toString(), "-s", "0.1,0.25,0.5",
                "-m", "msc,mean_fps,k_means,random", "--seeds", "3", "-o", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode report = CompressCommandTest.readJson(json);
        for (int size : new int[] {21, 54, 107}) {
            double msc = result(report, "msc", size).get("diversity").get("mean").asDouble();
            for (String baseline : new String[] {"mean_fps", "k_means", "random"}) {
                JsonNode b = result(report, baseline, size).get("diversity");
                assertEquals(3, b.get("values").size());
                assertTrue(msc >= b.get("mean").asDouble(), "diversity at " + size + ": msc " + msc + " vs " + baseline + " " + b);
            }
        }
        double overlap = result(report, "msc", 107).get("overlap").get("mean").asDouble();
        for (String baseline : new String[] {"k_means", "random"}) {
            double b = result(report, baseline, 107).get("overlap").get("mean").asDouble();
            assertTrue(overlap >= b, "overlap at 107: msc " + overlap + " vs " + baseline + " " + b);
        }
    }
}
