package io.atomcover.backend.cpu;



/**
 * The per-tile arithmetic of {@link CpuPrefixSession}: dot products of one row against a leaf panel,
 * and the kernel terms of a row against a leaf's columns with row and column sums. The distance
 * arithmetic is that of {@link CpuKdeBackend} (bit-identical dot products, d² clamped at 0), the
 * exponential its fast exp with the shift fixed at 0.
 */
final class PrefixKernel {
    /** Lowest exponent evaluated: terms further out are e^-708 ≈ 3e-308 instead. */
    static final double CLAMP = FastExp.MIN_NORMAL_ARG;

    private PrefixKernel() {
    }

    /**
     * Terms e_j = exp(max(-d²_j·c, CLAMP)), c = 1/(2h²), of one row (dot products {@code dot},
     * squared norm nq) against the leaf columns j (squared norms nr): returns Σ e_j·rm[o+j] and
     * adds e_j to col[o + j]. pp and kk are scratch of nb entries. Same split as
     * {@link CpuKdeBackend#fastTerms}: a vector loop for the polynomial, a scalar one for 2^k and
     * the sums.
     */
    static double terms(double[] dot, double[] nr, int nb, double nq, double c, double[] pp, double[] kk, double[] rm, double[] col,
                        int o) {
        for (int j = 0; j < nb; j++) {
            double d2 = Math.max(nq + nr[j] - 2.0 * dot[j], 0.0);
            double t = Math.max(-d2 * c, CLAMP);
            double k = Math.fma(t, FastExp.LOG2E, FastExp.ROUND) - FastExp.ROUND;
            double r = Math.fma(k, -FastExp.LN2_HI, t);
            r = Math.fma(k, -FastExp.LN2_LO, r);
            pp[j] = FastExp.poly(r);
            kk[j] = k;
        }
        double row0 = 0;
        double row1 = 0;
        int j = 0;
        for (; j + 1 < nb; j += 2) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            double e1 = pp[j + 1] * FastExp.pow2(kk[j + 1]);
            row0 = Math.fma(e0, rm[o + j], row0);
            row1 = Math.fma(e1, rm[o + j + 1], row1);
            col[o + j] += e0;
            col[o + j + 1] += e1;
        }
        if (j < nb) {
            double e0 = pp[j] * FastExp.pow2(kk[j]);
            row0 = Math.fma(e0, rm[o + j], row0);
            col[o + j] += e0;
        }
        return row0 + row1;
    }
}
