package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.SMALL_TARGET;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pruning check: the first program solved again with K, 2K, 4K, … candidates. On the fixture
 * (FCHL19, λ = 1, whole-molecule pairs), first objectives by K:
 * qm7_16 (4 heavy atoms): K=1 infeasible, 2: 11.3529, 4: 8.0238, 8 and up: 7.6309 (all atoms: 23 carbons);
 * qm7_930 (6 heavy atoms): K=1, 2: 10.7481, 4 and up: 6.9838.
 *
 * <p>Tolerances: CP-SAT runs with resolution 1e-8 here, so its optima are within 2 × 6 × 1e-8 of the
 * exact ones and objectives are compared to 1e-6; SCIP optimises the exact costs (also 1e-6).
 */
class IlpPruningCheckTest {
    private static final double TOL = 1e-6;

    private static IlpOptions options(IlpSolver solver, int k) {
        return IlpOptions.defaults().withSolver(solver).withCandidates(k).withThreads(2).withResolution(1e-8)
                .withBudget(300).withRoundBudget(60).withPruningCheck(true);
    }

    /** The objective of the first solution of an independent ranking with K candidates (no widening, no check). */
    private static double firstObjective(IlpSolver solver, MoleculeReps target, int k) {
        Ranking r = new IlpRanker(options(solver, k).withPruningCheck(false).withWiden(false)).rank(DATABASE, target, 1);
        return r.solutions().isEmpty() ? Double.NaN : r.solutions().get(0).objective();
    }

    private static int[] ks(PruningCost check) {
        return check.steps().stream().mapToInt(PruningCost.Step::candidates).toArray();
    }

    @ParameterizedTest
    @EnumSource(IlpSolver.class)
    void objectivesPerKAreThoseOfIndependentSolvesAndTheCostIsExactOnceEveryAtomIsACandidate(IlpSolver solver) {
        List<PruningCost.Step> heard = new ArrayList<>();
        List<int[]> solving = new ArrayList<>();
        IlpListener listener = new IlpListener() {
            @Override
            public void pruningCheckSolving(int candidates, int pairs) {
                solving.add(new int[] {candidates, pairs});
            }

            @Override
            public void pruningCheckStep(PruningCost.Step step) {
                heard.add(step);
            }
        };
        Ranking ranking = new IlpRanker(options(solver, 2), listener).rank(DATABASE, SMALL_TARGET, 1);
        PruningCost check = ranking.pruningCheck();
        assertNotNull(check);
        // 2 → 4 → 8 → 16 → all (2·16 ≥ 23 carbons); the objective is flat from 8 on, but all atoms end it first
        assertArrayEquals(new int[] {2, 4, 8, 16, 0}, ks(check));
        assertEquals(PruningCost.Stop.ALL_ATOMS, check.stop());
        assertEquals(check.steps(), heard, "the listener heard every step");
        assertEquals(check.steps().size(), solving.size());

        for (int i = 0; i < check.steps().size(); i++) {
            PruningCost.Step s = check.steps().get(i);
            MappingProblem p = MappingProblem.build(DATABASE, SMALL_TARGET, options(solver, s.candidates()));
            assertEquals(firstObjective(solver, SMALL_TARGET, s.candidates()), s.objective(), TOL, "K=" + s.candidates());
            assertEquals(p.pairs(), s.pairs(), "pairs of K=" + s.candidates());
            assertEquals(p.molecules(), s.molecules());
            assertEquals(p.pruningBound, s.pruningBound(), 0.0);
            assertEquals(s.candidates(), solving.get(i)[0]);
            assertEquals(s.pairs(), solving.get(i)[1]);
            assertTrue(s.optimal(), "the fixture is proven optimal at every K");
            assertTrue(s.bound() <= s.objective() + 1e-12 && s.bound() >= s.objective() - TOL, "bound of an optimal solve: " + s);
            assertTrue(s.seconds() >= 0);
            assertEquals(solver == IlpSolver.SCIP, Double.isNaN(s.deterministicTime()), "SCIP reports no deterministic time");
        }
        if (solver == IlpSolver.CPSAT) {
            double sum = 0;
            for (IlpSolution s : ranking.solutions()) sum += s.solveDeterministicTime();
            for (PruningCost.Step s : check.steps()) sum += s.deterministicTime();
            assertTrue(sum > 0);
            assertEquals(sum, ranking.deterministicTime(), 1e-12, "the budget used is the enumeration's and the check's");
        } else {
            assertTrue(Double.isNaN(ranking.deterministicTime()));
        }
        assertTrue(check.last().allAtoms());
        // the first objective is the enumeration's, K=2 is worse than all atoms, which is the unpruned optimum
        double all = check.last().objective();
        assertEquals(ranking.solutions().get(0).objective(), check.first().objective(), TOL);
        assertEquals(new BruteForce(DATABASE, SMALL_TARGET, 1.0, false).optimum(null), all, TOL);
        assertTrue(check.first().objective() > all + 1, check.first().objective() + " vs " + all);
        assertEquals(all, check.minObjective(), TOL);
        assertEquals(check.first().objective() - all, check.cost(), TOL);
        assertTrue(check.exact(), "all atoms, proven optimal: the cost is exact");
        assertEquals(check.cost(), check.costAtMost(), check.tolerance());
        assertEquals(all, check.unprunedBound(), check.tolerance());

        Ranking without = new IlpRanker(options(solver, 2).withPruningCheck(false)).rank(DATABASE, SMALL_TARGET, 1);
        assertNull(without.pruningCheck(), "no check unless asked for");
        assertArrayEquals(without.order(), ranking.order(), "the check leaves the ranking as it is");
    }

