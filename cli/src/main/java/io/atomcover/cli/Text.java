package io.atomcover.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Formatting of the human summaries (locale-independent, aligned "label  value" lines). */
final class Text {
    private static final int LABEL_WIDTH = 14;

    private Text() {
    }

    /** A value with 12 decimals: enough to compare entropies against reference values to 1e-10. */
    static String precise(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.12f", v);
    }

    /** Seconds with millisecond resolution. */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    /** A rate in engineering units: 1.23e6 becomes "1.23M". */
    static String rate(double perSecond) {
        String[] units = {"", "k", "M", "G", "T"};
        double v = perSecond;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g%s", v, units[u]);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** One aligned line of a summary. */
    static void line(PrintWriter out, String label, String value) {
        StringBuilder b = new StringBuilder(label);
        while (b.length() < LABEL_WIDTH) b.append(' ');
        out.println(b.append(value));
    }
}
