package io.atomcover.ilpselect.api;

import static io.atomcover.ilpselect.api.IlpSelectTest.DATABASE;
import static io.atomcover.ilpselect.api.IlpSelectTest.SIZES;
import static io.atomcover.ilpselect.api.IlpSelectTest.TARGETS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.ilpselect.experiment.Digests;
import io.atomcover.ilpselect.experiment.Experiment;
import io.atomcover.ilpselect.experiment.ExperimentAverages;
import io.atomcover.ilpselect.experiment.ExperimentMethod;
import io.atomcover.ilpselect.experiment.ExperimentSetup;
import io.atomcover.ilpselect.experiment.ExperimentTarget;
import io.atomcover.ilpselect.experiment.ExperimentTargets;
import io.atomcover.ilpselect.experiment.ResultFiles;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.EnergyUnit;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.progress.StepListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny experiment through the facade: its files, its averages, a curve against the KRR directly, and resuming. */
class ExperimentFacadeTest {
    @TempDir
    Path tmp;

    private static final List<RankingMethod> METHODS = List.of(RankingMethod.SML, RankingMethod.FPS, RankingMethod.RANDOM);

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private ExperimentSetup setup(Path folder) throws Exception {
        Path dbFile = Path.of(IlpSelectTest.class.getResource("/experiment/database.extxyz").toURI());
        Path targetsFile = Path.of(IlpSelectTest.class.getResource("/ilp/targets.extxyz").toURI());
        List<ExperimentTarget> targets = ExperimentTargets.of(targetsFile, TARGETS, List.of(0, 1), DATABASE,
                IlpSelectTest.energies(DATABASE), "energy", "name", KrrSettings.defaults(), Fchl19.defaults(), false);
        return new ExperimentSetup("drugs", new ResultFiles(folder), dbFile, DATABASE, Digests.file(dbFile), null, targetsFile, targets,
                ExperimentMethod.expand(METHODS, new double[] {1}), new long[] {0, 1}, SIZES.clone(), 3, ExperimentSetup.IlpFill.SML,
                IlpOptions.defaults(), List.of(1, 6, 7, 8, 16), Fchl19.defaults(), KrrSettings.defaults(), "energy", EnergyUnit.HARTREE, 2,
                null);
    }

    private static StepListener notes(List<String> lines) {
        return new StepListener() {
            @Override
            public void note(String line) {
                lines.add(line);
            }
        };
    }

    @Test
    void anExperimentWritesItsFilesAveragesThemAndResumes() throws Exception {
        Path folder = tmp.resolve("drugs");
        List<String> log = new ArrayList<>();
        ExperimentResult first = IlpSelect.experiment(setup(folder), notes(log), System.nanoTime());
        assertEquals(8, first.runs().size());
        assertEquals("rankings: 5 computed, 0 read back; learning curves: 8 computed, 0 read back", first.tally());
        assertEquals(8, log.stream().filter(l -> l.contains("learning curve computed")).count(), log::toString);

        // A curve against the KRR computing FCHL19 itself: qm7_930 on its SML ranking.
        JsonNode sml = json(folder.resolve("rankings").resolve("qm7_930-sml.json"));
        int[] ranking = StreamSupport.stream(sml.get("ranking").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        List<CurvePoint> want = IlpSelectTest.krr(TARGETS.get(1)).learningCurve(ranking, SIZES, 1, null);
        JsonNode points = json(folder.resolve("curves").resolve("qm7_930-sml.json")).get("points");
        for (int i = 0; i < SIZES.length; i++) {
            assertEquals(EnergyUnit.HARTREE.toKcalPerMol(want.get(i).absError()), points.get(i).get("mae").asDouble(), 0);
            assertEquals(want.get(i).sigma(), points.get(i).get("sigma").asDouble(), 0);
        }

        // The averages: per method the mean over the targets (random: of each target's mean over its seeds).
        JsonNode averages = json(folder.resolve("curves.json"));
        assertEquals(first.seconds(), averages.get("seconds").asDouble(), 0);
        for (ExperimentAverages.MethodCurve c : first.curves()) {
            double[] mean = new double[SIZES.length];
            for (double[] t : c.perTarget())
                for (int i = 0; i < SIZES.length; i++) mean[i] += t[i] / c.perTarget().size();
            assertArrayEquals(mean, c.average().mean(), 1e-12 * mean[0], c.label());
        }
        double[] random = new double[SIZES.length];
        for (Experiment.Run r : first.runs())
            if (r.method().is(RankingMethod.RANDOM) && r.target().name().equals("qm7_16"))
                for (int i = 0; i < SIZES.length; i++) random[i] += r.mae()[i] / 2;
        assertArrayEquals(random, first.curves().get(2).perTarget().get(0), 1e-12 * random[0]);

        // Resuming: everything is read back; a corrupt curve is recomputed, and only it.
        Files.writeString(folder.resolve("curves").resolve("qm7_16-fps.json"), "{ not json");
        log.clear();
        ExperimentResult second = IlpSelect.experiment(setup(folder), notes(log), System.nanoTime());
        assertEquals("rankings: 0 computed, 5 read back; learning curves: 1 computed, 7 read back", second.tally());
        assertTrue(log.stream().anyMatch(l -> l.contains("curves/qm7_16-fps.json is not valid JSON")), log::toString);
        for (int k = 0; k < first.runs().size(); k++) assertArrayEquals(first.runs().get(k).mae(), second.runs().get(k).mae());
    }
}