    @Test
    void theCheckStopsOnceTheObjectiveHasNotDecreasedForTwoDoublingsInARow() {
        Ranking ranking = new IlpRanker(options(IlpSolver.CPSAT, 2)).rank(DATABASE, TARGET, 1);
        PruningCost check = ranking.pruningCheck();
        // 2: 10.7481, 4: 6.9838 (lower), 8: same, 16: same → stop before all atoms (32 ≥ 23)
        assertArrayEquals(new int[] {2, 4, 8, 16}, ks(check));
        assertEquals(PruningCost.Stop.CONVERGED, check.stop());
        List<PruningCost.Step> s = check.steps();
        for (PruningCost.Step step : s) assertEquals(firstObjective(IlpSolver.CPSAT, TARGET, step.candidates()), step.objective(), TOL);
        assertTrue(s.get(1).objective() < s.get(0).objective() - check.tolerance(), "4 lowers the objective");
        assertTrue(s.get(2).objective() > s.get(1).objective() - check.tolerance(), "8 does not");
        assertTrue(s.get(3).objective() > s.get(1).objective() - check.tolerance(), "nor does 16: two in a row");
        assertFalse(check.last().allAtoms(), "stopped short of all atoms");
        // the lowest objective found is the unpruned optimum on this fixture, and the cost its difference to K=2
        double optimum = new BruteForce(DATABASE, TARGET, 1.0, false).optimum(null);
        assertEquals(optimum, check.minObjective(), TOL);
        assertEquals(s.get(0).objective() - optimum, check.cost(), TOL);
        assertTrue(check.cost() > 3, "K=2 costs 3.76: " + check.cost());
        // exact only when some step's bound on the unpruned program reaches the lowest objective
        assertEquals(check.unprunedBound() >= check.minObjective() - check.tolerance(), check.exact());
        assertTrue(check.costAtMost() >= check.cost());
        double best = ranking.solutions().get(0).lagrangianBound();
        assertEquals(best, check.lagrangianBound(), 0.0, "the first solution's Lagrangian bound counts too");
        for (PruningCost.Step step : s) best = Math.max(best, Math.min(step.bound(), step.pruningBound()));
        assertEquals(Math.min(best, check.minObjective()), check.unprunedBound(), 0.0);
        assertTrue(check.unprunedBound() <= optimum + TOL, "a valid lower bound on the unpruned optimum");
    }

    @Test
    void theCapEndsTheCheck() {
        PruningCost capped = new IlpRanker(options(IlpSolver.CPSAT, 2).withPruningCheckMax(8)).rank(DATABASE, TARGET, 1).pruningCheck();
        assertArrayEquals(new int[] {2, 4, 8}, ks(capped));
        assertEquals(PruningCost.Stop.CAP, capped.stop());
        PruningCost only = new IlpRanker(options(IlpSolver.CPSAT, 2).withPruningCheckMax(3)).rank(DATABASE, TARGET, 1).pruningCheck();
        assertArrayEquals(new int[] {2}, ks(only), "K itself is always solved");
        assertEquals(PruningCost.Stop.CAP, only.stop());
        assertEquals(0.0, only.cost(), 0.0, "nothing wider was solved: no cost measured");
        assertFalse(only.exact());
        // K = all: one step, nothing pruned, nothing to pay
        PruningCost all = new IlpRanker(options(IlpSolver.CPSAT, 0)).rank(DATABASE, TARGET, 1).pruningCheck();
        assertArrayEquals(new int[] {0}, ks(all));
        assertEquals(PruningCost.Stop.ALL_ATOMS, all.stop());
        assertEquals(0.0, all.cost(), 0.0);
        assertTrue(all.exact());
    }

