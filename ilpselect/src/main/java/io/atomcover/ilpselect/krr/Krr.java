package io.atomcover.ilpselect.krr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Kernel ridge regression: weights from a Cholesky solve of {@code (K + λI)α = y}, predictions {@code k·α}. */
public final class Krr {
    private Krr() {
    }

    /**
     * Weights for the training rows {@code rows} of a larger kernel matrix.
     *
     * @param gram   row-major kernel matrix with row length {@code stride}
     * @param rows   indices (into the matrix and {@code y}) of the training molecules
     * @param y      labels, indexed like the matrix
     * @param lambda regulariser added to the diagonal
     * @return α (one per entry of {@code rows}), or null when {@code K + λI} is not numerically
     *         positive definite (the Cholesky factorisation fails) or the solve is not finite
     */
    public static double[] train(double[] gram, int stride, int[] rows, double[] y, double lambda) {
        int n = rows.length;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        double[] ad = a.data;
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int r = 0; r < n; r++) {
            int base = rows[r] * stride;
            for (int c = 0; c < n; c++) ad[r * n + c] = gram[base + rows[c]];
            ad[r * n + r] += lambda;
            b.data[r] = y[rows[r]];
        }
        return solve(a, b);
    }

    /** Weights for a plain {@code n × n} row-major kernel matrix; null when not positive definite. */
    public static double[] train(double[] k, int n, double[] y, double lambda) {
        if (k.length < (long) n * n || y.length < n) throw new IllegalArgumentException("arrays shorter than n = " + n);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        System.arraycopy(k, 0, a.data, 0, n * n);
        for (int r = 0; r < n; r++) a.data[r * n + r] += lambda;
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        System.arraycopy(y, 0, b.data, 0, n);
        return solve(a, b);
    }

    private static double[] solve(DMatrixRMaj a, DMatrixRMaj b) {
        int n = a.numRows;
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a)) return null;
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        chol.solve(b, x);
        for (double v : x.data) if (!Double.isFinite(v)) return null;
        return x.data;
    }

    /** Prediction {@code Σ_c k[base + cols[c]] α_c} for one row of a kernel matrix. */
    public static double predict(double[] kernel, int base, int[] cols, double[] alpha) {
        double s = 0;
        for (int c = 0; c < cols.length; c++) s += kernel[base + cols[c]] * alpha[c];
        return s;
    }

    /** Prediction {@code Σ_c k[c] α_c}. */
    public static double predict(double[] kernelRow, double[] alpha) {
        double s = 0;
        for (int c = 0; c < alpha.length; c++) s += kernelRow[c] * alpha[c];
        return s;
    }
}
