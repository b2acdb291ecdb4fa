package io.atomcover.ilpselect.ilp;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.SMALL_TARGET;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.io.ExtXyzReader;
import java.nio.file.Path;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The branch and bound's rankings ({@link IlpSolver#BNB}) against independent oracles: brute force
 * over every mapping (f(M), the best objective of a mapping that uses molecule M, is the brute-force
 * optimum "using a molecule outside all others"), and CP-SAT solving the program with one molecule
 * forced in, to optimality.
 */
class ForcedMoleculeRankingTest {
    /** Both sum the same squared distances; only the order of the additions differs. */
    private static final double EXACT = 1e-9;
    /** CP-SAT rounds each of at most 2n costs to the resolution (n = 6 target atoms). */
    private static final double CPSAT = 2 * 6 * IlpOptions.DEFAULT_RESOLUTION;

    /** The 30 QM7 molecules of the experiment fixture, with FCHL19. */
    private static final MoleculeReps THIRTY;

    static {
        try {
            THIRTY = MoleculeReps.fchl19(ExtXyzReader.read(Path.of(ForcedMoleculeRankingTest.class.getResource("/experiment/database.extxyz").toURI()))
                    .structures(), Fchl19.defaults(), 2, null);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static IlpOptions bnb(double penalty) {
        return IlpOptions.defaults().withSolver(IlpSolver.BNB).withPenalty(penalty).withCandidates(0).withThreads(2);
    }

    /** f(M) by brute force, for every database molecule (+∞ when no mapping uses M). */
    private static double[] bruteForceF(MoleculeReps db, MoleculeReps target, double penalty, boolean hydrogens) {
        BruteForce exact = new BruteForce(db, target, penalty, hydrogens);
        double[] f = new double[db.size()];
        for (int m = 0; m < db.size(); m++) {
            boolean[] others = new boolean[db.size()];
            Arrays.fill(others, true);
            others[m] = false;
            f[m] = exact.optimum(others);
        }
        return f;
    }

    @ParameterizedTest
    @CsvSource({"1.0, false, false", "0.0, false, false", "0.5, false, false", "3.0, false, false", "1.0, true, false",
            "1.0, false, true", "0.0, false, true"})
    void everyMoleculeIsRankedByItsBruteForceBestObjective(double penalty, boolean hydrogens, boolean small) {
        MoleculeReps target = small ? SMALL_TARGET : TARGET;
        double[] f = bruteForceF(DATABASE, target, penalty, hydrogens);
        Ranking r = new IlpRanker(bnb(penalty).withCountHydrogens(hydrogens)).rank(DATABASE, target, DATABASE.size());
        int rankable = (int) Arrays.stream(f).filter(Double::isFinite).count();
        assertEquals(rankable, r.size(), "every molecule some mapping uses is ranked, no other");
        for (int i = 0; i < r.size(); i++) {
            int m = r.order()[i];
            assertEquals(f[m], r.scores()[i], EXACT, "score of molecule " + m + " = brute-force f");
            if (i > 0) assertTrue(r.scores()[i] >= r.scores()[i - 1], "scores ascend");
        }
        for (IlpSolution s : r.solutions()) {
            assertTrue(s.optimal(), "proven on the small instance");
            assertEquals(s.objective(), s.bound(), 0.0, "a proven solution's bound is its objective");
            for (int m : s.newMolecules()) assertEquals(f[m], s.objective(), EXACT, "a molecule's first solution has objective f");
            if (!small && !hydrogens) IlpFixtures.assertSatisfiesConstraints(s, DATABASE, penalty); // the checker knows TARGET and heavy-atom sizes
        }
    }

    @Test
    void theFirstSolutionIsTheProgramsOptimum() {
        for (double penalty : new double[] {0, 1}) {
            double exact = new BruteForce(DATABASE, TARGET, penalty, false).optimum(null);
            Ranking r = new IlpRanker(bnb(penalty)).rank(DATABASE, TARGET, 1);
            assertEquals(exact, r.solutions().get(0).objective(), EXACT);
            assertTrue(r.solutions().get(0).lowerBound() <= exact + EXACT, "the reported lower bound is one");
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0, 80", "0.0, 80", "1.0, 3", "2.0, 5"})
    void fMatchesCpSatWithTheMoleculeForcedIn(double penalty, int k) {
        // the 30-molecule experiment fixture against its own 10th molecule, with K candidates
        MoleculeReps db = THIRTY;
        MoleculeReps target = db.molecule(9);
        IlpOptions options = bnb(penalty).withCandidates(k).withWiden(false);
        MappingProblem problem = MappingProblem.build(db, target, options);
        double[] f = new double[problem.molecules()];
        IlpOptions cpsat = options.withSolver(IlpSolver.CPSAT).withBudget(1e9).withRoundBudget(1e9);
        for (int m = 0; m < f.length; m++) {
            try (CpSatModel model = new CpSatModel(problem, cpsat)) {
                model.requireOneOf(new int[] {m});
                MappingModel.Result res = model.solve(new MappingModel.Limits(1e9, Double.POSITIVE_INFINITY), null, Double.NaN);
                if (res.status() == MappingModel.Status.INFEASIBLE) {
                    f[m] = Double.POSITIVE_INFINITY;
                    continue;
                }
                assertEquals(MappingModel.Status.OPTIMAL, res.status());
                f[m] = problem.objective(res.pairs());
            }
        }
        Ranking r = new IlpRanker(options).rank(db, target, db.size());
        Set<Integer> ranked = new HashSet<>();
        for (int i = 0; i < r.size(); i++) {
            int model = Arrays.binarySearch(problem.moleculeIndex, r.order()[i]);
            assertTrue(model >= 0, "ranked molecules hold a candidate");
            assertEquals(f[model], r.scores()[i], CPSAT, "molecule " + r.order()[i]);
            ranked.add(model);
        }
        for (int m = 0; m < f.length; m++)
            if (!ranked.contains(m)) assertFalse(Double.isFinite(f[m]), "molecule " + problem.moleculeIndex[m] + " has f = " + f[m] + " but was not ranked");
    }

    @Test
    void theRankingDoesNotDependOnTheThreadCount() {
        MoleculeReps db = THIRTY;
        MoleculeReps target = db.molecule(9);
        Ranking one = new IlpRanker(bnb(1).withCandidates(80).withThreads(1)).rank(db, target, 20);
        Ranking two = new IlpRanker(bnb(1).withCandidates(80).withThreads(2)).rank(db, target, 20);
        assertArrayEquals(one.order(), two.order());
        assertArrayEquals(one.scores(), two.scores(), 0.0);
        assertEquals(one.solutions(), two.solutions());
    }

    @Test
    void aNodeLimitLeavesHonestlyMarkedSolutions() {
        double[] f = bruteForceF(DATABASE, TARGET, 1, false);
        Ranking r = new IlpRanker(bnb(1).withNodeLimit(1)).rank(DATABASE, TARGET, DATABASE.size());
        assertTrue(r.size() > 0);
        for (IlpSolution s : r.solutions()) {
            IlpFixtures.assertSatisfiesConstraints(s, DATABASE, 1);
            for (int m : s.newMolecules()) {
                assertTrue(s.objective() >= f[m] - EXACT, "an objective is that of a real mapping using the molecule");
                if (s.optimal()) assertEquals(f[m], s.objective(), EXACT, "optimal only when it is");
            }
            assertTrue(s.bound() <= s.objective() + EXACT, "bound below objective");
        }
    }
}
