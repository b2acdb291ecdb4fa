package io.atomcover.backend;

/** Floating-point precision of a backend's kernel arithmetic. */
public enum Precision {
    /** IEEE double throughout (default; the golden values need it). */
    DOUBLE,
    /** Single precision distances and exponentials, double accumulation (devices without fast fp64). */
    FLOAT
}
