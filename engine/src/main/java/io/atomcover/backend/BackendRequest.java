package io.atomcover.backend;

/**
 * What the caller asks of a backend.
 *
 * @param device            device number within the provider ({@code --device}); -1: the provider's choice
 * @param threads           host threads for CPU work, ≥ 1
 * @param precision         kernel precision
 * @param memoryLimitBytes  cap on device memory the backend may use (0: the device's own limit);
 *                          tests force tiling with a tiny value
 */
public record BackendRequest(int device, int threads, Precision precision, long memoryLimitBytes) {
    public BackendRequest {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        if (memoryLimitBytes < 0) throw new IllegalArgumentException("memory limit must be ≥ 0");
    }

    /** Default device, double precision, no memory cap. */
    public static BackendRequest cpu(int threads) {
        return new BackendRequest(-1, threads, Precision.DOUBLE, 0);
    }
}
