package io.atomcover.cli.plot;

/** The symbol drawn at each data point of a series. */
public enum Marker {
    NONE, CIRCLE, DIAMOND, SQUARE
}
