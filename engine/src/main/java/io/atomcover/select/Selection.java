package io.atomcover.select;

import java.util.Arrays;

/**
 * An ordered selection of structures: {@code indices[0]} was chosen first. For greedy selectors any
 * prefix is the selection of that size.
 *
 * @param method  selector name ("msc", "fps", …)
 * @param indices 0-based structure indices in selection order
 */
public record Selection(String method, int[] indices) {
    public Selection {
        indices = indices.clone();
    }

    public int size() {
        return indices.length;
    }

    /** The first {@code n} picks. */
    public Selection prefix(int n) {
        return new Selection(method, Arrays.copyOf(indices, n));
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s && s.method.equals(method) && Arrays.equals(s.indices, indices);
    }

    @Override
    public int hashCode() {
        return 31 * method.hashCode() + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return method + Arrays.toString(indices);
    }
}