    @Test
    void aKWithoutAnySolutionCostsInfinitelyAndTheCheckGoesOn() {
        PruningCost check = new IlpRanker(options(IlpSolver.CPSAT, 1)).rank(DATABASE, SMALL_TARGET, 1).pruningCheck();
        // K=1 is infeasible: two target atoms share their one candidate atom (each database atom maps once)
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 0}, ks(check));
        assertFalse(check.first().solved());
        assertEquals(Double.POSITIVE_INFINITY, check.first().bound());
        assertEquals(Double.POSITIVE_INFINITY, check.cost());
        assertTrue(check.exact());
        assertEquals(firstObjective(IlpSolver.CPSAT, SMALL_TARGET, 2), check.steps().get(1).objective(), TOL);
    }

    @Test
    void noTimeLeftMeansNoStep() {
        PruningCost check = new IlpRanker(options(IlpSolver.CPSAT, 2).withTimeLimit(1e-9)).rank(DATABASE, TARGET, 1).pruningCheck();
        assertTrue(check.steps().isEmpty());
        assertEquals(PruningCost.Stop.TIME_LIMIT, check.stop());
        assertTrue(Double.isNaN(check.cost()));
        assertFalse(check.exact());
    }

    @Test
    void noBudgetLeftMeansNoStep() {
        Ranking r = new IlpRanker(options(IlpSolver.CPSAT, 0).withBudget(1e-5)).rank(DATABASE, TARGET, 1);
        assertTrue(r.deterministicTime() >= 1e-5, "the enumeration spent the budget: " + r.deterministicTime());
        assertTrue(r.pruningCheck().steps().isEmpty());
        assertEquals(PruningCost.Stop.TIME_LIMIT, r.pruningCheck().stop());
    }

    @Test
    void aKNotProvenOptimalCountsWithItsBoundAndTheCostIsALowerEstimate() {
        // K=10 stopped at objective 12 with bound 9; K=20 found 10 (optimal within its candidates, pruning bound 5)
        PruningCost check = new PruningCost(List.of(
                new PruningCost.Step(10, 100, 20, 12, 9, 4, false, 1, 0.5),
                new PruningCost.Step(20, 200, 30, 10, 10, 5, true, 2, 1)), PruningCost.Stop.TIME_LIMIT, 1e-6, Double.NEGATIVE_INFINITY);
        assertEquals(10, check.minObjective(), 0.0);
        assertEquals(0, check.cost(), 0.0, "bound 9 − 10 < 0: at least 0");
        assertEquals(5, check.unprunedBound(), 0.0, "max(min(9, 4), min(10, 5))");
        assertEquals(12 - 5, check.costAtMost(), 0.0);
        assertFalse(check.exact());
        PruningCost withLagrangian = new PruningCost(check.steps(), check.stop(), 1e-6, 8);
        assertEquals(8, withLagrangian.unprunedBound(), 0.0, "a Lagrangian bound of 8 beats the steps' 5");
        assertEquals(12 - 8, withLagrangian.costAtMost(), 0.0);
        assertEquals(10, new PruningCost(check.steps(), check.stop(), 1e-6, 11).unprunedBound(), 0.0, "at most the lowest objective");

        PruningCost proven = new PruningCost(List.of(
                new PruningCost.Step(10, 100, 20, 12, 12, 4, true, 1, 0.5),
                new PruningCost.Step(20, 200, 30, 10, 10, 10.5, true, 2, 1)), PruningCost.Stop.CAP, 1e-6, Double.NaN);
        assertEquals(2, proven.cost(), 0.0);
        assertTrue(proven.exact(), "K=20's pruning bound 10.5 ≥ its objective: 10 is the unpruned optimum");
        assertEquals(2, proven.costAtMost(), 0.0);
    }
}
