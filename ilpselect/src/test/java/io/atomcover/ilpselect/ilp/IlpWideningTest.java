package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Widening the candidates when the pruned program runs out of new molecules before N are ranked. */
class IlpWideningTest {
    private static IlpOptions options(IlpSolver solver, int k, boolean wholeMolecules) {
        return IlpOptions.defaults().withSolver(solver).withCandidates(k).withWholeMolecules(wholeMolecules).withThreads(2)
                .withBudget(120).withRoundBudget(60);
    }

    /** Order of a candidate count in the widening: K, 2K, …, then 0 (all) last. */
    private static long widthOrder(int k) {
        return k == 0 ? Long.MAX_VALUE : k;
    }

    @ParameterizedTest
    @CsvSource({"CPSAT, 1, true, 10", "CPSAT, 1, false, 7", "SCIP, 1, true, 8", "CPSAT, 2, true, 10"})
    void smallKRunsOutAndTheWidenedEnumerationRanksExactlyN(IlpSolver solver, int k, boolean whole, int n) {
        Ranking narrow = new IlpRanker(options(solver, k, whole).withWiden(false)).rank(DATABASE, TARGET, n);
        assertEquals(Ranking.Stop.EXHAUSTED, narrow.stop(), "K=" + k + " alone runs out");
        assertTrue(narrow.size() < n, "K=" + k + " alone ranks fewer than " + n + ": " + narrow.size());

        List<int[]> widenings = new ArrayList<>();
        Ranking wide = new IlpRanker(options(solver, k, whole), new IlpListener() {
            @Override
            public void widened(int from, int to, int found, int wanted) {
                widenings.add(new int[] {from, to, found, wanted});
            }
        }).rank(DATABASE, TARGET, n);
        assertEquals(Ranking.Stop.SIZE_REACHED, wide.stop());
        assertEquals(n, wide.size(), "exactly N molecules");
        Set<Integer> distinct = new HashSet<>();
        for (int m : wide.order()) assertTrue(distinct.add(m), "distinct molecules");
        assertArrayEquals(narrow.order(), Arrays.copyOf(wide.order(), narrow.size()), "widening only continues the ranking");
        assertEquals(narrow.solutions(), wide.solutions().subList(0, narrow.solutions().size()), "same solutions before the widening");

        // the listener heard each widening, K doubling from the requested one
        assertTrue(!widenings.isEmpty());
        assertEquals(k, widenings.get(0)[0]);
        assertEquals(narrow.size(), widenings.get(0)[2], "the first widening comes where the narrow run stopped");
        for (int[] w : widenings) assertTrue(w[1] == 2 * w[0] || w[1] == 0, Arrays.toString(w));

        // every solution: a new molecule, the constraints, and the K it was found with, never narrowing
        Set<Integer> seen = new HashSet<>();
        int last = k;
        for (IlpSolution s : wide.solutions()) {
            assertTrue(s.newMolecules().length >= 1, "each solution brings a molecule never used before");
            for (int m : s.newMolecules()) assertTrue(seen.add(m));
            IlpFixtures.assertSatisfiesConstraints(s, DATABASE, 1.0);
            assertTrue(widthOrder(s.candidates()) >= widthOrder(last), "K never narrows: " + last + " then " + s.candidates());
            last = s.candidates();
        }
        for (int i = 0; i < narrow.solutions().size(); i++) assertEquals(k, wide.solutions().get(i).candidates());
        assertTrue(widthOrder(last) > k, "the last solution came from a wider candidate set");

        // within each candidate set the scores ascend
        double[] scores = wide.scores();
        for (int i = 1; i < narrow.size(); i++) assertTrue(scores[i - 1] <= scores[i]);
    }

    @Test
    void onceEveryAtomIsACandidateSolutionsAreTheUnprunedOptimaGivenTheMoleculesSeen() {
        Ranking wide = new IlpRanker(options(IlpSolver.CPSAT, 1, false)).rank(DATABASE, TARGET, DATABASE.size());
        BruteForce exact = new BruteForce(DATABASE, TARGET, 1.0, false);
        boolean[] seen = new boolean[DATABASE.size()];
        int checked = 0;
        for (IlpSolution s : wide.solutions()) {
            if (s.candidates() == 0) {
                assertEquals(exact.optimum(seen), s.objective(), 2 * 6 * IlpOptions.DEFAULT_RESOLUTION);
                checked++;
            }
            for (int m : s.molecules()) seen[m] = true;
        }
        assertTrue(checked >= 1, "the fixture widens to all atoms");
    }

