package io.atomcover.cli.plot;

import java.awt.Color;

/** What charts are drawn with: lines, rectangles, markers and text, in pixel coordinates (y down). */
public interface Canvas {
    /** Where a text's x coordinate is: its start, middle or end. */
    enum Anchor { START, MIDDLE, END }

    /** Moves the origin by (dx, dy) for everything drawn after. */
    void translate(double dx, double dy);

    /** A straight line; {@code dash} null for a solid one. */
    void line(double x1, double y1, double x2, double y2, Color color, float width, float[] dash);

    /** A line through the points in order; a NaN coordinate breaks it. */
    void polyline(double[] xs, double[] ys, Color color, float width, float[] dash);

    /** A rectangle, filled and/or outlined (null: not). */
    void rect(double x, double y, double w, double h, Color fill, Color stroke);

    /** A marker of {@code size} pixels centred on (x, y). */
    void marker(Marker marker, double x, double y, double size, Color color);

    /**
     * A line of text whose baseline starts, is centred or ends at (x, y); {@code vertical} turns it
     * to read upwards, about (x, y).
     */
    void text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color);
}
