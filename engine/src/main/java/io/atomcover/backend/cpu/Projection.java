package io.atomcover.backend.cpu;

import io.atomcover.backend.RowBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Orthonormal projection {@code u = V^T (x - mean)} onto the leading principal axes of a set of rows.
 * Because the axes are orthonormal, {@code |u(x) - u(y)| ≤ |x - y|} for any x, y: distances between
 * projected points (and between boxes around them) are lower bounds of the true distances, which is
 * what makes the pruning in {@link RowIndex} exact.
 */
final class Projection {
    final int dim;
    final int axes;
    final double[] mean;
    /** axes × dim, row a is the a-th unit axis. */
    final double[] basis;

    private Projection(int dim, int axes, double[] mean, double[] basis) {
        this.dim = dim;
        this.axes = axes;
        this.mean = mean;
        this.basis = basis;
    }

    /** Rows sampled (evenly spaced) for the covariance: more only sharpen axes, which any orthonormal basis keeps exact. */
    static final int SAMPLE = 1024;

    /**
     * The {@code axes} leading eigenvectors of the covariance of the rows (fewer if dim is smaller),
     * estimated from at most {@value #SAMPLE} evenly spaced rows.
     */
    static Projection principal(RowBlock rows, int axes) {
        int dim = rows.dim();
        int count = rows.count();
        int n = Math.min(count, SAMPLE);
        double[] x = rows.data();
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            int o = (rows.first() + sampled(i, n, count)) * dim;
            for (int k = 0; k < dim; k++) mean[k] += x[o + k];
        }
        for (int k = 0; k < dim; k++) mean[k] /= Math.max(n, 1);
        double[] cov = new double[dim * dim];
        double[] c = new double[dim];
        for (int i = 0; i < n; i++) {
            int o = (rows.first() + sampled(i, n, count)) * dim;
            for (int k = 0; k < dim; k++) c[k] = x[o + k] - mean[k];
            for (int a = 0; a < dim; a++) {
                double ca = c[a];
                int ro = a * dim;
                for (int b = a; b < dim; b++) cov[ro + b] += ca * c[b];
            }
        }
        for (int a = 0; a < dim; a++)
            for (int b = 0; b < a; b++) cov[a * dim + b] = cov[b * dim + a];
        int m = Math.min(axes, dim);
        double[] basis = new double[m * dim];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (n > 1 && eig.decompose(new DMatrixRMaj(dim, dim, true, cov))) {
            Integer[] order = new Integer[dim];
            double[] val = new double[dim];
            for (int i = 0; i < dim; i++) {
                order[i] = i;
                val[i] = eig.getEigenvalue(i).getReal();
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(val[q], val[p]));
            for (int a = 0; a < m; a++) {
                DMatrixRMaj v = eig.getEigenVector(order[a]);
                double norm = 0;
                for (int k = 0; k < dim; k++) norm += v.get(k) * v.get(k);
                norm = Math.sqrt(norm);
                for (int k = 0; k < dim; k++) basis[a * dim + k] = v.get(k) / norm;
            }
        } else {
            for (int a = 0; a < m; a++) basis[a * dim + a] = 1.0; // coordinate axes are orthonormal too
        }
        return new Projection(dim, m, mean, basis);
    }

    /** The i-th of n rows spread evenly over count. */
    private static int sampled(int i, int n, int count) {
        return (int) ((long) i * count / n);
    }

    /** Projects row {@code r} of {@code x} (row-major, this dim) into {@code out[o .. o+axes)}. */
    void project(double[] x, int r, double[] out, int o) {
        int xo = r * dim;
        for (int a = 0; a < axes; a++) {
            int bo = a * dim;
            // Four partial sums: one sequential chain per axis would be latency-bound.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int k = 0;
            for (; k + 4 <= dim; k += 4) {
                s0 = Math.fma(basis[bo + k], x[xo + k] - mean[k], s0);
                s1 = Math.fma(basis[bo + k + 1], x[xo + k + 1] - mean[k + 1], s1);
                s2 = Math.fma(basis[bo + k + 2], x[xo + k + 2] - mean[k + 2], s2);
                s3 = Math.fma(basis[bo + k + 3], x[xo + k + 3] - mean[k + 3], s3);
            }
            for (; k < dim; k++) s0 = Math.fma(basis[bo + k], x[xo + k] - mean[k], s0);
            out[o + a] = (s0 + s1) + (s2 + s3);
        }
    }
}