    @Test
    void anExhaustedDatabaseStillEndsCleanly() {
        // the fixture plus H2: no heavy atom, so no solution can ever use it
        MoleculeReps db = withHydrogenMolecule(DATABASE);
        List<int[]> widenings = new ArrayList<>();
        Ranking r = new IlpRanker(options(IlpSolver.CPSAT, 1, true), new IlpListener() {
            @Override
            public void widened(int from, int to, int found, int wanted) {
                widenings.add(new int[] {from, to});
            }
        }).rank(db, TARGET, db.size());
        assertEquals(Ranking.Stop.EXHAUSTED, r.stop());
        assertEquals(DATABASE.size(), r.size(), "every molecule with a heavy atom is ranked");
        assertEquals(0, widenings.get(widenings.size() - 1)[1], "the last widening took every atom");
        assertEquals(0, r.solutions().get(r.solutions().size() - 1).candidates());
        for (IlpSolution s : r.solutions()) IlpFixtures.assertSatisfiesConstraints(s, db, 1.0);

        Ranking all = new IlpRanker(options(IlpSolver.CPSAT, 0, true)).rank(db, TARGET, db.size());
        assertEquals(Ranking.Stop.EXHAUSTED, all.stop(), "K = 0 (all) has nothing to widen");
        assertEquals(DATABASE.size(), all.size());
    }

    @Test
    void theScheduleDoublesKThenTakesAll() {
        assertEquals(2, CandidateSchedule.next(1, 23));
        assertEquals(16, CandidateSchedule.next(8, 23));
        assertEquals(0, CandidateSchedule.next(12, 23), "2K covers the largest pool: all");
        assertEquals(0, CandidateSchedule.next(22, 23));
        assertEquals(-1, CandidateSchedule.next(23, 23), "K already keeps every atom");
        assertEquals(-1, CandidateSchedule.next(100, 23));
        assertEquals(-1, CandidateSchedule.next(0, 23));
        assertEquals(0, CandidateSchedule.next(Integer.MAX_VALUE / 2 + 1, Integer.MAX_VALUE), "no overflow");
    }

    @Test
    void widerCandidatesKeepEveryPairSoTheHintCarriesOver() {
        for (boolean whole : new boolean[] {true, false}) {
            int k = 1;
            MappingProblem narrow = MappingProblem.build(DATABASE, TARGET, options(IlpSolver.CPSAT, k, whole));
            while (true) {
                int next = CandidateSchedule.next(k, narrow.largestPool);
                if (next < 0) break;
                MappingProblem wide = MappingProblem.build(DATABASE, TARGET, options(IlpSolver.CPSAT, next, whole));
                assertTrue(wide.pairs() > narrow.pairs());
                for (int t = 0; t < narrow.targetAtoms; t++)
                    for (int p = narrow.pairStart[t]; p < narrow.pairStart[t + 1]; p++) {
                        int q = wide.pair(t, narrow.pairAtom[p]);
                        assertTrue(q >= 0, "K=" + next + " keeps the pairs of K=" + k);
                        assertEquals(narrow.pairCost[p], wide.pairCost[q]);
                    }
                narrow = wide;
                k = next;
            }
            assertEquals(0, k, "the schedule ends with all atoms");
        }
    }

    /** {@code db} plus one H2 molecule (hydrogen rows of zeros). */
    private static MoleculeReps withHydrogenMolecule(MoleculeReps db) {
        int dim = db.dim();
        int atoms = db.atomCount();
        double[] data = Arrays.copyOf(db.data(), (atoms + 2) * dim);
        int[] offsets = Arrays.copyOf(db.offsets(), db.size() + 2);
        offsets[db.size() + 1] = atoms + 2;
        int[] z = Arrays.copyOf(db.atomicNumbers(), atoms + 2);
        z[atoms] = 1;
        z[atoms + 1] = 1;
        String[] names = new String[db.size() + 1];
        for (int m = 0; m < db.size(); m++) names[m] = db.name(m);
        names[db.size()] = "H2";
        return new MoleculeReps(data, dim, offsets, z, names);
    }
}
