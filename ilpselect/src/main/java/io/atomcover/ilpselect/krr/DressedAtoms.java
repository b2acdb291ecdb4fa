package io.atomcover.ilpselect.krr;

import io.atomcover.structure.Elements;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dressed-atom energy baseline: one energy per element, fitted by linear least squares of the total
 * energies on the element counts of a database. KRR then learns the residual
 * {@code E - Σ_atoms c_Z} (the "label").
 */
public final class DressedAtoms {
    /** How the per-element energies are fitted. */
    public enum Fit {
        /** {@code E ≈ Σ_Z c_Z n_Z}. */
        ELEMENT_COUNTS,
        /**
         * The ILPSelect reference: {@code E ≈ Σ_Z c_Z n_Z + b} with a fitted intercept b that is then
         * dropped, so labels keep the constant b. Reproduces the reference labels (sildenafil: -0.0763 Ha).
         */
        INTERCEPT_DROPPED
    }

    private final int[] elements;
    private final double[] coefficients;
    private final double intercept;
    private final Fit fit;

    private DressedAtoms(int[] elements, double[] coefficients, double intercept, Fit fit) {
        this.elements = elements;
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.fit = fit;
    }

    /**
     * Fits the per-element energies.
     *
     * @param atomicNumbers atomic numbers of every atom of each database molecule
     * @param energies      total energy of each molecule
     * @throws IllegalArgumentException when there are fewer molecules than unknowns, or the element
     *                                  counts do not determine the coefficients (collinear counts)
     */
    public static DressedAtoms fit(List<int[]> atomicNumbers, double[] energies, Fit fit) {
        int m = atomicNumbers.size();
        if (energies.length != m)
            throw new IllegalArgumentException(m + " molecules but " + energies.length + " energies");
        TreeSet<Integer> present = new TreeSet<>();
        for (int[] z : atomicNumbers) for (int v : z) present.add(v);
        int[] elements = present.stream().mapToInt(Integer::intValue).toArray();
        int ne = elements.length;
        int cols = ne + (fit == Fit.INTERCEPT_DROPPED ? 1 : 0);
        if (m < cols) throw new IllegalArgumentException("need at least " + cols + " molecules to fit " + cols + " coefficients, got " + m);

        DMatrixRMaj a = new DMatrixRMaj(m, cols);
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        for (int i = 0; i < m; i++) {
            for (int v : atomicNumbers.get(i)) a.add(i, Arrays.binarySearch(elements, v), 1.0);
            if (cols > ne) a.set(i, ne, 1.0);
            double e = energies[i];
            if (!Double.isFinite(e)) throw new IllegalArgumentException("molecule " + i + ": energy is not finite");
            b.set(i, 0, e);
        }
        // Column scales differ a lot (hydrogen counts vs. sulfur counts); the pivoted QR copes, and
        // its rank check catches element counts that are proportional to each other.
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        DMatrixRMaj copy = a.copy();
        if (!solver.setA(copy) || solver.quality() < 1e-12)
            throw new IllegalArgumentException("element counts do not determine the dressed-atom energies "
                    + "(some elements always occur in fixed proportion)");
        DMatrixRMaj x = new DMatrixRMaj(cols, 1);
        solver.solve(b, x);
        double[] c = new double[ne];
        for (int e = 0; e < ne; e++) c[e] = x.get(e, 0);
        return new DressedAtoms(elements, c, cols > ne ? x.get(ne, 0) : 0.0, fit);
    }

    /** The fitting mode used. */
    public Fit fit() {
        return fit;
    }

    /** Atomic numbers with a fitted energy, ascending. */
    public int[] elements() {
        return elements.clone();
    }

    /** The fitted energy of element {@code z}. */
    public double coefficient(int z) {
        int e = Arrays.binarySearch(elements, z);
        if (e < 0) throw new IllegalArgumentException("element " + Elements.symbol(z) + " does not occur in the database the dressed atoms were fitted on");
        return coefficients[e];
    }

    /** The fitted intercept (0 for {@link Fit#ELEMENT_COUNTS}); not part of {@link #baseline}. */
    public double intercept() {
        return intercept;
    }

    /** Σ over atoms of the element energies. */
    public double baseline(int[] atomicNumbers) {
        double s = 0;
        for (int z : atomicNumbers) s += coefficient(z);
        return s;
    }

    /** The KRR label: energy minus the dressed-atom baseline. */
    public double label(int[] atomicNumbers, double energy) {
        return energy - baseline(atomicNumbers);
    }
}
