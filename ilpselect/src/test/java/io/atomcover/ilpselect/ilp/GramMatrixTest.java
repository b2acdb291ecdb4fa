package io.atomcover.ilpselect.ilp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GramMatrixTest {
    private static double[] ejml(double[] g, int n, int dim) {
        DMatrixRMaj a = DMatrixRMaj.wrap(n, dim, g);
        DMatrixRMaj c = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransA(a, a, c);
        return c.data;
    }

    @Test
    void sameBitsAsEjmlMultTransA() {
        SplittableRandom random = new SplittableRandom(11);
        // shapes around the block size, a single row, a single column, and the QM7 width
        int[][] shapes = {{1, 5}, {7, 1}, {50, 31}, {50, 32}, {40, 33}, {130, 97}, {300, 720}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int dim = shape[1];
            double[] g = new double[n * dim];
            for (int i = 0; i < g.length; i++) g[i] = random.nextInt(5) == 0 ? 0 : (random.nextDouble() - 0.3) * Math.exp(8 * random.nextDouble());
            double[] expected = ejml(g.clone(), n, dim);
            double[] actual = GramMatrix.of(g, n, dim);
            for (int i = 0; i < expected.length; i++)
                assertArrayEquals(new long[] {Double.doubleToRawLongBits(expected[i])}, new long[] {Double.doubleToRawLongBits(actual[i])},
                        n + " × " + dim + ", entry " + i);
        }
    }
}
