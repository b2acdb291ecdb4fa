package io.atomcover.cli;

import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Log-log learning-curve plots (MAE in kcal/mol against training-set size), written as PNG or SVG. */
final class CurvePlot {
    /** One line of the plot; {@code std} (or null) draws error bars of ± std around each value. */
    record Line(String name, double[] sizes, double[] mae, double[] std) {
        Line(String name, double[] sizes, double[] mae) {
            this(name, sizes, mae, null);
        }
    }

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
     * The chart: log-log axes, one line with markers per curve. A value of 0 (an exact prediction)
     * cannot be shown on a log axis and is left out of its line.
     */
    static Chart chart(String title, String yTitle, List<Line> lines) {
        Chart chart = new Chart(title, 800, 600);
        chart.x().title(SIZES).log().counts();
        chart.y().title(yTitle).log();
        List<String> names = lines.stream().map(Line::name).toList();
        names = distinct(names, names);
        for (int c = 0; c < lines.size(); c++) {
            Line l = lines.get(c);
            Series s = chart.add(new Series(names.get(c), l.sizes(), l.mae())).color(Plots.COLORS[c % Plots.COLORS.length])
                    .marker(Marker.CIRCLE);
            if (l.std() != null) s.errors(l.std());
        }
        return chart;
    }

    /** Draws the chart and writes it to {@code file} (format from the extension) atomically. */
    static void write(Path file, String title, String yTitle, List<Line> lines) throws IOException {
        Plots.write(file, List.of(chart(title, yTitle, lines)), 1);
    }
}
