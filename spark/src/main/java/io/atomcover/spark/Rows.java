package io.atomcover.spark;

import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import java.io.Serializable;

/**
 * Rows as they travel to executors: the rows of a {@link RowBlock} (or a whole descriptor matrix
 * with its structure offsets) in a serialisable form. Spark broadcasts it or ships it in a task.
 *
 * @param data    row-major values
 * @param dim     values per row
 * @param offsets structure offsets (length S+1), or null for plain rows
 */
record Rows(double[] data, int dim, int[] offsets) implements Serializable {

    /** A copy of the rows of a block (the whole backing array when the block covers all of it). */
    static Rows of(RowBlock b) {
        int from = b.first() * b.dim();
        int to = from + b.count() * b.dim();
        double[] data = from == 0 && to == b.data().length ? b.data() : java.util.Arrays.copyOfRange(b.data(), from, to);
        return new Rows(data, b.dim(), null);
    }

    /** A descriptor matrix with its offsets. */
    static Rows of(Descriptors d) {
        return new Rows(d.data(), d.dim(), d.offsets());
    }

    int count() {
        return data.length / dim;
    }

    RowBlock block() {
        return new RowBlock(data, dim, 0, count());
    }

    Descriptors descriptors() {
        if (offsets == null) throw new IllegalStateException("rows without structure offsets");
        return new Descriptors(data, dim, offsets);
    }
}
