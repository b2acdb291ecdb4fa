package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.metrics.Bandwidth;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bandwidth} and {@code entropy-curve}. */
class BandwidthAndCurveCommandsTest {
    /**
     * Si-train's mean volume per atom and both rules there, as upstream's entropy_sampler --estimate_bw
     * measures it (ASE get_volume()/len per frame, averaged) with upstream's formulas re-derived in
     * NumPy: engine/src/test/resources/upstream/bandwidth.py, run with ASE 3.22 and NumPy 1.24.
     */
    static final double SI_TRAIN_VOLUME = 21.415799424067227;
    static final double SI_TRAIN_GAUSSIAN = 0.024943461878961026;
    static final double SI_TRAIN_CUTOFF = 0.026328025259245304;

    @TempDir
    static Path tmp;
    static Path small;

    @BeforeAll
    static void data() throws Exception {
        small = tmp.resolve("si-5.extxyz");
        ExtXyzWriter.write(small, ExtXyzReader.read(Cli.example("Si-test.extxyz")).structures().subList(0, 5));
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void bandwidthOfAVolumeByBothRules() throws Exception {
        Cli.Run r = Cli.run("bandwidth", "20.0", "--rule", "cutoff", "-o", "-");
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = json(r.out());
        assertEquals(20.0, j.get("volume_per_atom").asDouble(), 0.0);
        assertEquals(Bandwidth.gaussian(20.0), j.get("gaussian").asDouble(), 0.0);
        assertEquals(Bandwidth.cutoff(20.0), j.get("cutoff").asDouble(), 0.0);
        assertEquals(j.get("cutoff").asDouble(), j.get("bandwidth").asDouble(), 0.0);
        assertEquals("cutoff", j.get("rule").asText());
        Cli.Run text = Cli.run("bandwidth", "1");
        assertEquals(0, text.exit(), text::toString);
        assertTrue(text.out().contains("h = 0.102164"), text::toString);
    }

    @Test
    void bandwidthFromAFileMatchesUpstreamsMeasurement() throws Exception {
        Cli.Run r = Cli.run("bandwidth", "--from", Cli.example("Si-train.extxyz").toString(), "-o", "-");
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = json(r.out());
        assertEquals(SI_TRAIN_VOLUME, j.get("volume_per_atom").asDouble(), 1e-9);
        assertEquals(SI_TRAIN_GAUSSIAN, j.get("gaussian").asDouble(), 1e-12);
        assertEquals(SI_TRAIN_CUTOFF, j.get("cutoff").asDouble(), 1e-12);
        assertEquals(SI_TRAIN_GAUSSIAN, j.get("bandwidth").asDouble(), 1e-12);
    }

    @Test
    void bandwidthRejectsBadInput() {
        assertEquals(2, Cli.run("bandwidth", "-3").exit());
        assertEquals(2, Cli.run("bandwidth").exit());
        assertEquals(2, Cli.run("bandwidth", "20", "--from", small.toString()).exit());
        Cli.Run missing = Cli.run("bandwidth", "--from", tmp.resolve("none.extxyz").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("none.extxyz"), missing::toString);
    }

    @Test
    void entropyRuleCutoffUsesTheCutoffFormula() throws Exception {
        Cli.Run r = Cli.run("entropy", small.toString(), "--bandwidth-rule", "cutoff", "--json", "-");
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = json(r.out());
        double v = 0;
        var frames = ExtXyzReader.read(small).structures();
        for (var s : frames) v += s.volume() / s.size();
        assertEquals(Bandwidth.cutoff(v / frames.size()), j.get("bandwidth").asDouble(), 1e-15);
        assertEquals("cutoff", j.get("bandwidth_rule").asText());
    }

    @Test
    void entropyCurveReportAndPlot() throws Exception {
        Path out = tmp.resolve("curve.json");
        Path plot = tmp.resolve("curve.png");
        Cli.Run r = Cli.run("entropy-curve", small.toString(), "-f", "0.2,0.5,1", "--runs", "3", "--seed", "4",
                "-o", out.toString(), "--plot", plot.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(out);
        assertEquals(315, j.get("n_envs").asInt());
        assertEquals(3, j.get("num_runs").asInt());
        assertTrue(j.get("with_replacement").asBoolean());
        JsonNode lc = j.get("learning_curve");
        assertEquals(3, lc.size());
        for (JsonNode p : lc) {
            assertEquals((int) Math.floor(p.get("fraction").asDouble() * 315), p.get("size").asInt());
            double mean = 0;
            for (JsonNode e : p.get("entropies")) mean += e.asDouble() / 3;
            assertEquals(mean, p.get("mean_entropy").asDouble(), 1e-12);
            assertTrue(p.get("mean_entropy").asDouble() <= Math.log(p.get("size").asInt()) + 1e-12);
        }
        PlotFiles.assertPng(plot, 400, 300);
        // The same seed gives the same report values.
        Cli.Run again = Cli.run("entropy-curve", small.toString(), "-f", "0.2,0.5,1", "--runs", "3", "--seed", "4", "-o", "-");
        assertEquals(lc, json(again.out()).get("learning_curve"));
    }

    @Test
    void entropyCurveWithoutReplacementAtFractionOneIsTheEntropy() throws Exception {
        Cli.Run c = Cli.run("entropy-curve", small.toString(), "-f", "1", "--runs", "2", "--without-replacement", "-o", "-");
        Cli.Run e = Cli.run("entropy", small.toString(), "--json", "-");
        assertEquals(0, c.exit(), c::toString);
        double h = json(e.out()).get("entropy").asDouble();
        for (JsonNode v : json(c.out()).get("learning_curve").get(0).get("entropies")) assertEquals(h, v.asDouble(), 1e-12);
    }

    @Test
    void entropyCurveRejectsBadFractions() throws Exception {
        assertEquals(2, Cli.run("entropy-curve", small.toString(), "-f", "0").exit());
        assertEquals(2, Cli.run("entropy-curve", small.toString(), "-f", "1.2").exit());
        assertEquals(2, Cli.run("entropy-curve", small.toString(), "--runs", "0").exit());
        Cli.Run tiny = Cli.run("entropy-curve", small.toString(), "-f", "0.001");
        assertEquals(1, tiny.exit(), tiny::toString);
        assertTrue(tiny.err().contains("si-5.extxyz") && tiny.err().contains("empty sample"), tiny::toString);
        assertTrue(Files.notExists(tmp.resolve("nothing.json")));
    }
}
