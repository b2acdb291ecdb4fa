package io.atomcover.cli;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.atomcover.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts (XChart) laid out as a grid of panels in one PNG (ImageIO) or SVG (VectorGraphics2D) file,
 * written atomically.
 */
final class Plots {
    /** Size of one panel, in pixels (PNG) or points (SVG). */
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 420;

    static {
        // No display is needed (or available on servers) to draw into images.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Output formats, chosen by file extension. */
    enum Format { PNG, SVG }

    private Plots() {
    }

    /** The format named by the file's extension ({@code .png} or {@code .svg}), or null for anything else. */
    static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return Format.PNG;
        if (name.endsWith(".svg")) return Format.SVG;
        return null;
    }

    /** {@code OUT.png} with {@code -suffix} before the extension: {@code OUT-forces.png}. */
    static Path companion(Path plot, String suffix) {
        String name = plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        return plot.resolveSibling(base + "-" + suffix + ext);
    }

    /** An empty panel of the default size with a title and axis labels, in the house style. */
    static XYChart panel(String title, String xLabel, String yLabel) {
        return panel(title, xLabel, yLabel, PANEL_WIDTH);
    }

    /** An empty panel {@code width} wide with a title and axis labels, in the house style. */
    static XYChart panel(String title, String xLabel, String yLabel, int width) {
        XYChart c = new XYChartBuilder().width(width).height(PANEL_HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setLegendPosition(Styler.LegendPosition.InsideSE);
        st.setLegendBorderColor(new Color(200, 200, 200));
        st.setMarkerSize(6);
        st.setChartTitleBoxVisible(false);
        st.setAntiAlias(true);
        return c;
    }

    /** Adds a plain line (no markers). */
    static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) s.setLineColor(color);
        return s;
    }

    /**
     * Makes XChart space the x ticks by value: for equally spaced x data (prefix sizes 1, 2, 3, …) it
     * otherwise puts a tick on every k-th data point, and three-digit labels run together. An
     * invisible point off the grid (x = {@code x}, y = {@code y}, both inside the plotted range)
     * breaks the equal spacing.
     */
    static void numericXTicks(XYChart c, double x, double y) {
        XYSeries s = c.addSeries(" ", new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** Writes the panels as a grid with {@code columns} columns, row after row; cells take the first panel's size. */
    static void write(Path target, List<XYChart> panels, int columns) throws IOException {
        Format format = formatOf(target);
        if (format == null) throw new IllegalArgumentException("not a .png or .svg name: " + target);
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int pw = panels.get(0).getWidth();
        int ph = panels.get(0).getHeight();
        int width = cols * pw;
        int height = rows * ph;
        if (format == Format.PNG) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(g, panels, cols, pw, ph);
            g.dispose();
            AtomicFiles.write(target, out -> {
                if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
            });
        } else {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, panels, cols, pw, ph);
            var doc = Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, width, height));
            AtomicFiles.write(target, doc::writeTo);
        }
    }

    private static void paint(Graphics2D g, List<XYChart> panels, int cols, int pw, int ph) {
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D p = (Graphics2D) g.create();
            p.translate((i % cols) * pw, (i / cols) * ph);
            p.setClip(0, 0, pw, ph);
            panels.get(i).paint(p, pw, ph);
            p.dispose();
        }
    }

    /**
     * Histogram of force magnitudes, the whole dataset against the selection, as step lines of the
     * fraction of atoms per bin on a logarithmic axis (the tails are what matters). Empty bins are
     * gaps: a logarithmic axis has no zero.
     */
    static XYChart forceHistogram(double[] full, double[] selected, int bins) {
        double max = 0;
        for (double v : full) max = Math.max(max, v);
        for (double v : selected) max = Math.max(max, v);
        max = niceCeiling(max);
        XYChart c = panel("Force magnitudes: whole dataset vs selection", "|F| (force units of the file, e.g. eV/Å)",
                "fraction of atoms per bin (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(max);
        c.getStyler().setXAxisDecimalPattern("0.##");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
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

    private static void step(XYChart c, String name, double[] values, int bins, double max, Color color) {
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
