package io.atomcover.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atomcover.backend.RowBlock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelProbeTest {
    @Test
    void everyPairIsSummedOnceWhateverTheStrip() {
        int dim = 63;
        int nq = 203;
        int nr = 517;
        double h = 0.15;
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[(nq + nr) * dim];
        for (int i = 0; i < x.length; i++) x[i] = 0.1 * rnd.nextDouble();
        RowBlock query = new RowBlock(x, dim, 0, nq);
        RowBlock ref = new RowBlock(x, dim, nq, nr);
        // Brute-force oracle: plain differences and Math.exp, with the probe's lower clamp.
        double expect = 0;
        for (int i = 0; i < nq; i++)
            for (int j = 0; j < nr; j++) {
                double d2 = 0;
                for (int k = 0; k < dim; k++) {
                    double v = x[i * dim + k] - x[(nq + j) * dim + k];
                    d2 += v * v;
                }
                expect += Math.exp(Math.max(-d2 / (2 * h * h), TileKernel.CLAMP));
            }
        for (int strip : new int[] {1, 64, 100, 256, 1000}) {
            KernelProbe probe = new KernelProbe(query, ref, h, strip);
            assertEquals((long) nq * nr, probe.pairs());
            assertEquals(expect, probe.run(), expect * 1e-12, "strip " + strip);
        }
    }
}
