package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;

/**
 * One selection method, ready to run: the backend and bandwidth it needs are bound when it is made
 * ({@link SelectionMethod#selector}), so that every method is called the same way.
 */
@FunctionalInterface
public interface Selector {
    /**
     * Chooses {@code size} structures.
     *
     * @param d         descriptors; every structure needs at least one row
     * @param entropies structure entropies H_s (used by the methods whose
     *                  {@link SelectionMethod#needsEntropies()} is true; may be null for the others)
     * @param size      number of picks, 0..structures
     * @param seed      random seed (used by the {@link SelectionMethod#seeded()} methods)
     * @param progress  receives (picks done, size)
     * @return the picks in selection order
     */
    Selection select(Descriptors d, double[] entropies, int size, long seed, ProgressListener progress);
}
