package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;

/**
 * A view of {@code count} consecutive rows, starting at row {@code first}, of a row-major matrix with
 * {@code dim} columns. Backends may use the identity of {@code data} to cache uploads or indexes.
 */
public record RowBlock(double[] data, int dim, int first, int count) {
    public RowBlock {
        if (dim <= 0) throw new IllegalArgumentException("dim must be positive");
        if (first < 0 || count < 0 || (long) (first + count) * dim > data.length)
            throw new IllegalArgumentException("rows [" + first + ", " + (first + count) + ") outside the matrix");
    }

    /** All rows of a descriptor matrix. */
    public static RowBlock of(Descriptors d) {
        return new RowBlock(d.data(), d.dim(), 0, d.rows());
    }

    /** The rows of structure s of a descriptor matrix. */
    public static RowBlock ofStructure(Descriptors d, int s) {
        return new RowBlock(d.data(), d.dim(), d.offsets()[s], d.rowsOf(s));
    }

    /** True when both views cover the same rows of the same array. */
    public boolean sameRowsAs(RowBlock other) {
        return data == other.data && dim == other.dim && first == other.first && count == other.count;
    }
}
