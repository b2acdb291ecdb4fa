package io.atomcover.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A canvas on a Java 2D graphics context (an image to save as PNG). */
public final class PngCanvas implements Canvas {
    private final Graphics2D g;

    public PngCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }

    private void stroke(Color c, float width, float[] dash) {
        g.setColor(c);
        g.setStroke(dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, float[] dash) {
        stroke(color, width, dash);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, float width, float[] dash) {
        stroke(color, width, dash);
        Path2D.Double p = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                open = false;
                continue;
            }
            if (open) p.lineTo(xs[i], ys[i]);
            else p.moveTo(xs[i], ys[i]);
            open = true;
        }
        g.draw(p);
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Color stroke) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(fill);
            g.fill(r);
        }
        if (stroke != null) {
            stroke(stroke, 1f, null);
            g.draw(r);
        }
    }

    @Override
    public void marker(Marker marker, double x, double y, double size, Color color) {
        double r = size / 2;
        g.setColor(color);
        switch (marker) {
            case CIRCLE -> g.fill(new Ellipse2D.Double(x - r, y - r, size, size));
            case SQUARE -> g.fill(new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, size * 0.9, size * 0.9));
            case DIAMOND -> {
                Path2D.Double d = new Path2D.Double();
                d.moveTo(x, y - r * 1.2);
                d.lineTo(x + r * 1.2, y);
                d.lineTo(x, y + r * 1.2);
                d.lineTo(x - r * 1.2, y);
                d.closePath();
                g.fill(d);
            }
            case NONE -> {
            }
        }
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color) {
        g.setFont(TextMetrics.font(size, bold));
        g.setColor(color);
        double w = TextMetrics.width(text, size, bold);
        double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (vertical) g.rotate(-Math.PI / 2);
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }
}
