package io.atomcover.backend.cpu;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastExpTest {

    @Test
    void matchesMathExpOverTheKernelRange() {
        SplittableRandom rnd = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = i < 1_000_000 ? -745.0 * rnd.nextDouble() : -60.0 * rnd.nextDouble();
            double ref = Math.exp(x);
            double got = FastExp.exp(x);
            if (ref == 0) {
                assertEquals(0.0, got);
                continue;
            }
            double rel = Math.abs(got / ref - 1);
            if (x >= FastExp.MIN_NORMAL_ARG) worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-15 || (x < FastExp.MIN_NORMAL_ARG && Math.abs(got - ref) <= Double.MIN_VALUE * 2),
                    () -> "exp(" + x + ") = " + got + " vs " + ref);
        }
        assertTrue(worst > 0, "the polynomial path was exercised");
    }

    @Test
    void exactAtZeroAndHalfIntegers() {
        assertEquals(1.0, FastExp.exp(0.0));
        assertEquals(1.0, FastExp.exp(-0.0));
        for (int k = 1; k <= 60; k++) {
            double x = -k * Math.log(2);
            assertEquals(Math.exp(x), FastExp.exp(x), Math.exp(x) * 1e-15);
        }
    }

    @Test
    void arrayKernelMatchesScalarExp() {
        // fastTerms: sum of e^{max(z - m, CLAMP)} over a row; compare with FastExp.exp term by term.
        int nb = 61;
        double[] dot = new double[nb];
        double[] nr = new double[nb];
        SplittableRandom rnd = new SplittableRandom(3);
        double nq = 0.3;
        double c = 1 / (2 * 0.015 * 0.015);
        double expect = 0;
        double[] col = new double[nb];
        double[] colExpect = new double[nb];
        for (int j = 0; j < nb; j++) {
            nr[j] = 0.3 + 0.01 * rnd.nextDouble();
            dot[j] = 0.3 - 0.005 * rnd.nextDouble();
            double d2 = Math.max(nq + nr[j] - 2 * dot[j], 0);
            double t = Math.max(-d2 * c - 0.5, TileKernel.CLAMP);
            colExpect[j] = FastExp.exp(t);
            expect += colExpect[j];
        }
        double got = TileKernel.fastTerms(dot, nr, nb, nq, c, 0.5, new double[nb], new double[nb], col);
        assertEquals(expect, got, expect * 1e-14);
        for (int j = 0; j < nb; j++) assertEquals(colExpect[j], col[j], 0.0);
    }
}
