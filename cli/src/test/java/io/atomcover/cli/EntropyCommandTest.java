package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.Bandwidth;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyCommandTest {
    /** Upstream QUESTS on Si-train, k = 32, rc = 5, h = 0.015. */
    static final double SI_TRAIN_ENTROPY = 5.311017244007958;
    static final double SI_TRAIN_DIVERSITY = 8.167845830750268;

    @TempDir
    Path tmp;

    static JsonNode readJson(Path p) throws Exception {
        return new ObjectMapper().readTree(p.toFile());
    }

    static void assertRelative(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.abs(expected),
                what + ": expected " + expected + " got " + actual);
    }

    @Test
    void siTrainMatchesTheReferenceEntropy() throws Exception {
        Path json = tmp.resolve("si.json");
        Cli.Run r = Cli.run("entropy", Cli.example("Si-train.extxyz").toString(), "--json", json.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = readJson(json);
        assertRelative(SI_TRAIN_ENTROPY, j.get("entropy").asDouble(), 1e-9, "entropy");
        assertRelative(SI_TRAIN_DIVERSITY, j.get("diversity").asDouble(), 1e-9, "diversity");
        assertEquals(13233, j.get("n_envs").asInt());
        assertEquals(214, j.get("n_structs").asInt());
        assertEquals(0.015, j.get("bandwidth").asDouble());
        assertTrue(j.get("seconds").asDouble() > 0);
        assertEquals(32, j.get("k").asInt());
        assertEquals(5.0, j.get("cutoff").asDouble());
        // The human summary carries the same value to 12 decimals.
        assertTrue(r.out().contains(String.format(Locale.ROOT, "%.12f", j.get("entropy").asDouble())), r::toString);
        assertEquals("", r.err(), "nothing on stderr when not in a terminal");
    }

    @Test
    void smallMoleculesAgreeWithAHandWrittenKernelDensity() throws Exception {
        Path xyz = Cli.writeMolecules(tmp);
        Path json = tmp.resolve("m.json");
        Cli.Run r = Cli.run("entropy", xyz.toString(), "-b", "0.5", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);

        Dataset ds = ExtXyzReader.read(xyz);
        Descriptors d = new QuestsDescriptor(32, 5.0).compute(ds.structures(), 1, ProgressListener.NONE);
        double[] x = d.data();
        int n = d.rows();
        int dim = d.dim();
        double h = 0.5;
        double entropy = 0;
        double inverseSum = 0;
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (int j = 0; j < n; j++) {
                double dist2 = 0;
                for (int c = 0; c < dim; c++) {
                    double diff = x[i * dim + c] - x[j * dim + c];
                    dist2 += diff * diff;
                }
                p += Math.exp(-dist2 / (2 * h * h));
            }
            entropy -= Math.log(p / n) / n;
            inverseSum += 1 / p;
        }
        JsonNode j = readJson(json);
        assertEquals(12, j.get("n_envs").asInt());
        assertEquals(3, j.get("n_structs").asInt());
        assertRelative(entropy, j.get("entropy").asDouble(), 1e-12, "entropy");
        assertRelative(Math.log(inverseSum), j.get("diversity").asDouble(), 1e-12, "diversity");
        assertTrue(j.get("entropy").asDouble() > 0 && j.get("entropy").asDouble() < Math.log(12), "0 < H < log N");
    }

    @Test
    void descriptorMatrixInputGivesTheSameEntropy() throws Exception {
        Path xyz = Cli.writeMolecules(tmp);
        Path npy = tmp.resolve("m.npy");
        assertEquals(0, Cli.run("descriptors", xyz.toString(), "-o", npy.toString()).exit());
        Path fromXyz = tmp.resolve("a.json");
        Path fromNpy = tmp.resolve("b.json");
        assertEquals(0, Cli.run("entropy", xyz.toString(), "-b", "0.3", "--json", fromXyz.toString()).exit());
        Cli.Run r = Cli.run("entropy", npy.toString(), "-b", "0.3", "--json", fromNpy.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode a = readJson(fromXyz);
        JsonNode b = readJson(fromNpy);
        assertEquals(a.get("entropy").asDouble(), b.get("entropy").asDouble(), 1e-14);
        assertEquals(a.get("n_envs").asInt(), b.get("n_envs").asInt());
        assertTrue(b.get("n_structs").isNull(), "a bare matrix has no structures");
    }

    @Test
    void gaussianRuleUsesTheMeanVolumePerAtom() throws Exception {
        Path test = Cli.example("Si-test.extxyz");
        Dataset ds = ExtXyzReader.read(test);
        double v = 0;
        for (var s : ds.structures()) v += s.volume() / s.size();
        double expectedH = Bandwidth.gaussian(v / ds.size());
        Path json = tmp.resolve("g.json");
        Cli.Run r = Cli.run("entropy", test.toString(), "--bandwidth-rule", "gaussian", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = readJson(json);
        assertEquals(expectedH, j.get("bandwidth").asDouble(), 1e-15);
        assertEquals("gaussian", j.get("bandwidth_rule").asText());
    }

    @Test
    void gaussianRuleOnMoleculesWithoutCellsIsAnInputError() throws Exception {
        Cli.Run r = Cli.run("entropy", Cli.writeMolecules(tmp).toString(), "--bandwidth-rule", "gaussian");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: ") && r.err().contains("cell"), r::toString);
    }

    @Test
    void jsonDashPrintsTheReportOnStdout() throws Exception {
        Cli.Run r = Cli.run("entropy", Cli.writeMolecules(tmp).toString(), "--json", "-");
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : new String[] {"entropy", "diversity", "n_envs", "n_structs", "bandwidth", "seconds"})
            assertTrue(j.has(f), f + " missing: " + r.out());
    }
}
