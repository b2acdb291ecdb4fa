package io.atomcover.ilpselect.krr;

import io.atomcover.backend.PairDistances;
import io.atomcover.descriptor.Descriptors;
import java.util.Arrays;
import java.util.List;

/**
 * Per-atom representations of a list of molecules, arranged for the local kernel: within each molecule
 * the atoms are grouped by element (ascending atomic number, file order inside a group), so that the
 * atoms of one element form one contiguous run. Hydrogens can be left out of the kernel; they still
 * shape the representations of the other atoms, which are computed beforehand.
 */
public final class LocalReps {
    final double[] reps;
    final int dim;
    final int[] offsets;
    final int[] z;

    private LocalReps(double[] reps, int dim, int[] offsets, int[] z) {
        this.reps = reps;
        this.dim = dim;
        this.offsets = offsets;
        this.z = z;
    }

    /**
     * @param descriptors   one row per atom, structures in molecule order (as {@code Fchl19.compute} gives)
     * @param atomicNumbers atomic numbers of each molecule's atoms, in the order of its rows
     * @param hydrogens     whether hydrogen atoms take part in the kernel
     */
    public static LocalReps of(Descriptors descriptors, List<int[]> atomicNumbers, boolean hydrogens) {
        int count = descriptors.structureCount();
        if (atomicNumbers.size() != count)
            throw new IllegalArgumentException(count + " molecules of representations but " + atomicNumbers.size() + " of atomic numbers");
        int dim = descriptors.dim();
        int[] off = descriptors.offsets();
        int[] offsets = new int[count + 1];
        for (int m = 0; m < count; m++) {
            int[] zm = atomicNumbers.get(m);
            if (zm.length != descriptors.rowsOf(m))
                throw new IllegalArgumentException("molecule " + m + ": " + zm.length + " atoms but " + descriptors.rowsOf(m) + " rows");
            int kept = 0;
            for (int v : zm) if (hydrogens || v != 1) kept++;
            offsets[m + 1] = Math.addExact(offsets[m], kept);
        }
        long values = (long) offsets[count] * dim;
        if (values > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(offsets[count] + " atoms × " + dim + " values do not fit in one array");
        double[] reps = new double[(int) values];
        int[] z = new int[offsets[count]];
        double[] src = descriptors.data();
        for (int m = 0; m < count; m++) {
            int[] zm = atomicNumbers.get(m);
            Integer[] order = new Integer[zm.length];
            for (int a = 0; a < zm.length; a++) order[a] = a;
            Arrays.sort(order, (p, q) -> Integer.compare(zm[p], zm[q])); // stable
            int row = offsets[m];
            for (int a : order) {
                if (!hydrogens && zm[a] == 1) continue;
                z[row] = zm[a];
                System.arraycopy(src, (off[m] + a) * dim, reps, row * dim, dim);
                row++;
            }
        }
        return new LocalReps(reps, dim, offsets, z);
    }

    /** The first n molecules (shares the arrays). */
    public LocalReps head(int n) {
        if (n < 0 || n > count()) throw new IllegalArgumentException("n = " + n + " outside 0.." + count());
        return n == count() ? this : new LocalReps(reps, dim, Arrays.copyOf(offsets, n + 1), z);
    }

    /** Number of molecules. */
    public int count() {
        return offsets.length - 1;
    }

    /** Representation length per atom. */
    public int dim() {
        return dim;
    }

    /** Number of kernel atoms of molecule m. */
    public int atoms(int m) {
        return offsets[m + 1] - offsets[m];
    }

    /**
     * The local kernel between molecule i of {@code a} and molecule j of {@code b}, computed directly:
     * {@code Σ_{x∈i} Σ_{y∈j, Z_x = Z_y} exp(-|x - y|² / (2σ²))}.
     */
    public static double kernel(LocalReps a, int i, LocalReps b, int j, double sigma) {
        checkDim(a, b);
        double c = PairDistances.gaussianFactor(sigma);
        double s = 0;
        for (int x = a.offsets[i]; x < a.offsets[i + 1]; x++)
            for (int y = b.offsets[j]; y < b.offsets[j + 1]; y++)
                if (a.z[x] == b.z[y]) s += Math.exp(c * PairDistances.squaredDistanceUnrolled(a.reps, x, b.reps, y, a.dim));
        return s;
    }

    static void checkDim(LocalReps a, LocalReps b) {
        if (a.dim != b.dim) throw new IllegalArgumentException("representation lengths differ: " + a.dim + " and " + b.dim);
    }

    /**
     * Writes the squared distances of all same-element atom pairs of molecule i of {@code a} and
     * molecule j of {@code b} into {@code out} from {@code pos} (element runs in ascending order, then
     * atoms of i, then atoms of j); with {@code out == null} only counts them. Returns the count.
     */
    static int sameElementPairs(LocalReps a, int i, LocalReps b, int j, double[] out, int pos) {
        int x = a.offsets[i], xEnd = a.offsets[i + 1];
        int y = b.offsets[j], yEnd = b.offsets[j + 1];
        int written = 0;
        while (x < xEnd && y < yEnd) {
            int za = a.z[x], zb = b.z[y];
            if (za < zb) {
                x++;
                continue;
            }
            if (zb < za) {
                y++;
                continue;
            }
            int xRun = x;
            while (xRun < xEnd && a.z[xRun] == za) xRun++;
            int yRun = y;
            while (yRun < yEnd && b.z[yRun] == za) yRun++;
            if (out != null) PairDistances.squaredDistanceBlockUnrolled(a.reps, x, xRun - x, b.reps, y, yRun - y, a.dim, out, pos + written);
            written += (xRun - x) * (yRun - y);
            x = xRun;
            y = yRun;
        }
        return written;
    }
}
