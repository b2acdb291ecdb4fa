package io.atomcover.ilp;

import io.atomcover.descriptor.Fchl19;
import io.atomcover.io.Dataset;
import io.atomcover.io.ExtXyzReader;

import java.nio.file.Path;

/** Ten small QM7 molecules as database and qm7_930 (C4H5NO, 6 heavy atoms) as target, with FCHL19. */
final class IlpFixtures {
    static final MoleculeReps DATABASE;
    static final MoleculeReps TARGET;

    static {
        try {
            Dataset db = ExtXyzReader.read(Path.of(IlpFixtures.class.getResource("/ilp/database.extxyz").toURI()));
            Dataset targets = ExtXyzReader.read(Path.of(IlpFixtures.class.getResource("/ilp/targets.extxyz").toURI()));
            DATABASE = MoleculeReps.fchl19(db.structures(), Fchl19.defaults(), 2, null);
            TARGET = MoleculeReps.fchl19(targets.structures(), Fchl19.defaults(), 2, null).molecule(1);
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
}
