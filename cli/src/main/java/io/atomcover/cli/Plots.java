package io.atomcover.cli;

import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Figure;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line's plots in the house style (panel size, colours, units in the axis titles),
 * drawn by {@link io.atomcover.cli.plot} and written as PNG or SVG.
 */
final class Plots {
    /** Size of one panel, in pixels (PNG) or points (SVG). */
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 420;

    /** Series colours, in order (matplotlib's tab10). */
    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    /** The x axis title of plots against the number of structures chosen. */
    static final String STRUCTURES = "structures selected (count)";

    private Plots() {
    }

    /** {@code OUT.png} with {@code -suffix} before the extension: {@code OUT-forces.png}. */
    static Path companion(Path plot, String suffix) {
        String name = plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        return plot.resolveSibling(base + "-" + suffix + ext);
    }

    /** An empty panel of the default size with a title and axis titles (name the units in them). */
    static Chart panel(String title, String xTitle, String yTitle) {
        return panel(title, xTitle, yTitle, PANEL_WIDTH);
    }

    /** An empty panel {@code width} wide with a title and axis titles. */
    static Chart panel(String title, String xTitle, String yTitle, int width) {
        Chart c = new Chart(title, width, PANEL_HEIGHT);
        c.x().title(xTitle);
        c.y().title(yTitle);
        return c;
    }

    /** Adds a plain line (no markers). */
    static Series line(Chart c, String name, double[] x, double[] y, Color color) {
        return c.add(new Series(name, x, y).color(color).marker(Marker.NONE));
    }

    /** Writes the panels as a grid with {@code columns} columns, row after row; cells take the first panel's size. */
    static void write(Path target, List<Chart> panels, int columns) throws IOException {
        Figure.write(target, panels, columns);
    }

    /**
     * Histogram of force magnitudes, the whole dataset against the selection, as step lines of the
     * fraction of atoms per bin on a logarithmic axis (the tails are what matters). Empty bins are
     * gaps: a logarithmic axis has no zero. Forces are taken to be in eV/Å, as ASE writes them.
     */
    static Chart forceHistogram(double[] full, double[] selected, int bins) {
        double max = 0;
        for (double v : full) max = Math.max(max, v);
        for (double v : selected) max = Math.max(max, v);
        max = niceCeiling(max);
        Chart c = panel("Force magnitudes: whole dataset vs selection", "force magnitude |F| (eV/Å)", "fraction of atoms per bin");
        c.y().log();
        c.x().min(0.0).max(max);
        step(c, "all " + full.length + " atoms", full, bins, max, new Color(90, 90, 90));
        step(c, "selected " + selected.length + " atoms", selected, bins, max, new Color(214, 39, 40));
        return c;
    }

    /** The smallest "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that is at least {@code v} (positive); 1 for 0. */
    static double niceCeiling(double v) {
        if (!(v > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }

    private static void step(Chart c, String name, double[] values, int bins, double max, Color color) {
        double[] counts = new double[bins];
        for (double v : values) counts[Math.min(bins - 1, (int) (v / max * bins))]++;
        double width = max / bins;
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            double f = counts[b] == 0 ? Double.NaN : counts[b] / values.length;
            x[2 * b] = b * width;
            x[2 * b + 1] = (b + 1) * width;
            y[2 * b] = f;
            y[2 * b + 1] = f;
        }
        line(c, name, x, y, color);
    }
}
