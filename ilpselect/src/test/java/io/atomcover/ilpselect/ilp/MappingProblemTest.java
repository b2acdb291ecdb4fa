package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The global and pruning bounds of {@link MappingProblem}, against brute force on the fixtures. */
class MappingProblemTest {
    private static IlpOptions options(double penalty, boolean hydrogens) {
        return IlpOptions.defaults().withPenalty(penalty).withCountHydrogens(hydrogens).withCandidates(0).withThreads(2);
    }

    /**
     * Σ over heavy target atoms of min over database heavy atoms of its element of d² + λ(m_M - c_M)/c_M,
     * recomputed here from the representations (c_M: Σ over elements of min(atoms of M, atoms of the target)).
     */
    static double expectedGlobalBound(MoleculeReps db, MoleculeReps target, double penalty, boolean hydrogens) {
        int[] tz = target.atomicNumbers();
        int[] dz = db.atomicNumbers();
        double sum = 0;
        for (int j = 0; j < tz.length; j++) {
            if (tz[j] == 1) continue;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < db.size(); m++) {
                int size = hydrogens ? db.atoms(m) : db.heavyAtoms(m);
                int capacity = 0;
                for (int z = 2; z <= 118; z++) {
                    int inM = 0;
                    int inT = 0;
                    for (int a = db.start(m); a < db.start(m) + db.atoms(m); a++) if (dz[a] == z) inM++;
                    for (int b : tz) if (b == z) inT++;
                    capacity += Math.min(inM, inT);
                }
                for (int a = db.start(m); a < db.start(m) + db.atoms(m); a++)
                    if (dz[a] == tz[j])
                        best = Math.min(best, IlpFixtures.squaredDistance(db, a, target, j) + penalty * (size - capacity) / capacity);
            }
            sum += best;
        }
        return sum;
    }

    @ParameterizedTest
    @CsvSource({"1.0, false", "0.25, false", "0.0, false", "1.0, true", "0.25, true"})
    void globalBoundIsTheSumOfCheapestEffectiveCostsAndAtMostTheOptimum(double penalty, boolean hydrogens) {
        MappingProblem p = MappingProblem.build(DATABASE, TARGET, options(penalty, hydrogens));
        double optimum = new BruteForce(DATABASE, TARGET, penalty, hydrogens).optimum(null);
        assertEquals(expectedGlobalBound(DATABASE, TARGET, penalty, hydrogens), p.globalBound, 1e-9,
                "Σ of the cheapest effective costs, with no extra -λn");
        assertTrue(p.globalBound <= optimum + 1e-9, p.globalBound + " ≤ optimum " + optimum);
        assertEquals(Double.POSITIVE_INFINITY, p.pruningBound, "nothing is pruned with K = 0");
    }

    /**
     * Target C2 (plus an H); database: a C2H molecule matching it atom for atom, and a CH molecule. The
     * optimum maps the target onto the first molecule at cost 0 + λ(2 - 2) = 0, and so does the
     * global bound: it is tight here. Subtracting λn once more (as the bound once did) gave -2λ.
     */
    @Test
    void globalBoundIsTightOnAMoleculeMatchingTheTargetAtomForAtom() {
        MoleculeReps target = new MoleculeReps(new double[] {0, 1, 5}, 1, new int[] {0, 3}, new int[] {6, 6, 1}, new String[] {"t"});
        MoleculeReps db = new MoleculeReps(new double[] {0, 1, 5, 0.5, 3}, 1, new int[] {0, 3, 5}, new int[] {6, 6, 1, 6, 1},
                new String[] {"a", "b"});
        for (double penalty : new double[] {1.0, 0.5}) {
            MappingProblem p = MappingProblem.build(db, target, options(penalty, false));
            assertEquals(0.0, new BruteForce(db, target, penalty, false).optimum(null), 1e-15);
            assertEquals(0.0, p.globalBound, 1e-15, "λ = " + penalty);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0", "2, 1.0", "3, 1.0", "1, 0.25", "2, 0.0", "3, 0.0"})
    void pruningBoundBoundsEverySolutionUsingANonCandidatePair(int k, double penalty) {
        MappingProblem all = MappingProblem.build(DATABASE, TARGET, options(penalty, false));
        MappingProblem p = MappingProblem.build(DATABASE, TARGET, options(penalty, false).withCandidates(k).withWholeMolecules(false));
        double outside = new BruteForce(DATABASE, TARGET, penalty, false).optimumOutside(p);
        assertTrue(Double.isFinite(outside));
        assertTrue(p.pruningBound <= outside + 1e-9, "K=" + k + ": " + p.pruningBound + " ≤ " + outside);
        assertTrue(p.pruningBound >= p.globalBound, "one target atom pays at least its cheapest pruned pair");
        assertEquals(all.globalBound, p.globalBound, 1e-12, "the global bound does not depend on K");
        if (penalty == 0) {
            // without a penalty the cheapest solution using a pruned pair is the per-atom cheapest
            // choice with one atom moved to its cheapest pruned pair: the bound is exact on this fixture
            assertEquals(outside, p.pruningBound, 1e-9);
        }
    }
}
