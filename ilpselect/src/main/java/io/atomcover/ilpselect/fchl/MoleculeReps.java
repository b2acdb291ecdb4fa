package io.atomcover.ilpselect.fchl;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-atom representations (FCHL19 or any other) of a set of molecules: one row-major
 * {@code atoms × dim} array, molecule offsets, the atomic number of every atom and the molecule
 * names. Immutable; the arrays are not copied on construction, so callers must not change them.
 */
public final class MoleculeReps {
    private final double[] data;
    private final int dim;
    private final int[] offsets;
    private final int[] atomicNumbers;
    private final String[] names;

    /**
     * @param data          row-major rows, length {@code atoms · dim}
     * @param dim           values per atom
     * @param offsets       molecule offsets, length molecules + 1, from 0 to atoms
     * @param atomicNumbers atomic number per atom
     * @param names         name per molecule (null entries allowed)
     */
    public MoleculeReps(double[] data, int dim, int[] offsets, int[] atomicNumbers, String[] names) {
        new Descriptors(data, dim, offsets); // validates the shape and the offsets
        if (atomicNumbers.length != data.length / dim)
            throw new IllegalArgumentException(atomicNumbers.length + " atomic numbers for " + data.length / dim + " atoms");
        if (names.length != offsets.length - 1)
            throw new IllegalArgumentException(names.length + " names for " + (offsets.length - 1) + " molecules");
        this.data = data;
        this.dim = dim;
        this.offsets = offsets;
        this.atomicNumbers = atomicNumbers;
        this.names = names;
    }

    /**
     * FCHL19 of every atom of every structure, on {@code threads} threads. Names come from the
     * {@code name} key of each frame's comment line (null when absent).
     */
    public static MoleculeReps fchl19(List<Structure> structures, Fchl19 rep, int threads, ProgressListener progress) {
        Descriptors d = rep.compute(structures, threads, progress);
        int[] z = new int[d.rows()];
        String[] names = new String[structures.size()];
        int k = 0;
        for (int s = 0; s < structures.size(); s++) {
            Structure st = structures.get(s);
            for (int a = 0; a < st.size(); a++) z[k++] = st.atomicNumber(a);
            names[s] = st.info().get("name");
        }
        return new MoleculeReps(d.data(), d.dim(), d.offsets(), z, names);
    }

    /** Number of molecules. */
    public int size() {
        return offsets.length - 1;
    }

    /** Number of atoms over all molecules. */
    public int atomCount() {
        return atomicNumbers.length;
    }

    public int dim() {
        return dim;
    }

    /** Row-major rows of all atoms; shared, not copied. */
    public double[] data() {
        return data;
    }

    /** Molecule offsets (length {@link #size()} + 1); shared, not copied. */
    public int[] offsets() {
        return offsets;
    }

    /** Atomic number of every atom; shared, not copied. */
    public int[] atomicNumbers() {
        return atomicNumbers;
    }

    /** First atom (row) of molecule m. */
    public int start(int m) {
        return offsets[m];
    }

    /** Number of atoms of molecule m. */
    public int atoms(int m) {
        return offsets[m + 1] - offsets[m];
    }

    /** Number of atoms of molecule m other than hydrogen. */
    public int heavyAtoms(int m) {
        int n = 0;
        for (int a = offsets[m]; a < offsets[m + 1]; a++) if (atomicNumbers[a] != 1) n++;
        return n;
    }

    /** Name of molecule m, or null. */
    public String name(int m) {
        return names[m];
    }

    /** Molecule m alone (rows copied). */
    public MoleculeReps molecule(int m) {
        Objects.checkIndex(m, size());
        int from = offsets[m];
        int to = offsets[m + 1];
        return new MoleculeReps(Arrays.copyOfRange(data, from * dim, to * dim), dim, new int[] {0, to - from},
                Arrays.copyOfRange(atomicNumbers, from, to), new String[] {names[m]});
    }

    /**
     * The global representation: per molecule the sum of its atoms' rows (hydrogens included),
     * {@code size() × dim} row-major.
     */
    public double[] globalRep() {
        int n = size();
        double[] out = new double[n * dim];
        for (int m = 0; m < n; m++)
            for (int a = offsets[m]; a < offsets[m + 1]; a++)
                for (int q = 0, src = a * dim, dst = m * dim; q < dim; q++) out[dst + q] += data[src + q];
        return out;
    }
}
