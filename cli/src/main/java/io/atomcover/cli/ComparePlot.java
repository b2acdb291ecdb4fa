package io.atomcover.cli;

import io.atomcover.api.Comparison.Cell;
import io.atomcover.api.Comparison.Metric;
import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import io.atomcover.select.SelectionMethod;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** The plot of {@code compare}: entropy, diversity and overlap against size, one line per method. */
final class ComparePlot {
    private ComparePlot() {
    }

    /** One panel per metric; one line per method through its mean at each size, with std error bars if seeded. */
    static List<Chart> panels(List<SelectionMethod> methods, List<Cell> cells, int seeds) {
        String[] titles = {"Entropy", "Diversity", "Overlap with the whole dataset"};
        String[] yLabels = {"entropy H (nats)", "diversity D (nats)", "overlap (fraction of environments)"};
        Color[] palette = {new Color(31, 119, 180), new Color(148, 103, 189), new Color(255, 127, 14), new Color(44, 160, 44),
                new Color(214, 39, 40), new Color(127, 127, 127), new Color(140, 86, 75)};
        List<Chart> panels = new ArrayList<>();
        for (Metric k : Metric.values()) {
            Chart chart = Plots.panel(titles[k.ordinal()], seeds > 1 ? Plots.STRUCTURES + "; bars: ± std over seeds" : Plots.STRUCTURES,
                    yLabels[k.ordinal()], 640);
            chart.x().min(0.0).counts();
            int colour = 0;
            for (SelectionMethod m : methods) {
                List<Cell> mine = new ArrayList<>();
                for (Cell c : cells) if (c.method() == m) mine.add(c);
                mine.sort((a, b) -> Integer.compare(a.size(), b.size()));
                double[] x = new double[mine.size()];
                double[] y = new double[mine.size()];
                double[] err = new double[mine.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = mine.get(i).size();
                    y[i] = mine.get(i).mean(k);
                    err[i] = mine.get(i).std(k);
                }
                Series s = chart.add(new Series(m.id(), x, y)).color(palette[colour++ % palette.length]).marker(Marker.CIRCLE);
                if (m.seeded() && seeds > 1) s.errors(err);
                // Often identical to msc: dashed, so that msc stays visible underneath.
                if (m == SelectionMethod.MSC_COMPAT) s.dashed().marker(Marker.DIAMOND);
            }
            panels.add(chart);
        }
        return panels;
    }
}
