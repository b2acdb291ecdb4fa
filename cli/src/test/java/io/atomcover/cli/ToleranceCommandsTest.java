package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tolerance} on entropy, dh, overlap and compress, and {@code entropy --sample}, against exact runs. */
class ToleranceCommandsTest {
    @TempDir
    Path tmp;

    static final String TEST = Cli.example("Si-test.extxyz").toString();
    static final String TRAIN = Cli.example("Si-train.extxyz").toString();

    JsonNode json(String name, String... args) throws Exception {
        Path out = tmp.resolve(name);
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = args[0].equals("compress") ? "-o" : "--json";
        all[args.length + 1] = out.toString();
        all[args.length + 2] = "--threads";
        all[args.length + 3] = "2";
        Cli.Run r = Cli.run(all);
        assertEquals(0, r.exit(), r::toString);
        return EntropyCommandTest.readJson(out);
    }

    @Test
    void entropyWithinItsReportedBound() throws Exception {
        JsonNode exact = json("exact.json", "entropy", TEST);
        JsonNode tolerant = json("tol.json", "entropy", TEST, "--tolerance", "1e-4");
        double bound = tolerant.get("entropy_bound").asDouble();
        assertEquals(-Math.log1p(-1e-4), bound, 1e-18);
        assertEquals(1e-4, tolerant.get("tolerance").asDouble());
        assertEquals(exact.get("entropy").asDouble(), tolerant.get("entropy").asDouble(), bound);
        assertEquals(exact.get("diversity").asDouble(), tolerant.get("diversity").asDouble(), bound);
        assertTrue(exact.get("entropy_bound") == null, "no bound field for exact runs");
        Cli.Run text = Cli.run("entropy", TEST, "--tolerance", "1e-4");
        assertTrue(text.out().contains("entropy bound"), text::toString);
    }

    @Test
    void sampledEntropyOfEveryEnvironmentIsTheEntropyAndAnIntervalCoversIt() throws Exception {
        JsonNode exact = json("exact.json", "entropy", TEST);
        double h = exact.get("entropy").asDouble();
        int n = exact.get("n_envs").asInt();
        JsonNode all = json("all.json", "entropy", TEST, "--sample", Integer.toString(n));
        assertEquals(h, all.get("entropy").asDouble(), 1e-12 * Math.abs(h));
        assertEquals(0.0, all.get("sample").get("standard_error").asDouble(), 0.0);
        JsonNode some = json("some.json", "entropy", TEST, "--sample", "300", "--seed", "5");
        JsonNode s = some.get("sample");
        assertEquals(300, s.get("n").asInt());
        assertEquals(5, s.get("seed").asLong());
        assertTrue(s.get("ci_low").asDouble() <= h && h <= s.get("ci_high").asDouble(), some::toString);
        assertTrue(some.get("diversity").isNull());
        Cli.Run tooMany = Cli.run("entropy", TEST, "--sample", Integer.toString(n + 1));
        assertTrue(tooMany.exit() != 0 && tooMany.err().contains("--sample"), tooMany::toString);
    }

    @Test
    void dhValuesWithinTheBound() throws Exception {
        Path exact = tmp.resolve("exact.npy");
        Path tolerant = tmp.resolve("tol.npy");
        assertEquals(0, Cli.run("dh", TEST, TRAIN, "-o", exact.toString()).exit());
        Cli.Run r = Cli.run("dh", TEST, TRAIN, "-o", tolerant.toString(), "--tolerance", "1e-3");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("dH bound"), r::toString);
        double bound = -Math.log1p(-1e-3);
        double[] e = NpyFile.read(exact).data();
        double[] t = NpyFile.read(tolerant).data();
        for (int i = 0; i < e.length; i++)
            if (e[i] != t[i]) assertTrue(Math.abs(e[i] - t[i]) <= bound, "value " + i + ": " + t[i] + " vs " + e[i]);
    }

    @Test
    void overlapRangeHoldsTheExactOverlap() throws Exception {
        JsonNode exact = json("exact.json", "overlap", TEST, TRAIN, "-e", "2");
        JsonNode tolerant = json("tol.json", "overlap", TEST, TRAIN, "-e", "2", "--tolerance", "1e-2");
        double o = exact.get("overlap").asDouble();
        assertTrue(tolerant.get("overlap_low").asDouble() <= o && o <= tolerant.get("overlap_high").asDouble(), tolerant::toString);
        assertEquals(-Math.log1p(-1e-2), tolerant.get("dH_bound").asDouble(), 1e-18);
    }

    @Test
    void compressKeepsTheSelectionAndBoundsItsEntropy() throws Exception {
        JsonNode exact = json("exact.json", "compress", TEST, "-s", "0.3", "--no-compat-check");
        JsonNode tolerant = json("tol.json", "compress", TEST, "-s", "0.3", "--no-compat-check", "--tolerance", "1e-3");
        assertEquals(exact.get("selected"), tolerant.get("selected"));
        assertEquals(exact.get("overlap"), tolerant.get("overlap"));
        double bound = tolerant.get("entropy_bound").asDouble();
        assertEquals(exact.get("entropy").asDouble(), tolerant.get("entropy").asDouble(), bound);
        assertEquals(exact.get("diversity").asDouble(), tolerant.get("diversity").asDouble(), bound);
    }

    @Test
    void toleranceOutOfRangeIsAUsageError() {
        assertEquals(2, Cli.run("entropy", TEST, "--tolerance", "0.9").exit());
        assertEquals(2, Cli.run("dh", TEST, TRAIN, "-o", tmp.resolve("x.npy").toString(), "--tolerance", "1e-15").exit());
    }
}
