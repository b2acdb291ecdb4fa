package io.atomcover.util;


/** Log-space arithmetic. */
public final class LogSpace {
    private LogSpace() {
    }

    /** log(e^a + e^b), exact for infinite arguments. */
    public static double addExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        if (b == Double.NEGATIVE_INFINITY) return a;
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }
}
