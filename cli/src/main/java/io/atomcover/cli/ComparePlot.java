package io.atomcover.cli;

import io.atomcover.api.Comparison.Cell;
import io.atomcover.api.Comparison.Metric;
import io.atomcover.select.SelectionMethod;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plot of {@code compare}: entropy, diversity and overlap against size, one line per method. */
final class ComparePlot {
    private ComparePlot() {
    }

    /** One panel per metric; one line per method through its mean at each size, with std error bars if seeded. */
    static List<XYChart> panels(List<SelectionMethod> methods, List<Cell> cells, int seeds) {
        String[] titles = {"Entropy", "Diversity", "Overlap with the whole dataset"};
        String[] yLabels = {"entropy H (nats)", "diversity D (nats)", "overlap (fraction of environments)"};
        Color[] palette = {new Color(31, 119, 180), new Color(148, 103, 189), new Color(255, 127, 14), new Color(44, 160, 44),
                new Color(214, 39, 40), new Color(127, 127, 127), new Color(140, 86, 75)};
        List<XYChart> panels = new ArrayList<>();
        for (Metric k : Metric.values()) {
            XYChart chart = Plots.panel(titles[k.ordinal()], seeds > 1 ? "structures selected (error bars: std over seeds)"
                    : "structures selected", yLabels[k.ordinal()], 640);
            chart.getStyler().setErrorBarsColorSeriesColor(true);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisDecimalPattern("0.0##");
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
                String label = m.id();
                XYSeries s = m.seeded() && seeds > 1 ? chart.addSeries(label, x, y, err) : chart.addSeries(label, x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.CIRCLE);
                Color col = palette[colour++ % palette.length];
                s.setLineColor(col);
                s.setMarkerColor(col);
                if (m == SelectionMethod.MSC_COMPAT) {
                    // Often identical to msc: dashed, so that msc stays visible underneath.
                    s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                            10f, new float[] {6f, 4f}, 0f));
                    s.setMarker(SeriesMarkers.DIAMOND);
                }
            }
            panels.add(chart);
        }
        return panels;
    }
}
