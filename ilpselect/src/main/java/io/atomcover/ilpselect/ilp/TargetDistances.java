package io.atomcover.ilpselect.ilp;

import io.atomcover.backend.PairDistances;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.structure.Elements;
import io.atomcover.util.Parallel;

import java.util.Arrays;

/**
 * The squared distances |rep_i - rep_j|² between every heavy target atom j and every database heavy
 * atom i of its element: the full (unpruned) cost data of the ILPSelect program, computed once per
 * ranking and shared by every candidate set ({@link MappingProblem}) and the Lagrangian bound
 * ({@link LagrangianBound}). Also the per-molecule sizes m_M and capacities c_M.
 *
 * <p>Memory: one double per (target atom, database atom of its element); sildenafil (33 heavy atoms)
 * on QM7 holds about 0.85 million.
 */
final class TargetDistances {
    /** Number of heavy target atoms n. */
    final int targetAtoms;
    /** Target heavy atom t → index of the atom in the target molecule. */
    final int[] targetAtom;
    /** Target heavy atom t → atomic number. */
    final int[] targetElement;
    /** Target heavy atom t → the database heavy atom rows of its element, ascending (shared by the atoms of one element). */
    final int[][] pool;
    /** Target heavy atom t → squared distance to each atom of {@code pool[t]}, in the same order. */
    final double[][] d2;
    /** Database atom row → its molecule. */
    final int[] atomMolecule;
    /** Database molecule → m_M (heavy atoms, or all atoms when hydrogens count). */
    final int[] size;
    /**
     * Database molecule → c_M, the most target atoms it can take: Σ over elements of min(its heavy
     * atoms of the element, the target's heavy atoms of the element).
     */
    final int[] capacity;
    /** The most database heavy atoms of one element of the target: a K this large keeps every atom. */
    final int largestPool;

    private TargetDistances(int[] targetAtom, int[] targetElement, int[][] pool, double[][] d2, int[] atomMolecule,
                            int[] size, int[] capacity, int largestPool) {
        this.targetAtoms = targetAtom.length;
        this.targetAtom = targetAtom;
        this.targetElement = targetElement;
        this.pool = pool;
        this.d2 = d2;
        this.atomMolecule = atomMolecule;
        this.size = size;
        this.capacity = capacity;
        this.largestPool = largestPool;
    }

    /**
     * Computes the distances on {@code threads} threads.
     *
     * @param countHydrogens whether m_M counts hydrogens
     * @throws IllegalArgumentException when the target has no heavy atom, or one of an element no
     *                                  database molecule has
     */
    static TargetDistances compute(MoleculeReps database, MoleculeReps target, boolean countHydrogens, int threads) {
        Ranker.checkArguments(database, target, 1);
        int dim = database.dim();
        int[] tz = target.atomicNumbers();
        int[] heavyTarget = heavy(tz, 0, tz.length);
        int n = heavyTarget.length;
        if (n == 0) throw new IllegalArgumentException("the target has no atom other than hydrogen");

        int[] dz = database.atomicNumbers();
        int[] atomMolecule = new int[dz.length];
        for (int m = 0; m < database.size(); m++) Arrays.fill(atomMolecule, database.start(m), database.start(m) + database.atoms(m), m);

        // database heavy atoms by element, and per molecule its size m_M and capacity c_M
        int maxZ = 0;
        for (int z : dz) maxZ = Math.max(maxZ, z);
        for (int z : tz) maxZ = Math.max(maxZ, z);
        int[] targetCount = new int[maxZ + 1];
        for (int a : heavyTarget) targetCount[tz[a]]++;
        int[][] byElement = new int[maxZ + 1][];
        int[] elementCount = new int[maxZ + 1];
        for (int z : dz) if (z != 1) elementCount[z]++;
        for (int z = 0; z <= maxZ; z++) byElement[z] = new int[elementCount[z]];
        Arrays.fill(elementCount, 0);
        for (int a = 0; a < dz.length; a++) if (dz[a] != 1) byElement[dz[a]][elementCount[dz[a]]++] = a;
        int[] size = new int[database.size()];
        int[] capacity = new int[database.size()];
        int[] count = new int[maxZ + 1];
        for (int m = 0; m < database.size(); m++) {
            size[m] = countHydrogens ? database.atoms(m) : database.heavyAtoms(m);
            int from = database.start(m);
            int to = from + database.atoms(m);
            for (int a = from; a < to; a++) if (dz[a] != 1) count[dz[a]]++;
            int c = 0;
            for (int a = from; a < to; a++) if (dz[a] != 1 && count[dz[a]] > 0) {
                c += Math.min(count[dz[a]], targetCount[dz[a]]);
                count[dz[a]] = 0;
            }
            capacity[m] = c;
        }
        for (int a : heavyTarget)
            if (byElement[tz[a]].length == 0)
                throw new IllegalArgumentException("target atom " + a + " (" + Elements.symbol(tz[a]) + ") has no atom of its element in the database");

        int largestPool = 0;
        int[] targetElement = new int[n];
        int[][] pool = new int[n][];
        for (int t = 0; t < n; t++) {
            targetElement[t] = tz[heavyTarget[t]];
            pool[t] = byElement[targetElement[t]];
            largestPool = Math.max(largestPool, pool[t].length);
        }
        double[][] d2 = new double[n][];
        double[] tdata = target.data();
        double[] ddata = database.data();
        Parallel.run(threads, n, t -> {
            double[] out = new double[pool[t].length];
            PairDistances.squaredDistancesToRow(ddata, pool[t], tdata, heavyTarget[t], dim, out);
            d2[t] = out;
        });
        return new TargetDistances(heavyTarget, targetElement, pool, d2, atomMolecule, size, capacity, largestPool);
    }

    /** Number of database molecules. */
    int molecules() {
        return size.length;
    }

    static int[] heavy(int[] z, int from, int to) {
        return java.util.stream.IntStream.range(from, to).filter(a -> z[a] != 1).toArray();
    }
}
