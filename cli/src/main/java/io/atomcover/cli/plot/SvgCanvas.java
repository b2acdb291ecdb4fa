package io.atomcover.cli.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * A canvas that writes SVG 1.1 markup: paths and rectangles for the drawing and {@code <text>}
 * elements for the words and numbers, so that the file stays small, its text can be searched,
 * selected and edited, and it prints sharp.
 */
public final class SvgCanvas implements Canvas {
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;
    private double ox;
    private double oy;

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void translate(double dx, double dy) {
        ox += dx;
        oy += dy;
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private static String color(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String stroke(Color c, float width, float[] dash) {
        StringBuilder b = new StringBuilder(" fill=\"none\" stroke=\"").append(color(c)).append("\" stroke-width=\"").append(n(width)).append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) b.append(i == 0 ? "" : ",").append(n(dash[i]));
            b.append('"');
        } else {
            b.append(" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        }
        return b.toString();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, float[] dash) {
        body.append("<path d=\"M").append(n(x1 + ox)).append(' ').append(n(y1 + oy)).append('L').append(n(x2 + ox)).append(' ')
                .append(n(y2 + oy)).append('"').append(stroke(color, width, dash)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, float width, float[] dash) {
        StringBuilder d = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                open = false;
                continue;
            }
            d.append(open ? 'L' : 'M').append(n(xs[i] + ox)).append(' ').append(n(ys[i] + oy));
            open = true;
        }
        if (d.length() > 0) body.append("<path d=\"").append(d).append('"').append(stroke(color, width, dash)).append("/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Color stroke) {
        body.append("<rect x=\"").append(n(x + ox)).append("\" y=\"").append(n(y + oy)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill == null ? "none" : color(fill)).append('"');
        if (stroke != null) body.append(" stroke=\"").append(color(stroke)).append("\" stroke-width=\"1\"");
        body.append("/>\n");
    }

    @Override
    public void marker(Marker marker, double x, double y, double size, Color color) {
        double cx = x + ox, cy = y + oy, r = size / 2;
        String fill = " fill=\"" + color(color) + "\"/>\n";
        switch (marker) {
            case CIRCLE -> body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                    .append('"').append(fill);
            case SQUARE -> body.append("<rect x=\"").append(n(cx - r * 0.9)).append("\" y=\"").append(n(cy - r * 0.9))
                    .append("\" width=\"").append(n(size * 0.9)).append("\" height=\"").append(n(size * 0.9)).append('"').append(fill);
            case DIAMOND -> body.append("<path d=\"M").append(n(cx)).append(' ').append(n(cy - r * 1.2)).append('L').append(n(cx + r * 1.2))
                    .append(' ').append(n(cy)).append('L').append(n(cx)).append(' ').append(n(cy + r * 1.2)).append('L')
                    .append(n(cx - r * 1.2)).append(' ').append(n(cy)).append("Z\"").append(fill);
            case NONE -> {
            }
        }
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color) {
        double tx = x + ox, ty = y + oy;
        body.append("<text x=\"").append(n(tx)).append("\" y=\"").append(n(ty)).append("\" font-size=\"").append(n(size)).append('"');
        if (bold) body.append(" font-weight=\"bold\"");
        if (anchor != Anchor.START) body.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        if (vertical) body.append(" transform=\"rotate(-90 ").append(n(tx)).append(' ').append(n(ty)).append(")\"");
        if (!color.equals(Color.BLACK)) body.append(" fill=\"").append(color(color)).append('"');
        body.append('>').append(escape(text)).append("</text>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The whole document. */
    public String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n"
                + body + "</svg>\n";
    }
}
