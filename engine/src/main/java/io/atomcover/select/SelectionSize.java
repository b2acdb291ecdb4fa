package io.atomcover.select;

/** Turns a requested size (a fraction or a count) into a number of structures. */
public final class SelectionSize {
    private SelectionSize() {
    }

    /**
     * A fraction {@code 0 < s < 1} means {@code round(s·total)} with halves rounded to even, as NumPy
     * does (0.25 × 194 → 48); {@code s ≥ 1} must be a whole count not above {@code total}.
     *
     * @throws IllegalArgumentException for s ≤ 0, a non-integral count or a count above total
     */
    public static int resolve(double s, int total) {
        if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("size must be positive, got " + s);
        if (s < 1) return (int) Math.rint(s * total);
        if (s != Math.rint(s)) throw new IllegalArgumentException("a size of 1 or more is a count and must be whole, got " + s);
        if (s > total) throw new IllegalArgumentException("size " + (long) s + " exceeds the " + total + " structures available");
        return (int) s;
    }
}
