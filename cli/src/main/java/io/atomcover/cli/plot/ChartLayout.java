package io.atomcover.cli.plot;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything of a chart goes: the ranges of the axes, the plot area, the ticks and the legend.
 * The legend goes into the first inside corner (top right, top left, bottom right, bottom left) that
 * no point, line or error bar of the data crosses, and below the plot, outside it, when every corner
 * is taken.
 *
 * @param xRange the x axis
 * @param yRange the y axis
 * @param plot the plot area, in pixels
 * @param xTicks ticks of the x axis, labelled and minor
 * @param yTicks ticks of the y axis
 * @param legend the legend's box, or null when no series is listed
 * @param legendOutside whether the legend sits below the plot area rather than inside it
 * @param entries the legend entries: their series and where the sample of each is centred
 */
public record ChartLayout(Range xRange, Range yRange, Rectangle2D plot, List<Tick> xTicks, List<Tick> yTicks, Rectangle2D legend,
                          boolean legendOutside, List<Entry> entries) {
    static final double PAD = 10;
    static final double TITLE = 15;
    static final double AXIS_TITLE = 13;
    static final double TICK = 12;
    static final double LEGEND = 12;
    static final double TICK_LENGTH = 5;
    static final double MARKER = 7;
    static final double SAMPLE = 22;
    static final double ROW = LEGEND * 1.5;

    /** The span of an axis; {@code log}: logarithmic. */
    public record Range(double lo, double hi, boolean log) {
        /** Position of v from lo (0) to hi (1). */
        double fraction(double v) {
            return Ticks.fraction(v, lo, hi, log);
        }

        /** Whether v can be drawn on this axis (finite, and positive on a log axis). */
        boolean drawable(double v) {
            return Double.isFinite(v) && (!log || v > 0);
        }
    }

    /** A legend entry: its series and the centre of its sample line. */
    public record Entry(Series series, double x, double y) {
    }

    /** Pixel x of a data value. */
    public double px(double x) {
        return plot.getX() + xRange.fraction(x) * plot.getWidth();
    }

    /** Pixel y of a data value. */
    public double py(double y) {
        return plot.getMaxY() - yRange.fraction(y) * plot.getHeight();
    }

    /** Lays out {@code chart} on its own size. */
    public static ChartLayout of(Chart chart) {
        Range xr = range(chart.x, chart.series, true);
        Range yr = range(chart.y, chart.series, false);
        List<Series> listed = new ArrayList<>();
        for (Series s : chart.series) if (s.inLegend && s.name != null && !s.name.isBlank()) listed.add(s);
        ChartLayout inside = place(chart, xr, yr, 0);
        if (listed.isEmpty()) return inside;
        double w = 0;
        for (Series s : listed) w = Math.max(w, TextMetrics.width(s.name, LEGEND, false));
        double boxW = 8 + SAMPLE + 6 + w + 10;
        double boxH = listed.size() * ROW + 8;
        List<Rectangle2D> corners = corners(inside.plot, boxW, boxH);
        List<Shape> data = inside.geometry(chart);
        for (Rectangle2D corner : corners) {
            if (data.stream().noneMatch(s -> s.hits(corner))) return inside.withLegend(corner, false, column(listed, corner));
        }
        // Below the plot, outside it: entries flow left to right in rows that fit the chart's width.
        double avail = chart.width - 2 * PAD;
        List<List<Series>> rows = new ArrayList<>();
        List<Double> rowWidths = new ArrayList<>();
        List<Series> row = new ArrayList<>();
        double rw = 0;
        for (Series s : listed) {
            double ew = SAMPLE + 6 + TextMetrics.width(s.name, LEGEND, false) + 16;
            if (!row.isEmpty() && rw + ew > avail) {
                rows.add(row);
                rowWidths.add(rw);
                row = new ArrayList<>();
                rw = 0;
            }
            row.add(s);
            rw += ew;
        }
        rows.add(row);
        rowWidths.add(rw);
        double h = rows.size() * ROW + 6;
        ChartLayout below = place(chart, xr, yr, h + 4);
        double top = chart.height - PAD - h;
        double widest = rowWidths.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Rectangle2D box = new Rectangle2D.Double((chart.width - widest) / 2, top, widest, h);
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double x = (chart.width - rowWidths.get(r)) / 2;
            for (Series s : rows.get(r)) {
                entries.add(new Entry(s, x + SAMPLE / 2, top + 3 + ROW * (r + 0.5)));
                x += SAMPLE + 6 + TextMetrics.width(s.name, LEGEND, false) + 16;
            }
        }
        return below.withLegend(box, true, entries);
    }

    private ChartLayout withLegend(Rectangle2D box, boolean outside, List<Entry> entries) {
        return new ChartLayout(xRange, yRange, plot, xTicks, yTicks, box, outside, entries);
    }

    private static List<Entry> column(List<Series> listed, Rectangle2D box) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++)
            entries.add(new Entry(listed.get(i), box.getX() + 8 + SAMPLE / 2, box.getY() + 4 + ROW * (i + 0.5)));
        return entries;
    }

    private static List<Rectangle2D> corners(Rectangle2D plot, double w, double h) {
        double m = 6;
        double left = plot.getX() + m, right = plot.getMaxX() - m - w, top = plot.getY() + m, bottom = plot.getMaxY() - m - h;
        List<Rectangle2D> out = new ArrayList<>();
        if (w > plot.getWidth() - 2 * m || h > plot.getHeight() - 2 * m) return out;
        out.add(new Rectangle2D.Double(right, top, w, h));
        out.add(new Rectangle2D.Double(left, top, w, h));
        out.add(new Rectangle2D.Double(right, bottom, w, h));
        out.add(new Rectangle2D.Double(left, bottom, w, h));
        return out;
    }

    /** The plot area, ticks and ranges, with {@code below} pixels kept free under the x axis title. */
    private static ChartLayout place(Chart chart, Range xr, Range yr, double below) {
        double top = PAD + (chart.title == null || chart.title.isBlank() ? 4 : TITLE * 1.3 + 8);
        double bottom = PAD + (chart.x.title.isBlank() ? 0 : AXIS_TITLE * 1.3 + 4) + TICK * 1.3 + TICK_LENGTH + 4 + below;
        double plotH = Math.max(20, chart.height - top - bottom);
        List<Tick> yTicks = chart.y.ticksAt != null ? Ticks.at(chart.y.ticksAt, yr.lo, yr.hi)
                : Ticks.choose(yr.lo, yr.hi, yr.log, chart.y.counts, plotH, s -> TICK, TICK * 1.2);
        double labels = 0;
        for (Tick t : yTicks) if (t.major()) labels = Math.max(labels, TextMetrics.width(t.label(), TICK, false));
        double left = PAD + (chart.y.title.isBlank() ? 0 : AXIS_TITLE * 1.3 + 6) + labels + TICK_LENGTH + 5;
        double right = PAD + 12;
        double plotW = Math.max(20, chart.width - left - right);
        List<Tick> xTicks = chart.x.ticksAt != null ? Ticks.at(chart.x.ticksAt, xr.lo, xr.hi)
                : Ticks.choose(xr.lo, xr.hi, xr.log, chart.x.counts, plotW, s -> TextMetrics.width(s, TICK, false), 14);
        return new ChartLayout(xr, yr, new Rectangle2D.Double(left, top, plotW, plotH), xTicks, yTicks, null, false, List.of());
    }

    /** The range of one axis: the data (y with its error bars) with a margin, unless fixed by the axis. */
    static Range range(Axis axis, List<Series> series, boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] v = x ? s.x : s.y;
            for (int i = 0; i < v.length; i++) {
                double a = v[i];
                if (!Double.isFinite(a) || (axis.log && a <= 0) || (x ? !Double.isFinite(s.y[i]) : !Double.isFinite(s.x[i]))) continue;
                double e = !x && s.errors != null && Double.isFinite(s.errors[i]) ? Math.abs(s.errors[i]) : 0;
                hi = Math.max(hi, a + e);
                // On a log axis a bar reaching down to about 0 would stretch the axis over decades of
                // nothing: the axis stops at a quarter of the value, and the bar at the axis.
                lo = Math.min(lo, axis.log ? Math.max(a - e, a / 4) : a - e);
            }
        }
        if (axis.min != null) lo = axis.min;
        if (axis.max != null) hi = axis.max;
        if (!(lo <= hi)) {
            lo = axis.log ? 1 : 0;
            hi = axis.log ? 10 : 1;
        }
        if (axis.log) {
            double a = Math.log10(lo), b = Math.log10(hi);
            if (b - a < 1e-9) {
                a -= 0.5;
                b += 0.5;
            }
            double m = 0.05 * (b - a);
            return new Range(axis.min != null ? lo : Math.pow(10, a - m), axis.max != null ? hi : Math.pow(10, b + m), true);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= d;
            hi += d;
        }
        double m = 0.05 * (hi - lo);
        return new Range(axis.min != null ? lo : lo - m, axis.max != null ? hi : hi + m, false);
    }

    /** Something drawn for the data, in pixels, that a legend must not cover. */
    interface Shape {
        boolean hits(Rectangle2D r);
    }

    /** Every marker, line segment and error bar of the chart's series, in pixels. */
    List<Shape> geometry(Chart chart) {
        List<Shape> out = new ArrayList<>();
        for (Series s : chart.series) {
            Point2D prev = null;
            for (int i = 0; i < s.x.length; i++) {
                Point2D p = point(s, i);
                if (p == null) {
                    prev = null;
                    continue;
                }
                double r = s.marker == Marker.NONE ? 2 : MARKER / 2 + 2;
                Rectangle2D mark = new Rectangle2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
                out.add(mark::intersects);
                if (s.line && prev != null) {
                    Line2D seg = new Line2D.Double(prev, p);
                    out.add(rect -> seg.intersects(grow(rect, 2)));
                }
                double[] bar = errorBar(s, i);
                if (bar != null) {
                    Line2D seg = new Line2D.Double(p.getX(), bar[0], p.getX(), bar[1]);
                    out.add(rect -> seg.intersects(grow(rect, 4)));
                }
                prev = p;
            }
        }
        return out;
    }

    private static Rectangle2D grow(Rectangle2D r, double d) {
        return new Rectangle2D.Double(r.getX() - d, r.getY() - d, r.getWidth() + 2 * d, r.getHeight() + 2 * d);
    }

    /** The pixel position of point i of s, or null when it cannot be drawn. */
    public Point2D point(Series s, int i) {
        if (!xRange.drawable(s.x[i]) || !yRange.drawable(s.y[i])) return null;
        return new Point2D.Double(px(s.x[i]), py(s.y[i]));
    }

    /** Pixel y of the ends of point i's error bar (on a log axis the low end stops at the axis), or null when it has none. */
    public double[] errorBar(Series s, int i) {
        if (s.errors == null || !(Math.abs(s.errors[i]) > 0) || !Double.isFinite(s.errors[i])) return null;
        double e = Math.abs(s.errors[i]);
        double lo = s.y[i] - e;
        if (yRange.log) lo = Math.max(lo, yRange.lo);
        return new double[] {py(lo), py(s.y[i] + e)};
    }
}
