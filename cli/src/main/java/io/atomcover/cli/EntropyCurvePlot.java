package io.atomcover.cli;

import io.atomcover.metrics.EntropyCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The entropy curve as one panel: mean entropy with ±std error bars against the sampled fraction. */
final class EntropyCurvePlot {
    private EntropyCurvePlot() {
    }

    static void write(Path file, EntropyCurve curve, String name) throws IOException {
        int n = curve.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            EntropyCurve.Point p = curve.points().get(i);
            x[i] = p.fraction();
            y[i] = p.mean();
            err[i] = p.std();
        }
        XYChart c = Plots.panel("Entropy of random samples of " + name, "fraction of the " + curve.population() + " environments",
                "entropy H (nats), mean \u00b1 std");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisDecimalPattern("0.##");
        c.getStyler().setYAxisDecimalPattern("0.###");
        c.getStyler().setErrorBarsColor(new Color(31, 119, 180));
        XYSeries s = c.addSeries("H over " + curve.points().get(0).entropies().length + " samples per fraction", x, y, err);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(new Color(31, 119, 180));
        s.setMarkerColor(new Color(31, 119, 180));
        s.setLineStyle(new BasicStroke(2f));
        Plots.write(file, List.of(c), 1);
    }
}
