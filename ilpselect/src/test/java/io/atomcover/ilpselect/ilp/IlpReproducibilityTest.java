package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ranking depends on its inputs and options only: two runs, and runs with 1 and 2 threads, give the
 * same ranking, solutions, objectives, bounds and deterministic times.
 *
 * <p>The limits are chosen to bind: the per-solve budget stops solves before they are proven optimal
 * and the total budget ends the enumeration before the database runs out. Limits in wall-clock seconds
 * at their place would cut each search, and the enumeration, wherever the machine happened to be,
 * and CP-SAT's unsynchronised parallel workers would return whichever of several solutions one of them
 * found first; either makes these runs differ.
 */
class IlpReproducibilityTest {
    /** Deterministic time: a few per cent of what the fixture's solves need to prove optimality. */
    private static final double ROUND_BUDGET = 0.0008;
    /** Deterministic time: enough for a few of those solves, not for all ten molecules. */
    private static final double BUDGET = 0.008;

    private static IlpOptions options(int threads) {
        return IlpOptions.defaults().withSolver(IlpSolver.CPSAT).withCandidates(0).withThreads(threads).withRoundBudget(ROUND_BUDGET).withBudget(BUDGET);
    }

    @Test
    void rankingsAreIdenticalAcrossRunsAndThreadCountsWhenTheBudgetsBind() throws Exception {
        Dataset db = ExtXyzReader.read(Path.of(getClass().getResource("/ilp/database.extxyz").toURI()));
        Dataset targets = ExtXyzReader.read(Path.of(getClass().getResource("/ilp/targets.extxyz").toURI()));
        MoleculeReps database1 = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 1, null);
        MoleculeReps database2 = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 2, null);
        assertArrayEquals(database1.data(), database2.data(), "FCHL19 does not depend on the thread count");
        MoleculeReps target = MoleculeReps.fchl19(targets.structures(), Fchl19.defaults(), 1, null).molecule(1);

        TargetDistances distances1 = TargetDistances.compute(database1, target, false, 1);
        TargetDistances distances2 = TargetDistances.compute(database1, target, false, 2);
        for (int t = 0; t < distances1.targetAtoms; t++)
            assertArrayEquals(distances1.d2[t], distances2.d2[t], "distances of target atom " + t);
        MappingProblem p1 = MappingProblem.build(database1, target, distances1, options(1).withCandidates(2));
        MappingProblem p2 = MappingProblem.build(database1, target, distances2, options(2).withCandidates(2));
        assertArrayEquals(p1.pairAtom, p2.pairAtom, "whole-molecule pairs do not depend on the thread count");
        assertArrayEquals(p1.pairCost, p2.pairCost, "and neither do their costs");

        Ranking first = new IlpRanker(options(2)).rank(database2, target, db.size());
        assertEquals(Ranking.Stop.TIME_LIMIT, first.stop(), "the total budget binds");
        assertTrue(first.size() > 1 && first.size() < db.size(), "stopped part way: " + first.size());
        assertTrue(first.solutions().stream().anyMatch(s -> !s.optimal()), "the per-solve budget binds");
        assertTrue(first.deterministicTime() >= BUDGET, "spent: " + first.deterministicTime());

        assertSame(first, new IlpRanker(options(2)).rank(database2, target, db.size()), "a second run");
        assertSame(first, new IlpRanker(options(1)).rank(database1, target, db.size()), "one thread");
        assertSame(first, new IlpRanker(options(2).withThreads(1)).rank(database2, target, db.size()), "one thread, same reps");
    }

    /** Everything but wall time equal, to the bit (double arrays compare exactly). */
    private static void assertSame(Ranking expected, Ranking actual, String run) {
        assertArrayEquals(expected.order(), actual.order(), run + ": ranking");
        assertArrayEquals(expected.scores(), actual.scores(), run + ": scores");
        assertEquals(expected.stop(), actual.stop(), run);
        assertEquals(expected.deterministicTime(), actual.deterministicTime(), 0.0, run + ": deterministic time");
        List<IlpSolution> a = expected.solutions();
        List<IlpSolution> b = actual.solutions();
        assertEquals(a.size(), b.size(), run + ": solutions");
        for (int i = 0; i < a.size(); i++) {
            String what = run + ": solution " + i;
            assertEquals(a.get(i), b.get(i), what + " (molecules, mapping, objective)");
            assertEquals(a.get(i).objective(), b.get(i).objective(), 0.0, what);
            assertEquals(a.get(i).optimal(), b.get(i).optimal(), what);
            assertEquals(a.get(i).bound(), b.get(i).bound(), 0.0, what);
            assertEquals(a.get(i).lagrangianBound(), b.get(i).lagrangianBound(), 0.0, what);
            assertEquals(a.get(i).solveDeterministicTime(), b.get(i).solveDeterministicTime(), 0.0, what);
        }
    }
}
