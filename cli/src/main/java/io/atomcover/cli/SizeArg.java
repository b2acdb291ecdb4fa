package io.atomcover.cli;

import io.atomcover.select.SelectionSize;
import java.util.Locale;

/**
 * A size as typed after {@code -s}: a whole number is a count of structures ({@code 21}), a number
 * followed by {@code %} a percentage of the dataset ({@code 10%}, {@code 100%}), and a decimal
 * between 0 and 1 a fraction ({@code 0.1}, rounded half to even as NumPy does). A decimal of 1 or
 * more ({@code 1.0}, {@code 2.5}) is refused: {@code 1.0} read as a count selects one structure while
 * it reads like "all of them".
 *
 * @param text      the size as typed
 * @param count     the count, or 0 for a fraction
 * @param fraction  the fraction (a percentage over 100), or 0 for a count
 */
record SizeArg(String text, int count, double fraction) {
    /** How a size may be written, for messages and --help. */
    static final String RULE = "a whole count (21), a percentage (10%) or a fraction between 0 and 1 (0.1)";

    /**
     * Parses a size.
     *
     * @param option the option's name, for messages
     * @throws IllegalArgumentException with a one-line message and a hint
     */
    static SizeArg parse(String option, String text) {
        String t = text.strip();
        if (t.matches("\\d+")) {
            long n;
            try {
                n = Long.parseLong(t);
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n < 1) throw new IllegalArgumentException(option + " must be " + RULE + ", got " + text);
            return new SizeArg(t, (int) Math.min(n, Integer.MAX_VALUE), 0);
        }
        if (t.endsWith("%")) {
            double p = number(option, text, t.substring(0, t.length() - 1));
            if (!(p > 0) || p > 100) throw new IllegalArgumentException(option + " " + text + ": a percentage must be above 0% and at most 100%");
            return new SizeArg(t, 0, p / 100);
        }
        double v = number(option, text, t);
        if (!(v > 0)) throw new IllegalArgumentException(option + " must be " + RULE + ", got " + text);
        if (v < 1) return new SizeArg(t, 0, v);
        if (v == Math.rint(v) && v < 1e9) {
            long n = (long) v;
            throw new IllegalArgumentException(option + " " + text + " is ambiguous: write " + n + " for " + (n == 1 ? "one structure" : n + " structures")
                    + " or 100% for all");
        }
        throw new IllegalArgumentException(option + " " + text + ": a count of structures must be whole, and a fraction lies between 0 and 1 "
                + "(or write a percentage such as 25%)");
    }

    private static double number(String option, String text, String digits) {
        try {
            double v = Double.parseDouble(digits);
            if (Double.isFinite(v) && !digits.matches("(?i).*[a-z&&[^e]].*")) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be " + RULE + ", got '" + text + "'");
    }

    /** Whether the size is a count rather than a share of the dataset. */
    boolean isCount() {
        return count > 0;
    }

    /**
     * The number of structures out of {@code total}.
     *
     * @throws IllegalArgumentException for a count above {@code total}
     */
    int resolve(int total) {
        if (isCount()) return SelectionSize.resolve(count, total);
        if (fraction >= 1) return total;
        return SelectionSize.resolve(fraction, total);
    }

    /** The size as a number for reports: the count, or the fraction of the dataset. */
    double requested() {
        return isCount() ? count : fraction;
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
