package io.atomcover.cli.plot;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** Paints a chart, laid out by {@link ChartLayout}, onto a canvas. */
public final class ChartPainter {
    static final Color GRID = new Color(228, 228, 228);
    static final Color FRAME = new Color(120, 120, 120);
    static final Color TEXT = Color.BLACK;
    static final Color LEGEND_BORDER = new Color(200, 200, 200);

    private ChartPainter() {
    }

    /** Paints {@code chart} with its top left corner at the canvas origin. */
    public static void paint(Chart chart, Canvas g) {
        ChartLayout l = ChartLayout.of(chart);
        Rectangle2D p = l.plot();
        if (chart.title != null && !chart.title.isBlank())
            g.text(chart.title, p.getCenterX(), ChartLayout.PAD + ChartLayout.TITLE, ChartLayout.TITLE, true, Canvas.Anchor.MIDDLE, false, TEXT);
        for (Tick t : l.yTicks()) {
            double y = l.py(t.value());
            if (t.major()) g.line(p.getX(), y, p.getMaxX(), y, GRID, 1f, null);
        }
        for (Tick t : l.xTicks()) {
            double x = l.px(t.value());
            if (t.major()) g.line(x, p.getY(), x, p.getMaxY(), GRID, 1f, null);
        }
        g.rect(p.getX(), p.getY(), p.getWidth(), p.getHeight(), null, FRAME);
        double tl = ChartLayout.TICK_LENGTH;
        for (Tick t : l.yTicks()) {
            double y = l.py(t.value());
            g.line(p.getX() - (t.major() ? tl : tl * 0.6), y, p.getX(), y, FRAME, 1f, null);
            if (t.major())
                g.text(t.label(), p.getX() - tl - 4, y + TextMetrics.middle(ChartLayout.TICK), ChartLayout.TICK, false, Canvas.Anchor.END, false, TEXT);
        }
        double labelBase = p.getMaxY() + tl + 3 + ChartLayout.TICK;
        for (Tick t : l.xTicks()) {
            double x = l.px(t.value());
            g.line(x, p.getMaxY(), x, p.getMaxY() + (t.major() ? tl : tl * 0.6), FRAME, 1f, null);
            if (t.major()) g.text(t.label(), x, labelBase, ChartLayout.TICK, false, Canvas.Anchor.MIDDLE, false, TEXT);
        }
        if (!chart.x.title.isBlank())
            g.text(chart.x.title, p.getCenterX(), labelBase + ChartLayout.TICK * 0.3 + 4 + ChartLayout.AXIS_TITLE, ChartLayout.AXIS_TITLE, false,
                    Canvas.Anchor.MIDDLE, false, TEXT);
        if (!chart.y.title.isBlank())
            g.text(chart.y.title, ChartLayout.PAD + ChartLayout.AXIS_TITLE, p.getCenterY(), ChartLayout.AXIS_TITLE, false, Canvas.Anchor.MIDDLE,
                    true, TEXT);
        for (Series s : chart.series) series(s, l, g);
        legend(l, g);
    }

    private static void series(Series s, ChartLayout l, Canvas g) {
        int n = s.x.length;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            Point2D pt = l.point(s, i);
            xs[i] = pt == null ? Double.NaN : pt.getX();
            ys[i] = pt == null ? Double.NaN : pt.getY();
        }
        for (int i = 0; i < n; i++) {
            double[] bar = Double.isNaN(xs[i]) ? null : l.errorBar(s, i);
            if (bar == null) continue;
            g.line(xs[i], bar[0], xs[i], bar[1], s.color, 1.2f, null);
            g.line(xs[i] - 3.5, bar[0], xs[i] + 3.5, bar[0], s.color, 1.2f, null);
            g.line(xs[i] - 3.5, bar[1], xs[i] + 3.5, bar[1], s.color, 1.2f, null);
        }
        if (s.line) g.polyline(xs, ys, s.color, s.width, s.dash);
        if (s.marker != Marker.NONE)
            for (int i = 0; i < n; i++) if (!Double.isNaN(xs[i])) g.marker(s.marker, xs[i], ys[i], ChartLayout.MARKER, s.color);
    }

    private static void legend(ChartLayout l, Canvas g) {
        if (l.legend() == null) return;
        Rectangle2D b = l.legend();
        if (!l.legendOutside()) g.rect(b.getX(), b.getY(), b.getWidth(), b.getHeight(), Color.WHITE, LEGEND_BORDER);
        for (ChartLayout.Entry e : l.entries()) {
            Series s = e.series();
            double half = ChartLayout.SAMPLE / 2;
            if (s.line) g.line(e.x() - half, e.y(), e.x() + half, e.y(), s.color, s.width, s.dash);
            if (s.marker != Marker.NONE) g.marker(s.marker, e.x(), e.y(), ChartLayout.MARKER, s.color);
            g.text(s.name, e.x() + half + 6, e.y() + TextMetrics.middle(ChartLayout.LEGEND), ChartLayout.LEGEND, false, Canvas.Anchor.START,
                    false, TEXT);
        }
    }
}
