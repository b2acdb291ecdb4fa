package io.atomcover.cli;

import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import io.atomcover.metrics.EntropyCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        Chart c = Plots.panel("Entropy of random samples of " + name,
                "fraction of the " + curve.population() + " environments", "entropy H (nats), mean \u00b1 std");
        c.add(new Series("H over " + curve.points().get(0).entropies().length + " samples per fraction", x, y)
                .color(Plots.COLORS[0]).marker(Marker.CIRCLE).errors(err));
        Plots.write(file, List.of(c), 1);
    }
}
