package io.atomcover.backend.cpu;


/**
 * Per-row accumulators of non-negative partial sums in 128-bit fixed point (unit 2^-96), so the
 * final row sums do not depend on the order in which tiles are added — the backend gives
 * bit-identical results for any thread count and any scheduling.
 *
 * <p>Every added value is truncated to a multiple of 2^-96 ≈ 1.3e-29 (partials are < 2^20 here),
 * which against row sums ≥ 1 (the shifted sums always hold a term equal to 1) is far below double
 * resolution. Capacity: totals below 2^31.
 */
final class ExactSums {
    private static final int SCALE = 96;
    private final long[] hi;
    private final long[] lo;

    ExactSums(int rows) {
        hi = new long[rows];
        lo = new long[rows];
    }

    /** Adds a finite value {@code 0 ≤ v < 2^20} to row r. Not synchronised: callers lock. */
    void add(int r, double v) {
        if (v == 0.0) return;
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & 0xFFFFFFFFFFFFFL;
        int e;
        if (biased == 0) {
            e = -1074;
        } else {
            mant |= 1L << 52;
            e = biased - 1075;
        }
        int s = e + SCALE; // v·2^96 = mant·2^s; v < 2^20 gives s ≤ 19 - 52 + 96 = 63
        long h;
        long l;
        if (s >= 0) {
            h = s == 0 ? 0 : mant >>> (64 - s);
            l = mant << s;
        } else if (s > -64) {
            h = 0;
            l = mant >>> -s;
        } else {
            return;
        }
        long nl = lo[r] + l;
        long carry = Long.compareUnsigned(nl, l) < 0 ? 1 : 0;
        lo[r] = nl;
        hi[r] += h + carry;
    }

    /** The accumulated value of row r, correctly rounded up to one ulp. */
    double get(int r) {
        long l = lo[r];
        double low = ((double) (l >>> 1) * 2.0 + (double) (l & 1)) * 0x1p-96;
        return (double) hi[r] * 0x1p-32 + low;
    }
}
