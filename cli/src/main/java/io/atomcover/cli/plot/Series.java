package io.atomcover.cli.plot;

import java.awt.Color;

/**
 * One data series: points joined by a line and/or marked, optionally with symmetric error bars
 * (a mean ± a standard deviation). NaN values leave gaps. Set up with the fluent methods.
 */
public final class Series {
    final String name;
    final double[] x;
    final double[] y;
    double[] errors;
    Color color = Color.BLACK;
    boolean line = true;
    float width = 2f;
    float[] dash;
    Marker marker = Marker.CIRCLE;
    boolean inLegend = true;

    /**
     * @param name the legend entry
     * @param x the x values
     * @param y the y values, as many as x
     */
    public Series(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
        this.name = name;
        this.x = x.clone();
        this.y = y.clone();
    }

    /** Colour of line, markers and error bars. */
    public Series color(Color c) {
        this.color = c;
        return this;
    }

    /** Error bars: y ± errors[i] (NaN or 0: none at that point). */
    public Series errors(double[] e) {
        if (e.length != y.length) throw new IllegalArgumentException(name + ": " + e.length + " errors for " + y.length + " points");
        this.errors = e.clone();
        return this;
    }

    public Series marker(Marker m) {
        this.marker = m;
        return this;
    }

    /** No line between points: markers only. */
    public Series noLine() {
        this.line = false;
        return this;
    }

    public Series lineWidth(float w) {
        this.width = w;
        return this;
    }

    /** A dashed line, so that a series drawn on top of an identical one leaves it visible. */
    public Series dashed() {
        this.dash = new float[] {6f, 4f};
        return this;
    }

    /** Not listed in the legend. */
    public Series hiddenFromLegend() {
        this.inLegend = false;
        return this;
    }

    public String name() {
        return name;
    }

    public double[] x() {
        return x.clone();
    }

    public double[] y() {
        return y.clone();
    }

    /** Colour of line, markers and error bars. */
    public Color color() {
        return color;
    }

    /** The symbol at each point. */
    public Marker marker() {
        return marker;
    }

    /** Whether the line is dashed. */
    public boolean isDashed() {
        return dash != null;
    }

    /** The error bars, or null. */
    public double[] errors() {
        return errors == null ? null : errors.clone();
    }
}
