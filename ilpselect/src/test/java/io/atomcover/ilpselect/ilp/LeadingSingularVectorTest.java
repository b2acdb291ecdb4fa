package io.atomcover.ilpselect.ilp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class LeadingSingularVectorTest {
    /** Leading right singular vector from EJML's SVD, the first of equal singular values. */
    private static double[] svd(double[] c, int dim) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(dim, dim, false, true, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(dim, dim, c.clone())));
        double[] sv = svd.getSingularValues();
        int top = 0;
        for (int i = 1; i < svd.numberOfSingularValues(); i++) if (sv[i] > sv[top]) top = i;
        DMatrixRMaj vt = svd.getV(null, true);
        double[] v = new double[dim];
        System.arraycopy(vt.data, top * dim, v, 0, dim);
        return v;
    }

    /** |cos| of the angle between a and b, both unit. */
    private static double alignment(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return Math.abs(s);
    }

    /** GᵀG of random rows with shrinking columns, plus a small non-symmetric part as deflation leaves. */
    private static double[] gram(SplittableRandom random, int n, int dim) {
        double[] g = new double[n * dim];
        for (int m = 0; m < n; m++)
            for (int q = 0; q < dim; q++) g[m * dim + q] = random.nextDouble() * Math.pow(0.95, q);
        double[] c = GramMatrix.of(g, n, dim);
        for (int i = 0; i < c.length; i++) c[i] *= 1 + 1e-9 * (random.nextDouble() - 0.5);
        return c;
    }

    @Test
    void followsTheSvdThroughASequenceOfDeflations() {
        int dim = 80;
        SplittableRandom random = new SplittableRandom(3);
        double[] c = gram(random, 200, dim);
        LeadingSingularVector leading = new LeadingSingularVector(dim);
        double[] u = new double[dim];
        double[] cu = new double[dim];
        for (int step = 0; step < 40; step++) {
            double[] v = leading.compute(c);
            double[] expected = svd(c, dim);
            assertEquals(1, alignment(v, expected), 1e-11, "step " + step);
            // deflate by a random unit direction, as CurRanker does by the picked row
            double norm = 0;
            for (int q = 0; q < dim; q++) {
                u[q] = random.nextDouble() - 0.5;
                norm += u[q] * u[q];
            }
            for (int q = 0; q < dim; q++) u[q] /= Math.sqrt(norm);
            CurRanker.deflateGram(c, dim, u, cu);
            leading.deflate(u);
        }
        assertEquals(0, leading.fallbacks());
    }

    @Test
    void fallsBackToTheSvdWhenItRunsOutOfProducts() {
        int dim = 60;
        double[] c = gram(new SplittableRandom(5), 90, dim);
        LeadingSingularVector leading = new LeadingSingularVector(dim, 4, 12, 1e-13, 4);
        assertArrayEquals(svd(c, dim), leading.compute(c));
        assertEquals(1, leading.fallbacks());
    }

    @Test
    void aZeroMatrixGivesAUnitVector() {
        int dim = 10;
        LeadingSingularVector leading = new LeadingSingularVector(dim);
        double[] v = leading.compute(new double[dim * dim]);
        double norm = 0;
        for (double x : v) norm += x * x;
        assertEquals(1, norm, 1e-12);
    }

    @Test
    void aMatrixSmallerThanTheBasisIsSolvedExactly() {
        int dim = 5;
        double[] c = gram(new SplittableRandom(7), 9, dim);
        assertEquals(1, alignment(new LeadingSingularVector(dim).compute(c), svd(c, dim)), 1e-12);
    }
}
