package io.atomcover.cli;

import io.atomcover.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Log-log learning-curve plots (MAE against training-set size), written as PNG or SVG. */
final class CurvePlot {
    /** One line of the plot. */
    record Line(String name, double[] sizes, double[] mae) {
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

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
     * Draws the lines and writes the chart to {@code file} (format from the extension) atomically.
     * Lines of the same name are told apart as {@link #distinct} does.
     */
    static void write(Path file, String title, String yTitle, List<Line> lines) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(600).title(title)
                .xAxisTitle("Training set size N").yAxisTitle(yTitle).build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setMarkerSize(8);
        st.setXAxisDecimalPattern("0");
        st.setYAxisDecimalPattern("0.##");
        List<String> names = lines.stream().map(Line::name).toList();
        names = distinct(names, names);
        int c = 0;
        for (Line l : lines) {
            double[] y = l.mae().clone();
            // A log axis cannot show 0; an exact prediction is drawn at the bottom of the scale.
            for (int i = 0; i < y.length; i++) if (!(y[i] > 0)) y[i] = 1e-3;
            XYSeries s = chart.addSeries(names.get(c), l.sizes(), y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(COLORS[c % COLORS.length]);
            s.setMarkerColor(COLORS[c % COLORS.length]);
            s.setLineStyle(new BasicStroke(2f));
            c++;
        }
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        AtomicFiles.write(file, out -> {
            if (svg) VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            else BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        });
    }
}
