package io.atomcover.ilpselect.ilp;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IlpRankerTest {
    /** CP-SAT rounds each of at most 2n costs to the resolution: the objective it optimises is off by at most n · resolution. */
    private static final double CPSAT_TOLERANCE = 2 * 6 * IlpOptions.DEFAULT_RESOLUTION;
    private static final double SCIP_TOLERANCE = 1e-6;
    /** The branch and bound sums the exact squared distances: only rounding differs from brute force. */
    private static final double BNB_TOLERANCE = 1e-9;

    private static IlpOptions options(IlpSolver solver, double penalty) {
        return IlpOptions.defaults().withSolver(solver).withPenalty(penalty).withCandidates(0).withThreads(2)
                .withBudget(120).withRoundBudget(60);
    }

    private static double tolerance(IlpSolver solver) {
        return solver == IlpSolver.CPSAT ? CPSAT_TOLERANCE : solver == IlpSolver.SCIP ? SCIP_TOLERANCE : BNB_TOLERANCE;
    }

    @ParameterizedTest
    @CsvSource({"1.0, false", "0.0, false", "1.0, true", "0.25, false"})
    void cpSatAndScipReachTheBruteForceOptimum(double penalty, boolean hydrogens) {
        double exact = new BruteForce(DATABASE, TARGET, penalty, hydrogens).optimum(null);
        double[] found = new double[IlpSolver.values().length];
        for (IlpSolver solver : IlpSolver.values()) {
            Ranking r = new IlpRanker(options(solver, penalty).withCountHydrogens(hydrogens)).rank(DATABASE, TARGET, 1);
            IlpSolution first = r.solutions().get(0);
            assertTrue(first.optimal(), solver + " proves optimality on the small instance");
            assertEquals(exact, first.objective(), tolerance(solver), solver + " first solution vs brute force");
            assertTrue(first.lowerBound() <= exact + 1e-9, "the reported lower bound is a lower bound");
            found[solver.ordinal()] = first.objective();
        }
        for (double f : found) assertEquals(found[0], f, CPSAT_TOLERANCE, "the solvers agree");
    }

    @ParameterizedTest
    @CsvSource({"CPSAT, 1.0", "SCIP, 1.0", "CPSAT, 0.0"})
    void everyEnumeratedSolutionIsOptimalGivenTheMoleculesSeenBeforeIt(IlpSolver solver, double penalty) {
        Ranking r = new IlpRanker(options(solver, penalty)).rank(DATABASE, TARGET, 8);
        BruteForce exact = new BruteForce(DATABASE, TARGET, penalty, false);
        boolean[] seen = null;
        Set<Integer> all = new HashSet<>();
        for (IlpSolution s : r.solutions()) {
            assertTrue(s.newMolecules().length >= 1, "each solution brings a molecule never used before");
            for (int m : s.newMolecules()) assertTrue(all.add(m), "new molecules are new: " + m);
            for (int m : s.molecules()) assertTrue(all.contains(m));
            assertEquals(exact.optimum(seen), s.objective(), tolerance(solver), "round optimum vs brute force under the same seen set");
            if (seen == null) seen = new boolean[DATABASE.size()];
            for (int m : s.molecules()) seen[m] = true;
        }
        assertEquals(Math.min(8, all.size()), r.size());
    }

    @Test
    void everySolutionSatisfiesTheConstraints() {
        double penalty = 1.0;
        for (IlpSolver solver : IlpSolver.values()) {
            Ranking r = new IlpRanker(options(solver, penalty)).rank(DATABASE, TARGET, 10);
            assertTrue(r.solutions().size() >= 2);
            for (IlpSolution s : r.solutions()) IlpFixtures.assertSatisfiesConstraints(s, DATABASE, penalty);
        }
    }

    @Test
    void rankingFollowsTheObjectiveOfTheFirstSolutionHoldingEachMolecule() {
        Ranking r = new IlpRanker(options(IlpSolver.CPSAT, 1.0)).rank(DATABASE, TARGET, DATABASE.size());
        List<IlpSolution> sols = r.solutions();
        // expected: stable sort of (molecule, objective of first solution) in order of appearance,
        // new molecules of one solution in ascending index
        List<int[]> appearance = new java.util.ArrayList<>();
        List<Double> objective = new java.util.ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (IlpSolution s : sols)
            for (int m : s.molecules())
                if (seen.add(m)) {
                    appearance.add(new int[] {m});
                    objective.add(s.objective());
                }
        Integer[] idx = new Integer[appearance.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(objective.get(a), objective.get(b)));
        int[] expected = new int[Math.min(idx.length, r.size())];
        for (int i = 0; i < expected.length; i++) expected[i] = appearance.get(idx[i])[0];
        assertArrayEquals(expected, r.order());
        double[] scores = r.scores();
        for (int i = 1; i < scores.length; i++) assertTrue(scores[i - 1] <= scores[i], "scores ascend");
        assertEquals(toSet(r.order()).size(), r.size(), "distinct molecules");
        if (r.size() < DATABASE.size()) assertEquals(Ranking.Stop.EXHAUSTED, r.stop());
    }

    @Test
    void pruningWithLargeKEqualsTheUnprunedProgramAndSmallKKeepsAValidBound() {
        Ranking all = new IlpRanker(options(IlpSolver.CPSAT, 1.0).withCandidates(0)).rank(DATABASE, TARGET, 6);
        Ranking large = new IlpRanker(options(IlpSolver.CPSAT, 1.0).withCandidates(1000)).rank(DATABASE, TARGET, 6);
        assertEquals(all.solutions().size(), large.solutions().size());
        for (int i = 0; i < all.solutions().size(); i++)
            assertEquals(all.solutions().get(i).objective(), large.solutions().get(i).objective(), CPSAT_TOLERANCE,
                    "equal rounded costs: optima may differ by the rounding of the costs");
        assertArrayEquals(all.order(), large.order());

        double exact = all.solutions().get(0).objective();
        for (int k : new int[] {1, 2, 3}) {
            IlpSolution pruned = new IlpRanker(options(IlpSolver.CPSAT, 1.0).withCandidates(k).withWholeMolecules(false))
                    .rank(DATABASE, TARGET, 1).solutions().get(0);
            assertTrue(pruned.objective() >= exact - CPSAT_TOLERANCE, "pruning cannot beat the unpruned optimum (K=" + k + ")");
            assertTrue(pruned.lowerBound() <= exact + 1e-9, "the pruning bound stays a lower bound of the unpruned optimum (K=" + k + ")");
        }
    }

    private static Set<Integer> toSet(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int v : a) s.add(v);
        return s;
    }
}
