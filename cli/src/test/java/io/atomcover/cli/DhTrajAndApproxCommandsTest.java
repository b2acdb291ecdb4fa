package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dh-traj} against {@code dh} on prefixes, and {@code dh --approx} against exact {@code dh}. */
class DhTrajAndApproxCommandsTest {
    @TempDir
    static Path tmp;
    static List<Structure> frames;
    static Path traj;

    @BeforeAll
    static void data() throws Exception {
        frames = ExtXyzReader.read(Cli.example("Si-test.extxyz")).structures().subList(0, 4);
        traj = tmp.resolve("traj.extxyz");
        ExtXyzWriter.write(traj, frames);
    }

    @Test
    void eachFrameMatchesDhAgainstTheFramesBeforeIt() throws Exception {
        Path json = tmp.resolve("traj.json");
        Cli.Run r = Cli.run("dh-traj", traj.toString(), "-o", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        assertEquals(4, j.get("num_frames").asInt());
        assertEquals("previous", j.get("reference").asText());
        for (int t = 0; t < 4; t++) {
            Path frame = tmp.resolve("frame" + t + ".extxyz");
            Path before = tmp.resolve("before" + t + ".extxyz");
            ExtXyzWriter.write(frame, frames.subList(t, t + 1));
            ExtXyzWriter.write(before, t == 0 ? frames.subList(0, 1) : frames.subList(0, t));
            Path npy = tmp.resolve("dh" + t + ".npy");
            Cli.Run d = Cli.run("dh", frame.toString(), before.toString(), "-o", npy.toString());
            assertEquals(0, d.exit(), d::toString);
            double[] expected = NpyFile.read(npy).data();
            JsonNode got = j.get("delta_entropy").get(t);
            assertEquals(expected.length, got.size());
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got.get(i).asDouble(), 1e-12, "frame " + t + " atom " + i);
            assertEquals(expected.length, j.get("frames").get(t).get("n_envs").asInt());
        }
    }

    @Test
    void extxyzOutputCarriesDhPerAtom() throws Exception {
        Path json = tmp.resolve("self.json");
        Path xyz = tmp.resolve("self.extxyz");
        assertEquals(0, Cli.run("dh-traj", traj.toString(), "--reference", "self", "-o", json.toString()).exit());
        Cli.Run r = Cli.run("dh-traj", traj.toString(), "--reference", "self", "-o", xyz.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        List<Structure> back = ExtXyzReader.read(xyz).structures();
        assertEquals(4, back.size());
        for (int t = 0; t < 4; t++) {
            double[] col = back.get(t).column("dH").reals();
            for (int i = 0; i < col.length; i++) assertEquals(j.get("delta_entropy").get(t).get(i).asDouble(), col[i], 0.0);
            assertEquals(frames.get(t).column("forces").reals()[0], back.get(t).column("forces").reals()[0], 0.0);
        }
    }

    @Test
    void dhTrajRejectsBadUsage() {
        assertEquals(2, Cli.run("dh-traj", traj.toString(), "--reference", "next").exit());
        assertEquals(2, Cli.run("dh-traj", traj.toString(), "-o", tmp.resolve("x.npy").toString()).exit());
        assertEquals(2, Cli.run("dh-traj", traj.toString(), "-o", traj.toString()).exit());
    }

    @Test
    void approximateDhReportsRecallAndNeverUndercutsTheExactDh() throws Exception {
        Path exact = tmp.resolve("exact.npy");
        Path approx = tmp.resolve("approx.npy");
        String ref = Cli.example("Si-test.extxyz").toString();
        assertEquals(0, Cli.run("dh", traj.toString(), ref, "-o", exact.toString()).exit());
        Cli.Run r = Cli.run("dh", traj.toString(), ref, "-o", approx.toString(), "--approx", "--approx-k", "5", "--check-recall");
        assertEquals(0, r.exit(), r::toString);
        Matcher m = Pattern.compile("recall\\s+([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.99, r::toString);
        double[] e = NpyFile.read(exact).data();
        double[] a = NpyFile.read(approx).data();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) assertTrue(a[i] >= e[i] - 1e-9 * Math.max(1, Math.abs(e[i])), "row " + i);
    }

    @Test
    void approximateDhRejectsConflictingOptions() {
        String ref = Cli.example("Si-test.extxyz").toString();
        assertEquals(2, Cli.run("dh", traj.toString(), ref, "-o", tmp.resolve("a.npy").toString(), "--approx", "--tolerance", "1e-6").exit());
        assertEquals(2, Cli.run("dh", traj.toString(), ref, "-o", tmp.resolve("a.npy").toString(), "--check-recall").exit());
        assertEquals(2, Cli.run("dh", traj.toString(), ref, "-o", tmp.resolve("a.npy").toString(), "--approx", "--approx-k", "0").exit());
    }
}
