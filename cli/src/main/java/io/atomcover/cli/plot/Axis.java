package io.atomcover.cli.plot;

/** One axis of a chart: its title (with units), linear or logarithmic, and optional fixed ends. */
public final class Axis {
    String title = "";
    boolean log;
    boolean counts;
    Double min;
    Double max;
    double[] ticksAt;

    Axis() {
    }

    /** The axis title; name the unit, e.g. "MAE (kcal/mol)". */
    public Axis title(String t) {
        this.title = t;
        return this;
    }

    /** A logarithmic axis: non-positive values are not drawn. */
    public Axis log() {
        this.log = true;
        return this;
    }

    /** Values are counts: ticks only at whole numbers. */
    public Axis counts() {
        this.counts = true;
        return this;
    }

    /** Fixes the low end instead of fitting it to the data. */
    public Axis min(double v) {
        this.min = v;
        return this;
    }

    /** Fixes the high end instead of fitting it to the data. */
    public Axis max(double v) {
        this.max = v;
        return this;
    }

    /**
     * Labelled ticks exactly at these values (those within the axis range) instead of chosen ones,
     * e.g. at the training-set sizes 16, 32, ..., 1024 of a learning curve.
     */
    public Axis ticksAt(double... values) {
        this.ticksAt = values.clone();
        return this;
    }

    public String title() {
        return title;
    }

    public boolean isLog() {
        return log;
    }
}
