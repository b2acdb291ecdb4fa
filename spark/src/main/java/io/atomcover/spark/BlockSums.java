package io.atomcover.spark;

import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;

/**
 * What one Spark task of a kernel-sum call computes: the sums of a block of query rows against the
 * whole reference, with the engine's CPU backend. Plain Java, tested without Spark.
 */
final class BlockSums {
    private BlockSums() {
    }

    /**
     * Sums of {@code query} against {@code ref} on {@code threads} threads: linear ({@code log}
     * false) or log-space, as {@link CpuKdeBackend#kernelSums} and {@link CpuKdeBackend#logKernelSums}.
     */
    static double[] sums(RowBlock query, RowBlock ref, double bandwidth, boolean log, int threads) {
        double[] out = new double[query.count()];
        try (CpuKdeBackend cpu = new CpuKdeBackend(threads)) {
            if (log) cpu.logKernelSums(query, ref, bandwidth, out);
            else cpu.kernelSums(query, ref, bandwidth, out);
        }
        return out;
    }
}
