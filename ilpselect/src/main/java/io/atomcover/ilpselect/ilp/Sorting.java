package io.atomcover.ilpselect.ilp;

import java.util.stream.IntStream;

/** Index sorts on plain arrays. */
final class Sorting {
    private Sorting() {
    }

    /** Indices that sort {@code values} ascending; ties keep index order (stable). */
    static int[] argsort(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> {
                    int c = Double.compare(values[a], values[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue).toArray();
    }
}
