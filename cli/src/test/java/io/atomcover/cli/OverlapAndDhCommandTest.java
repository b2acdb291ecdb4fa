package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** overlap and dh of the bundled Si-test against Si-train, checked against upstream QUESTS values. */
class OverlapAndDhCommandTest {
    /** Upstream QUESTS: Si-test against Si-train, k = 32, rc = 5, h = 0.015, eps = 1e-5. */
    static final double OVERLAP = 0.6190163934426229;
    static final double DH_MEAN = -2.6757152014543926;
    static final double DH_MAX = 12.011500443886563;
    static final int TEST_ENVS = 1525;

    @TempDir
    static Path tmp;
    static Path json;
    static Path dh;
    static Cli.Run overlapRun;
    static Cli.Run dhRun;

    @BeforeAll
    static void run() {
        String test = Cli.example("Si-test.extxyz").toString();
        String train = Cli.example("Si-train.extxyz").toString();
        json = tmp.resolve("overlap.json");
        dh = tmp.resolve("dH.npy");
        overlapRun = Cli.run("overlap", test, train, "--json", json.toString());
        dhRun = Cli.run("dh", test, train, "-o", dh.toString());
    }

    @Test
    void overlapReportHasTheReferenceValues() throws Exception {
        assertEquals(0, overlapRun.exit(), overlapRun::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        assertEquals(OVERLAP, j.get("overlap").asDouble(), 1e-12);
        assertEquals(TEST_ENVS, j.get("n_test_envs").asInt());
        assertEquals(13233, j.get("n_ref_envs").asInt());
        EntropyCommandTest.assertRelative(DH_MEAN, j.get("dH_mean").asDouble(), 1e-9, "dH_mean");
        EntropyCommandTest.assertRelative(DH_MAX, j.get("dH_max").asDouble(), 1e-9, "dH_max");
        assertEquals(0, j.get("n_infinite").asInt());
        assertTrue(j.get("seconds").asDouble() > 0);
        assertTrue(overlapRun.out().contains("944 of 1525"), overlapRun::toString);
    }

    @Test
    void dhVectorIsReadableAndConsistentWithTheOverlap() throws Exception {
        assertEquals(0, dhRun.exit(), dhRun::toString);
        NpyFile npy = NpyFile.read(dh);
        assertEquals(TEST_ENVS, npy.data().length);
        assertEquals(TEST_ENVS, npy.shape()[0]);
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int below = 0;
        for (double v : npy.data()) {
            sum += v;
            max = Math.max(max, v);
            if (v < 1e-5) below++;
        }
        EntropyCommandTest.assertRelative(DH_MEAN, sum / TEST_ENVS, 1e-9, "mean dH");
        EntropyCommandTest.assertRelative(DH_MAX, max, 1e-9, "max dH");
        assertEquals(Math.round(OVERLAP * TEST_ENVS), below);
    }

    @Test
    void infiniteDhIsKeptAsIeeeInfinityAndCountedSeparately(@TempDir Path dir) throws Exception {
        // Molecules against silicon: no kernel term survives at a tiny bandwidth, so every dH is +inf.
        Path molecules = Cli.writeMolecules(dir);
        String train = Cli.example("Si-test.extxyz").toString();
        Path out = dir.resolve("inf.npy");
        assertEquals(0, Cli.run("dh", molecules.toString(), train, "-b", "0.001", "-o", out.toString()).exit());
        double[] values = NpyFile.read(out).data();
        double[] infinite = new double[values.length];
        java.util.Arrays.fill(infinite, Double.POSITIVE_INFINITY);
        assertArrayEquals(infinite, values);

        Path report = dir.resolve("inf.json");
        Cli.Run r = Cli.run("overlap", molecules.toString(), train, "-b", "0.001", "--json", report.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(report);
        assertEquals(12, j.get("n_infinite").asInt());
        assertTrue(j.get("dH_mean").isNull() && j.get("dH_max").isNull(), "no finite values: " + j);
        assertEquals(0.0, j.get("overlap").asDouble());
    }
}
