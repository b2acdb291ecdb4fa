package io.atomcover.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.descriptor.Descriptors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared pair arithmetic against plain brute-force loops written out here. */
class PairDistancesTest {
    private static final int[] DIMS = {1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 720};

    private static double[] rows(SplittableRandom r, int n, int dim) {
        double[] x = new double[n * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-3, 3) * Math.pow(10, r.nextInt(-4, 3));
        return x;
    }

    /** Σ (a_k - b_k)² added left to right, the order every in-order caller relies on. */
    private static double inOrder(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += (a[i * dim + k] - b[j * dim + k]) * (a[i * dim + k] - b[j * dim + k]);
        return s;
    }

    /** The four-lane order written out: lane k mod 4 over whole groups of four, the tail into lane 0. */
    private static double fourLanes(double[] a, int i, double[] b, int j, int dim) {
        double[] lane = new double[4];
        int whole = dim / 4 * 4;
        for (int k = 0; k < whole; k++) {
            double e = a[i * dim + k] - b[j * dim + k];
            lane[k % 4] += e * e;
        }
        for (int k = whole; k < dim; k++) {
            double e = a[i * dim + k] - b[j * dim + k];
            lane[0] += e * e;
        }
        return (lane[0] + lane[1]) + (lane[2] + lane[3]);
    }

    /** The squared distance summed exactly (BigDecimal), then rounded once: independent of any order. */
    private static double exactSquared(double[] a, int i, double[] b, int j, int dim) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (int k = 0; k < dim; k++) {
            java.math.BigDecimal e = new java.math.BigDecimal(a[i * dim + k]).subtract(new java.math.BigDecimal(b[j * dim + k]));
            s = s.add(e.multiply(e));
        }
        return s.doubleValue();
    }

    @Test
    void squaredDistanceIsTheInOrderSumBitForBit() {
        SplittableRandom r = new SplittableRandom(1);
        for (int dim : DIMS) {
            double[] a = rows(r, 5, dim), b = rows(r, 4, dim);
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 4; j++) {
                    double got = PairDistances.squaredDistance(a, i, b, j, dim);
                    assertEquals(Double.doubleToRawLongBits(inOrder(a, i, b, j, dim)), Double.doubleToRawLongBits(got), "dim " + dim);
                    assertEquals(Double.doubleToRawLongBits(got), Double.doubleToRawLongBits(PairDistances.squaredDistance(b, j, a, i, dim)));
                    double exact = exactSquared(a, i, b, j, dim);
                    assertEquals(exact, got, 1e-13 * exact);
                }
        }
    }

    @Test
    void unrolledDistanceIsTheFourLaneSumBitForBit() {
        SplittableRandom r = new SplittableRandom(2);
        for (int dim : DIMS) {
            double[] a = rows(r, 3, dim), b = rows(r, 6, dim);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 6; j++) {
                    double got = PairDistances.squaredDistanceUnrolled(a, i, b, j, dim);
                    assertEquals(Double.doubleToRawLongBits(fourLanes(a, i, b, j, dim)), Double.doubleToRawLongBits(got), "dim " + dim);
                    double exact = exactSquared(a, i, b, j, dim);
                    assertEquals(exact, got, 1e-13 * exact);
                }
        }
    }

    @Test
    void rowsToOneRow() {
        SplittableRandom r = new SplittableRandom(3);
        int dim = 17;
        double[] a = rows(r, 9, dim), b = rows(r, 3, dim);
        int[] picked = {8, 0, 3, 3, 5};
        double[] out = new double[picked.length];
        PairDistances.squaredDistancesToRow(a, picked, b, 2, dim, out);
        for (int p = 0; p < picked.length; p++)
            assertEquals(Double.doubleToRawLongBits(inOrder(a, picked[p], b, 2, dim)), Double.doubleToRawLongBits(out[p]));
        double[] range = new double[6];
        PairDistances.squaredDistancesToRow(a, 2, 5, b, 1, dim, range);
        for (int p = 0; p < 5; p++)
            assertEquals(Double.doubleToRawLongBits(inOrder(a, 2 + p, b, 1, dim)), Double.doubleToRawLongBits(range[p]));
        assertEquals(0.0, range[5]);
        assertThrows(IllegalArgumentException.class, () -> PairDistances.squaredDistancesToRow(a, picked, b, 0, dim, new double[4]));
    }

    @Test
    void blockIsRowMajorFromTheOffsetAndLeavesTheRestAlone() {
        SplittableRandom r = new SplittableRandom(4);
        int dim = 30;
        double[] a = rows(r, 7, dim), b = rows(r, 8, dim);
        double[] out = new double[3 + 4 * 5 + 2];
        java.util.Arrays.fill(out, -1);
        PairDistances.squaredDistanceBlockUnrolled(a, 2, 4, b, 1, 5, dim, out, 3);
        for (int k = 0; k < 3; k++) assertEquals(-1, out[k]);
        for (int k = 23; k < out.length; k++) assertEquals(-1, out[k]);
        for (int p = 0; p < 4; p++)
            for (int q = 0; q < 5; q++)
                assertEquals(Double.doubleToRawLongBits(fourLanes(a, 2 + p, b, 1 + q, dim)), Double.doubleToRawLongBits(out[3 + p * 5 + q]));
    }

    @Test
    void gaussianSumOfStoredDistances() {
        double sigma = 1.7;
        double c = PairDistances.gaussianFactor(sigma);
        assertEquals(-1 / (2 * sigma * sigma), c, 1e-16);
        double[] d2 = {0.0, 0.3, 2.5, 11.0, 1e3, 4.0};
        double s = 0;
        for (int k = 1; k < 5; k++) s += Math.exp(-d2[k] / (2 * sigma * sigma));
        assertEquals(s, PairDistances.gaussianSum(d2, 1, 5, c), 1e-15 * s);
        assertEquals(0.0, PairDistances.gaussianSum(d2, 3, 3, c));
        assertEquals(1.0, PairDistances.gaussianSum(d2, 0, 1, c));
    }

    @Test
    void distanceSumsAreSumsOfEuclideanDistances() {
        SplittableRandom r = new SplittableRandom(5);
        int dim = 11;
        double[] x = rows(r, 12, dim);
        Descriptors d = new Descriptors(x, dim, new int[] {0, 5, 12});
        double[] out = new double[12];
        PairDistances.distanceSums(RowBlock.of(d), RowBlock.ofStructure(d, 0), out);
        for (int i = 0; i < 12; i++) {
            double want = 0;
            for (int j = 0; j < 5; j++) want += Math.sqrt(exactSquared(x, i, x, j, dim));
            // formed as sqrt(|q|² + |r|² - 2q·r): cancellation costs digits relative to the norms
            assertEquals(want, out[i], 1e-6 * (1 + want), "row " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> PairDistances.distanceSums(RowBlock.of(d), RowBlock.ofStructure(d, 0), new double[3]));
    }
}
