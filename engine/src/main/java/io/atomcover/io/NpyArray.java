package io.atomcover.io;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A NumPy array read from a {@code .npy} file or an {@code .npz} entry, converted to doubles in C
 * (row-major) order whatever its dtype and memory order on disk.
 *
 * @param shape dimensions, outermost first; empty for a 0-d (scalar) array
 * @param data  {@code product(shape)} values in C order
 */
public record NpyArray(long[] shape, double[] data) {
    public NpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension " + d);
            n *= d;
        }
        if (n != data.length)
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }

    /**
     * Reads one {@code .npy} stream (magic, header, data); the stream is read up to the end of the data
     * and not closed. {@code nameForErrors} names the source in {@link InputException}s.
     */
    public static NpyArray readFrom(InputStream in, String nameForErrors) {
        return Npy.readFrom(in, nameForErrors == null ? null : Path.of(nameForErrors), "", false);
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** First dimension of a 1-d or 2-d array. */
    public int rows() {
        if (shape.length < 1 || shape.length > 2) throw new IllegalStateException("not a 1-d or 2-d array: shape " + Arrays.toString(shape));
        return (int) shape[0];
    }

    /** Second dimension of a 2-d array (1 for a 1-d array). */
    public int cols() {
        if (shape.length < 1 || shape.length > 2) throw new IllegalStateException("not a 1-d or 2-d array: shape " + Arrays.toString(shape));
        return shape.length == 1 ? 1 : (int) shape[1];
    }

    /** Value at (row, col) of a 2-d array. */
    public double get(int row, int col) {
        return data[row * cols() + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
