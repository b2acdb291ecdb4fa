package io.atomcover.cli.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where an axis gets its ticks and what their labels say. Candidate tick sets run from the densest
 * to the sparsest, and the densest whose labels keep clear of each other wins:
 * <ul>
 *   <li>linear axes: steps 1, 2 or 5 times a power of ten;</li>
 *   <li>logarithmic axes: 1…9, then 1-2-5, then 1 times every power of ten (so a narrow range is
 *       labelled between decades and a wide one at every decade), and, over less than about 0.6 of a
 *       decade, the linear steps; unlabelled minor ticks at 1…9 times each power of ten.</li>
 * </ul>
 */
public final class Ticks {
    private static final int[][] MANTISSAS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1}};

    private Ticks() {
    }

    /**
     * The ticks of an axis from {@code lo} to {@code hi} drawn {@code length} pixels long.
     *
     * @param counts whether only whole numbers may be ticks (the axis counts something)
     * @param extent the room a label takes along the axis (its width on an x axis, its height on a y axis)
     * @param gap the least free room between two labels
     */
    public static List<Tick> choose(double lo, double hi, boolean log, boolean counts, double length, ToDoubleFunction<String> extent,
                                    double gap) {
        List<List<Tick>> candidates = new ArrayList<>();
        for (List<Tick> c : log ? logCandidates(lo, hi) : linearCandidates(lo, hi)) {
            if (counts) c = c.stream().filter(t -> t.value() == Math.rint(t.value())).toList();
            if (!c.isEmpty()) candidates.add(c);
        }
        List<Tick> best = null;
        for (List<Tick> c : candidates) {
            if (c.size() < 2) continue;
            if (fits(c, lo, hi, log, length, extent, gap)) {
                best = c;
                break;
            }
        }
        if (best == null) {
            // Nothing keeps its labels apart: the sparsest set with a label, or the two ends.
            for (int i = candidates.size() - 1; i >= 0 && best == null; i--)
                if (!candidates.get(i).isEmpty()) best = candidates.get(i);
            if (best == null) best = List.of(new Tick(lo, format(lo)), new Tick(hi, format(hi)));
        }
        return log ? withMinorTicks(best, lo, hi) : best;
    }

    /** Labelled ticks at the given values that lie between lo and hi, ascending. */
    public static List<Tick> at(double[] values, double lo, double hi) {
        return java.util.Arrays.stream(values).filter(v -> v >= lo && v <= hi).sorted().distinct()
                .mapToObj(v -> new Tick(v, format(v))).toList();
    }

    /** Position of {@code v} along an axis from lo to hi, as a fraction (0 at lo, 1 at hi). */
    public static double fraction(double v, double lo, double hi, boolean log) {
        if (log) return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return (v - lo) / (hi - lo);
    }

    private static boolean fits(List<Tick> ticks, double lo, double hi, boolean log, double length, ToDoubleFunction<String> extent,
                                double gap) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1), b = ticks.get(i);
            double d = (fraction(b.value(), lo, hi, log) - fraction(a.value(), lo, hi, log)) * length;
            if (d < (extent.applyAsDouble(a.label()) + extent.applyAsDouble(b.label())) / 2 + gap) return false;
        }
        return true;
    }

    /** Steps 1, 2, 5 x 10^e from fine to coarse, each as the ticks it puts between lo and hi. */
    static List<List<Tick>> linearCandidates(double lo, double hi) {
        List<List<Tick>> out = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) return out;
        int top = (int) Math.floor(Math.log10(span));
        for (int e = top - 3; e <= top + 1; e++) {
            for (int m : new int[] {1, 2, 5}) {
                BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(e);
                double s = step.doubleValue();
                long first = (long) Math.ceil(lo / s - 1e-9);
                long last = (long) Math.floor(hi / s + 1e-9);
                if (last - first > 60) continue;
                List<Tick> ticks = new ArrayList<>();
                for (long k = first; k <= last; k++) {
                    BigDecimal v = step.multiply(BigDecimal.valueOf(k));
                    ticks.add(new Tick(v.doubleValue(), plain(v)));
                }
                out.add(ticks);
            }
        }
        return out;
    }

    /** Mantissa sets from dense to sparse, then every 2nd, 3rd, 5th, 10th power of ten; linear steps first over a narrow range. */
    static List<List<Tick>> logCandidates(double lo, double hi) {
        List<List<Tick>> out = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo)) return out;
        double decades = Math.log10(hi / lo);
        if (decades < 0.6) {
            for (List<Tick> c : linearCandidates(lo, hi)) {
                List<Tick> positive = new ArrayList<>();
                for (Tick t : c) if (t.value() > 0) positive.add(t);
                out.add(positive);
            }
        }
        int e0 = (int) Math.floor(Math.log10(lo)) - 1;
        int e1 = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int[] ms : MANTISSAS) out.add(powers(ms, 1, e0, e1, lo, hi));
        for (int stride : new int[] {2, 3, 5, 10}) out.add(powers(new int[] {1}, stride, e0, e1, lo, hi));
        return out;
    }

    private static List<Tick> powers(int[] mantissas, int stride, int e0, int e1, double lo, double hi) {
        List<Tick> ticks = new ArrayList<>();
        for (int e = e0; e <= e1; e++) {
            if (Math.floorMod(e, stride) != 0) continue;
            for (int m : mantissas) {
                double v = m * Math.pow(10, e);
                if (inside(v, lo, hi)) ticks.add(new Tick(v, power(m, e)));
            }
        }
        return ticks;
    }

    private static boolean inside(double v, double lo, double hi) {
        double eps = 1e-9 * Math.abs(hi - lo);
        return v >= lo - eps && v <= hi + eps;
    }

    /** The labelled ticks, and a minor tick at every other 1…9 x 10^e in range (up to six decades). */
    private static List<Tick> withMinorTicks(List<Tick> major, double lo, double hi) {
        if (Math.log10(hi / lo) > 6) return major;
        List<Tick> all = new ArrayList<>(major);
        int e0 = (int) Math.floor(Math.log10(lo)) - 1;
        int e1 = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int e = e0; e <= e1; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (!inside(v, lo, hi)) continue;
                boolean taken = false;
                for (Tick t : major) taken |= Math.abs(t.value() - v) <= 1e-9 * v;
                if (!taken) all.add(new Tick(v, null));
            }
        }
        all.sort((a, b) -> Double.compare(a.value(), b.value()));
        return all;
    }

    /** m x 10^e as "0.002", "50", "2000", or "10⁻⁵", "2×10⁶" outside 10^-3 .. 10^4. */
    static String power(int m, int e) {
        if (e >= -3 && e <= 4) return plain(BigDecimal.valueOf(m).scaleByPowerOfTen(e));
        return (m == 1 ? "" : m + "×") + "10" + superscript(e);
    }

    /** A value as a label: plain digits without trailing zeros ("0.25", "100", "-3"). */
    public static String format(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return plain(new BigDecimal(v).round(new java.math.MathContext(6, RoundingMode.HALF_EVEN)));
    }

    private static String plain(BigDecimal v) {
        if (v.signum() == 0) return "0";
        String s = v.stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) b.append(digits.charAt(c - '0'));
        return b.toString();
    }
}
