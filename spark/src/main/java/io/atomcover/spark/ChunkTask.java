package io.atomcover.spark;

import io.atomcover.backend.ChunkCovers;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.MscSelector;

/**
 * What one Spark task of a segmented-MSC round computes: {@link MscSelector#coverChunk} of one part
 * with the engine's CPU backend, the very function one machine runs for that part. Plain Java,
 * tested without Spark.
 */
final class ChunkTask {
    private ChunkTask() {
    }

    static ChunkCovers.Picks cover(Descriptors d, double[] entropies, int[] part, int size, double bandwidth,
                                   boolean logSpace, int threads) {
        MscSelector.Mode mode = logSpace ? MscSelector.Mode.DEFAULT : MscSelector.Mode.COMPAT;
        try (CpuKdeBackend cpu = new CpuKdeBackend(threads)) {
            return MscSelector.coverChunk(cpu, bandwidth, mode, d, entropies, part, size);
        }
    }
}
