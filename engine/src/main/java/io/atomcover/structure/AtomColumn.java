package io.atomcover.structure;

import java.util.Objects;

/**
 * One extended-XYZ per-atom property other than species and positions ({@code forces:R:3}, say).
 * Values are kept as the tokens read so that a read/write round trip is exact; real columns are also
 * parsed to doubles.
 *
 * @param name   property name
 * @param type   extxyz type letter: R (real), I (integer), S (string), L (logical)
 * @param width  values per atom
 * @param tokens tokens as read, atom-major, length {@code atoms * width}
 * @param reals  parsed values for type R (same layout), else null
 */
public record AtomColumn(String name, char type, int width, String[] tokens, double[] reals) {
    public AtomColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokens, "tokens");
        if (width <= 0) throw new IllegalArgumentException("width must be positive");
        if (tokens.length % width != 0) throw new IllegalArgumentException("tokens not a multiple of width");
        if (reals != null && reals.length != tokens.length) throw new IllegalArgumentException("reals/tokens length mismatch");
    }

    /** Number of atoms covered. */
    public int atoms() {
        return tokens.length / width;
    }
}
