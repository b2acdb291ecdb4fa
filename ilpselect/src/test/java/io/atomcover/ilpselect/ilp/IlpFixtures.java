package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten small QM7 molecules as database and qm7_930 (C4H5NO, 6 heavy atoms) as target, with FCHL19;
 * qm7_16 (C4H6, 4 heavy atoms), the other frame of the targets file, as a second target.
 */
final class IlpFixtures {
    static final MoleculeReps DATABASE;
    static final MoleculeReps TARGET;
    static final MoleculeReps SMALL_TARGET;

    static {
        try {
            Dataset db = ExtXyzReader.read(Path.of(IlpFixtures.class.getResource("/ilp/database.extxyz").toURI()));
            Dataset targets = ExtXyzReader.read(Path.of(IlpFixtures.class.getResource("/ilp/targets.extxyz").toURI()));
            DATABASE = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 2, null);
            MoleculeReps both = MoleculeReps.fchl19(targets.structures(), Fchl19.defaults(), 2, null);
            TARGET = both.molecule(1);
            SMALL_TARGET = both.molecule(0);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IlpFixtures() {
    }

    static double squaredDistance(MoleculeReps a, int rowA, MoleculeReps b, int rowB) {
        int dim = a.dim();
        double s = 0;
        for (int q = 0; q < dim; q++) {
            double e = a.data()[rowA * dim + q] - b.data()[rowB * dim + q];
            s += e * e;
        }
        return s;
    }

    /**
     * Checks a solution for {@link #TARGET} against the program's constraints: every heavy target
     * atom mapped exactly once onto an atom of its element, each database atom at most once, the
     * used molecules exactly those with a mapped atom, squared distances and objective (heavy-atom
     * sizes) recomputed from the representations, and a lower bound not above the objective.
     */
    static void assertSatisfiesConstraints(IlpSolution s, MoleculeReps database, double penalty) {
        int[] tz = TARGET.atomicNumbers();
        int[] heavy = java.util.stream.IntStream.range(0, tz.length).filter(a -> tz[a] != 1).toArray();
        assertArrayEquals(heavy, s.targetAtoms(), "every heavy target atom is mapped exactly once");
        Set<Long> usedAtoms = new HashSet<>();
        Set<Integer> molecules = new HashSet<>();
        double distance = 0;
        for (int k = 0; k < heavy.length; k++) {
            int m = s.mappedMolecule()[k];
            int row = database.start(m) + s.mappedAtom()[k];
            assertTrue(s.mappedAtom()[k] >= 0 && s.mappedAtom()[k] < database.atoms(m));
            assertEquals(tz[heavy[k]], database.atomicNumbers()[row], "elements match");
            assertTrue(usedAtoms.add((long) row), "a database atom is used at most once");
            molecules.add(m);
            double d2 = squaredDistance(database, row, TARGET, heavy[k]);
            assertEquals(d2, s.squaredDistance()[k], 1e-12);
            distance += d2;
        }
        Set<Integer> listed = new HashSet<>();
        for (int m : s.molecules()) listed.add(m);
        assertEquals(molecules, listed, "y[M] = 1 exactly for the molecules with a mapped atom");
        double sizes = 0;
        for (int m : s.molecules()) sizes += database.heavyAtoms(m);
        assertEquals(distance + penalty * (sizes - heavy.length), s.objective(), 1e-9, "objective in the original units");
        assertTrue(s.lowerBound() <= s.objective() + 1e-9);
    }
}
