package io.atomcover.cli;

import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Log-log learning-curve plots (MAE in kcal/mol against training-set size), written as PNG or SVG. */
final class CurvePlot {
    /**
     * One line of the plot; {@code std} (or null) draws error bars of ± std around each value.
     * {@code referenceOf} is -1, or for a published (reference) curve the index of the line it is the
     * paper's version of: drawn dashed, in that line's colour and marker.
     */
    record Line(String name, double[] sizes, double[] mae, double[] std, int referenceOf) {
        Line(String name, double[] sizes, double[] mae) {
            this(name, sizes, mae, null, -1);
        }

        Line(String name, double[] sizes, double[] mae, double[] std) {
            this(name, sizes, mae, std, -1);
        }
    }

    /** One marker per method, cycled, so that lines stay apart in grey print too. */
    private static final Marker[] MARKERS = {Marker.CIRCLE, Marker.SQUARE, Marker.DIAMOND};

    /** The x axis title of learning curves. */
    static final String SIZES = "training set size N (molecules)";

    private CurvePlot() {
    }

    /**
     * Names that tell curves apart: each curve's name, or its fallback when another curve has the
     * same name; whatever still repeats gets " (2)", " (3)", ... The plot's legend needs them distinct.
     */
    static List<String> distinct(List<String> names, List<String> fallbacks) {
        Map<String, Integer> uses = new HashMap<>();
        for (String n : names) uses.merge(n, 1, Integer::sum);
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = uses.get(names.get(i)) > 1 ? fallbacks.get(i) : names.get(i);
            String unique = n;
            for (int k = 2; taken.contains(unique); k++) unique = n + " (" + k + ")";
            taken.add(unique);
            out.add(unique);
        }
        return out;
    }

    /**
     * The chart: log-log axes, one colour and marker per curve (a published curve dashed in the colour
     * and marker of its own). A value of 0 (an exact prediction) cannot be shown on a log axis and is
     * left out of its line.
     */
    static Chart chart(String title, String yTitle, List<Line> lines) {
        return chart(title, yTitle, lines, false);
    }

    /**
     * The chart in the ILPSelect paper's style: as {@link #chart(String, String, List)}, and when
     * {@code ticksAtSizes} and every size is a power of two (16, 32, ..., 1024), the x axis labelled
     * at exactly those sizes, as the paper's figures are.
     */
    static Chart chart(String title, String yTitle, List<Line> lines, boolean ticksAtSizes) {
        Chart chart = new Chart(title, 800, 600);
        chart.x().title(SIZES).log().counts();
        double[] sizes = lines.stream().flatMapToDouble(l -> Arrays.stream(l.sizes())).distinct().sorted().toArray();
        if (ticksAtSizes && sizes.length >= 2 && Arrays.stream(sizes).allMatch(CurvePlot::powerOfTwo)) chart.x().ticksAt(sizes);
        chart.y().title(yTitle).log();
        List<String> names = lines.stream().map(Line::name).toList();
        names = distinct(names, names);
        int[] style = new int[lines.size()];
        for (int c = 0, own = 0; c < lines.size(); c++) style[c] = lines.get(c).referenceOf() < 0 ? own++ : -1;
        for (int c = 0; c < lines.size(); c++) {
            Line l = lines.get(c);
            int k = l.referenceOf() < 0 ? style[c] : style[l.referenceOf()];
            Series s = chart.add(new Series(names.get(c), l.sizes(), l.mae())).color(Plots.COLORS[k % Plots.COLORS.length])
                    .marker(MARKERS[k % MARKERS.length]);
            if (l.referenceOf() >= 0) s.dashed();
            if (l.std() != null) s.errors(l.std());
        }
        return chart;
    }

    private static boolean powerOfTwo(double v) {
        return v >= 1 && v == Math.rint(v) && Long.bitCount((long) v) == 1;
    }

    /** Draws the chart and writes it to {@code file} (format from the extension) atomically. */
    static void write(Path file, String title, String yTitle, List<Line> lines) throws IOException {
        Plots.write(file, List.of(chart(title, yTitle, lines)), 1);
    }

    /** As {@link #write}, in the paper's style ({@link #chart(String, String, List, boolean)} with ticks at the sizes). */
    static void writePaperStyle(Path file, String title, String yTitle, List<Line> lines) throws IOException {
        Plots.write(file, List.of(chart(title, yTitle, lines, true)), 1);
    }
}
