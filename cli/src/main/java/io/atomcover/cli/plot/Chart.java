package io.atomcover.cli.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A chart: title, two axes and series, and its size in pixels (PNG) or points (SVG). */
public final class Chart {
    final String title;
    final Axis x = new Axis();
    final Axis y = new Axis();
    final List<Series> series = new ArrayList<>();
    final int width;
    final int height;

    public Chart(String title, int width, int height) {
        this.title = title;
        this.width = width;
        this.height = height;
    }

    public Axis x() {
        return x;
    }

    public Axis y() {
        return y;
    }

    /** Adds a series (drawn in the order added) and returns it for styling. */
    public Series add(Series s) {
        series.add(s);
        return s;
    }

    public List<Series> series() {
        return Collections.unmodifiableList(series);
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
