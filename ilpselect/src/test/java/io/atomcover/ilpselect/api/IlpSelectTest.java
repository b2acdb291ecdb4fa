package io.atomcover.ilpselect.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.ilpselect.progress.StepListener;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import io.atomcover.util.SeededDraw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The facade against independent oracles: SML as a brute-force sort by distance of summed FCHL19,
 * random as the seeded draw, and learning curves against {@link TargetedKrr} computing FCHL19 itself.
 */
class IlpSelectTest {
    static final Dataset DATABASE = read("/experiment/database.extxyz");
    static final Dataset TARGETS = read("/ilp/targets.extxyz");
    static final int[] SIZES = {5, 8, 12};

    static Dataset read(String resource) {
        try {
            return ExtXyzReader.read(Path.of(IlpSelectTest.class.getResource(resource).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] energies(Dataset ds) {
        return ds.structures().stream().mapToDouble(s -> Double.parseDouble(s.info().get("energy"))).toArray();
    }

    static TargetedKrr krr(Structure target) {
        return TargetedKrr.of(DATABASE.structures(), energies(DATABASE), target, Double.parseDouble(target.info().get("energy")),
                KrrSettings.defaults(), Fchl19.defaults());
    }

    private static SelectSettings settings(RankingMethod method, int size, long seed) {
        return new SelectSettings(method, size, Fchl19.defaults(), IlpOptions.defaults(), seed, 2);
    }

    /** Summed FCHL19 of molecule m, added here rather than by MoleculeReps.globalRep. */
    private static double[] summed(MoleculeReps reps, int m) {
        double[] g = new double[reps.dim()];
        for (int a = reps.start(m); a < reps.start(m) + reps.atoms(m); a++)
            for (int q = 0; q < reps.dim(); q++) g[q] += reps.data()[a * reps.dim() + q];
        return g;
    }

    @Test
    void smlRanksByDistanceOfSummedRepresentations() {
        Structure target = TARGETS.get(1);
        Selected s = IlpSelect.select(DATABASE, target, settings(RankingMethod.SML, 10, 0), StepListener.NONE);
        MoleculeReps db = MoleculeReps.fchl19(DATABASE.structures(), Fchl19.defaults(), 1, null);
        double[] t = summed(MoleculeReps.fchl19(List.of(target), Fchl19.defaults(), 1, null), 0);
        double[] distance = new double[db.size()];
        for (int m = 0; m < db.size(); m++) {
            double[] g = summed(db, m);
            double d = 0;
            for (int q = 0; q < g.length; q++) d += (g[q] - t[q]) * (g[q] - t[q]);
            distance[m] = d;
        }
        int[] want = IntStream.range(0, db.size()).boxed().sorted(Comparator.comparingDouble(m -> distance[m]))
                .mapToInt(Integer::intValue).limit(10).toArray();
        assertArrayEquals(want, s.ranking().order());
        assertEquals("sml", s.ranking().method());
        assertNull(s.model(), "only the ILP has a model");
    }

    @Test
    void randomIsTheSeededDraw() {
        for (long seed : new long[] {0, 3}) {
            Selected s = IlpSelect.select(DATABASE, TARGETS.get(0), settings(RankingMethod.RANDOM, 12, seed), StepListener.NONE);
            assertArrayEquals(SeededDraw.withoutReplacement(seed, DATABASE.size(), 12), s.ranking().order());
        }
    }

    @Test
    void theIlpReportsItsModelAndProgress() {
        List<String> steps = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override
            public Task start(String name, String unit, boolean messages) {
                steps.add(name);
                return Task.NONE;
            }
        };
        IlpOptions ilp = IlpOptions.defaults().withBudget(30);
        Selected s = IlpSelect.select(DATABASE, TARGETS.get(1),
                new SelectSettings(RankingMethod.ILP, 2, Fchl19.defaults(), ilp, 0, 2), listener);
        assertEquals(List.of("fchl19", "ilp"), steps);
        assertTrue(s.ranking().size() >= 1);
        assertEquals(3, s.model().length);
    }

    @Test
    void learningCurvesAreThoseOfTheTargetedKrr() {
        TargetedKrr krr = krr(TARGETS.get(1));
        int[] a = SeededDraw.withoutReplacement(1, DATABASE.size(), 12);
        int[] b = SeededDraw.withoutReplacement(2, DATABASE.size(), 12);
        List<Curve> curves = IlpSelect.learningCurves(krr, List.of(new NamedRanking("a", a), new NamedRanking("b", b)), SIZES, 2,
                StepListener.NONE);
        assertEquals(List.of("a", "b"), curves.stream().map(Curve::name).toList());
        assertEquals(krr.learningCurve(a, SIZES, 1, null), curves.get(0).points());
        assertEquals(krr.learningCurve(b, SIZES, 1, null), curves.get(1).points());
    }

    @Test
    void aRankingTooShortNamesItself() {
        TargetedKrr krr = krr(TARGETS.get(1));
        CurveFailure f = assertThrows(CurveFailure.class, () -> IlpSelect.learningCurves(krr,
                List.of(new NamedRanking("ok", SeededDraw.withoutReplacement(0, DATABASE.size(), 12)), new NamedRanking("short", new int[] {1, 2})),
                SIZES, 1, StepListener.NONE));
        assertEquals(1, f.ranking());
        assertTrue(f.getMessage().contains("fewer than the largest size 12"), f.getMessage());
    }

    @Test
    void curvesFromRepresentationsComputedOnceAreIdentical() {
        Structure target = TARGETS.get(0);
        TargetedKrr krr = krr(target);
        MoleculeReps db = MoleculeReps.fchl19(DATABASE.structures(), Fchl19.defaults(), 2, null);
        MoleculeReps t = MoleculeReps.fchl19(List.of(target), Fchl19.defaults(), 1, null);
        for (long seed = 0; seed < 3; seed++) {
            int[] ranking = SeededDraw.withoutReplacement(seed, DATABASE.size(), 20);
            List<CurvePoint> direct = krr.learningCurve(ranking, SIZES, 1, null);
            assertEquals(direct, krr.learningCurve(ranking, SIZES, db, t, 2, null), "seed " + seed);
        }
    }
}
