package io.atomcover.descriptor;

import java.util.Arrays;

/**
 * Per-environment descriptor rows of a dataset: one contiguous row-major {@code rows × dim} array and
 * structure offsets ({@code offsets[s]..offsets[s+1]} are the rows of structure s).
 */
public final class Descriptors {
    private final double[] data;
    private final int rows;
    private final int dim;
    private final int[] offsets;

    /**
     * @param data    row-major values, length {@code rows * dim}; not copied
     * @param dim     row length
     * @param offsets structure offsets, length S+1, first 0, last {@code rows}; not copied
     */
    public Descriptors(double[] data, int dim, int[] offsets) {
        if (dim <= 0) throw new IllegalArgumentException("dim must be positive: " + dim);
        if (data.length % dim != 0) throw new IllegalArgumentException("data length " + data.length + " is not a multiple of dim " + dim);
        this.data = data;
        this.dim = dim;
        this.rows = data.length / dim;
        this.offsets = offsets;
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != rows)
            throw new IllegalArgumentException("offsets must run from 0 to " + rows);
        for (int s = 1; s < offsets.length; s++)
            if (offsets[s] < offsets[s - 1]) throw new IllegalArgumentException("offsets must not decrease at " + s);
    }

    /** A single-structure (or structure-less) block of rows. */
    public static Descriptors ofRows(double[] data, int dim) {
        return new Descriptors(data, dim, new int[] {0, data.length / dim});
    }

    /** The backing array (row-major); shared, not copied. */
    public double[] data() {
        return data;
    }

    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    /** Structure offsets, length {@link #structureCount()} + 1; shared, not copied. */
    public int[] offsets() {
        return offsets;
    }

    public int structureCount() {
        return offsets.length - 1;
    }

    /** Number of rows (atoms) of structure s. */
    public int rowsOf(int s) {
        return offsets[s + 1] - offsets[s];
    }

    /** Copy of one row. */
    public double[] row(int r) {
        return Arrays.copyOfRange(data, r * dim, (r + 1) * dim);
    }

    /** The rows of the given structures, in the given order, as a new matrix. */
    public Descriptors select(int[] structures) {
        int[] off = new int[structures.length + 1];
        for (int i = 0; i < structures.length; i++) off[i + 1] = off[i] + rowsOf(structures[i]);
        double[] out = new double[off[structures.length] * dim];
        for (int i = 0; i < structures.length; i++) {
            int s = structures[i];
            System.arraycopy(data, offsets[s] * dim, out, off[i] * dim, rowsOf(s) * dim);
        }
        return new Descriptors(out, dim, off);
    }
}
