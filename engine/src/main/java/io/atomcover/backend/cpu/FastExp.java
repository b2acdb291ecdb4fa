package io.atomcover.backend.cpu;


/**
 * Exponential of non-positive arguments, for kernel terms. Range reduction {@code x = k·ln2 + r},
 * {@code |r| ≤ ln2/2}, then a degree-13 Taylor polynomial evaluated with FMA (truncation error
 * {@code r^14/14! < 5e-18}) and an exact scaling by {@code 2^k} through the exponent bits. Measured
 * against {@link Math#exp} the relative error stays below 1e-15 (tested over [-745, 0]).
 *
 * <p>The array form is split in two loops on purpose: the polynomial loop is pure floating-point
 * arithmetic and HotSpot C2 (JDK 17) compiles it to AVX2 vector FMAs; the bit manipulation for
 * {@code 2^k} does not vectorise on JDK 17 and stays in a short scalar loop done by the caller.
 */
final class FastExp {
    private FastExp() {
    }

    static final double LOG2E = 1.4426950408889634;
    /** ln 2 split in a high part with trailing zero bits (k·LN2_HI is exact for |k| < 2^11) and the rest. */
    static final double LN2_HI = 0.6931471803691238;
    static final double LN2_LO = 1.9082149292705877e-10;
    /** 1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to the nearest integer. */
    static final double ROUND = 6755399441055744.0;
    /** Below this the result is subnormal; {@link #exp} defers to {@link Math#exp} there. */
    static final double MIN_NORMAL_ARG = -708.0;

    private static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720,
            C7 = 1.0 / 5040, C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800,
            C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800.0;

    /** e^r for |r| ≤ ln2/2. */
    static double poly(double r) {
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        return Math.fma(p, r, 1.0);
    }

    /** 2^k for an integer-valued k in [-1022, 1023]. */
    static double pow2(double k) {
        return Double.longBitsToDouble(((long) k + 1023) << 52);
    }

    /** e^x; the polynomial path for {@code -708 ≤ x ≤ 0}, {@link Math#exp} elsewhere. */
    static double exp(double x) {
        if (!(x >= MIN_NORMAL_ARG && x <= 0.0)) return Math.exp(x);
        double k = Math.fma(x, LOG2E, ROUND) - ROUND;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        return poly(r) * pow2(k);
    }
}
