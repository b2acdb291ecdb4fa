package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;
import java.util.List;

/**
 * A backend capability: the independent greedy covers of one round of segmented minimum-set-cover
 * run side by side where the backend has room for them (the tasks of a cluster). Each part is
 * covered exactly as {@code io.atomcover.select.MscSelector#coverChunk} covers it on one machine,
 * so the round's survivors, and hence the selection, are the same.
 */
public interface ChunkCovers {

    /** The picks of one part, as structure indices of the whole dataset in pick order, and their cost. */
    record Picks(int[] structures, long backendCalls, long pairs) {
    }

    /**
     * Covers every part.
     *
     * @param d         descriptors of every structure
     * @param entropies H_s per structure of {@code d}
     * @param parts     structure indices of {@code d}, one array per part, each longer than {@code size}
     * @param size      picks per part
     * @param bandwidth Gaussian bandwidth h
     * @param logSpace  true for default mode (log-space covers), false for compat mode
     * @return one {@link Picks} per part, in the order of {@code parts}
     */
    List<Picks> coverEach(Descriptors d, double[] entropies, List<int[]> parts, int size, double bandwidth, boolean logSpace);
}
