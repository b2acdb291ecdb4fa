package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.atomcover.util.ProgressListener;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class KrrTest {
    @Test
    void choleskySolveMatchesADirectLuSolve() {
        int n = 40;
        LocalReps train = LocalReps.of(KrrFixtures.moleculeReps().select(LocalKernelTest.range(n)),
                KrrFixtures.atomicNumbers(KrrFixtures.molecules().structures().subList(0, n)), true);
        LocalReps none = LocalReps.of(KrrFixtures.targetReps(), java.util.List.of(KrrFixtures.sildenafil().atomicNumbers()), true);
        KernelBlocks blocks = KernelBlocks.compute(train, none, 1, ProgressListener.NONE);
        double[] k = new double[n * n];
        blocks.gram(10.0, n, k, 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = KrrFixtures.referenceLabel(KrrFixtures.molecules().get(i));
        double lambda = 1e-3;

        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i][j] = k[i * n + j];
            a[i][i] += lambda;
        }
        RealVector want = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(y));
        double[] alpha = Krr.train(k, n, y, lambda);
        assertNotNull(alpha);
        double scale = want.getLInfNorm();
        for (int i = 0; i < n; i++) assertEquals(want.getEntry(i), alpha[i], 1e-9 * scale, "alpha " + i);

        // The sub-matrix form picks the same rows.
        int[] rows = {3, 0, 7, 21, 30, 12};
        double[][] sub = new double[rows.length][rows.length];
        double[] ys = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows.length; c++) sub[r][c] = k[rows[r] * n + rows[c]];
            sub[r][r] += lambda;
            ys[r] = y[rows[r]];
        }
        RealVector wantSub = new LUDecomposition(new Array2DRowRealMatrix(sub)).getSolver().solve(new ArrayRealVector(ys));
        double[] alphaSub = Krr.train(k, n, rows, y, lambda);
        for (int r = 0; r < rows.length; r++) assertEquals(wantSub.getEntry(r), alphaSub[r], 1e-9 * wantSub.getLInfNorm());
        // Prediction of row 5 from the sub-model: a dot product.
        double p = 0;
        for (int c = 0; c < rows.length; c++) p += k[5 * n + rows[c]] * alphaSub[c];
        assertEquals(p, Krr.predict(k, 5 * n, rows, alphaSub), 1e-12 * Math.abs(p));
    }

    @Test
    void indefiniteMatrixIsReportedAsNull() {
        double[] k = {1, 2, 2, 1}; // eigenvalues 3 and -1
        assertNull(Krr.train(k, 2, new double[] {1, 1}, 1e-9));
        assertNotNull(Krr.train(k, 2, new double[] {1, 1}, 1.5));
    }
}
