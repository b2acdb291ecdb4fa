package io.atomcover.opencl;

import io.atomcover.backend.BackendUnavailableException;

/**
 * The two sizes that keep the backend streaming at any N: the largest single device buffer (and
 * host staging buffer), and the most pair evaluations one kernel launch may do.
 *
 * <p>Buffers never exceed the device's {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE} nor {@link #STAGING_CAP}
 * (a direct host buffer is packed for every upload, so it is capped too); data larger than that goes
 * in blocks. Launches are capped so that no single kernel runs long enough to trip a display
 * watchdog (Windows TDR, X server): at {@link #DEFAULT_LAUNCH_PAIRS} pairs a launch takes
 * milliseconds on a GPU with fast fp64 and well under a second on one with 1/32-rate fp64.
 *
 * @param maxBufferBytes  largest single buffer, bytes
 * @param maxLaunchPairs  most (query row, reference row) evaluations per launch; a launch still covers
 *                        at least one tile of reference rows for one work-group of query rows
 */
record StreamLimits(long maxBufferBytes, long maxLaunchPairs) {
    /** Pair evaluations per launch unless {@value #LAUNCH_PAIRS_PROPERTY} says otherwise: 2^28. */
    static final long DEFAULT_LAUNCH_PAIRS = 1L << 28;
    /** Largest host staging buffer, and so largest device buffer: 1 GiB (2.1M rows of 63 doubles). */
    static final long STAGING_CAP = 1L << 30;
    /** Pair evaluations per kernel launch (lower it on a GPU that drives a display and times out). */
    static final String LAUNCH_PAIRS_PROPERTY = "atomcover.opencl.maxLaunchPairs";

    StreamLimits {
        if (maxBufferBytes < 64) throw new IllegalArgumentException("largest buffer must be ≥ 64 bytes: " + maxBufferBytes);
        if (maxLaunchPairs < 1) throw new IllegalArgumentException("pairs per launch must be ≥ 1: " + maxLaunchPairs);
    }

    /** The device's largest allocation capped at {@link #STAGING_CAP}; launches from the property or the default. */
    static StreamLimits of(OpenClDevice device) {
        long buffer = Math.min(device.maxAllocBytes() > 0 ? device.maxAllocBytes() : STAGING_CAP, STAGING_CAP);
        long pairs = DEFAULT_LAUNCH_PAIRS;
        String prop = System.getProperty(LAUNCH_PAIRS_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            try {
                pairs = Long.parseLong(prop.trim());
            } catch (NumberFormatException e) {
                pairs = 0;
            }
            if (pairs < 1)
                throw new BackendUnavailableException(LAUNCH_PAIRS_PROPERTY + " must be a number of pairs ≥ 1, got '" + prop + "'");
        }
        return new StreamLimits(buffer, pairs);
    }

    /** Rows of {@code bytesPerRow} that fit one buffer. */
    long rowsPerBuffer(long bytesPerRow) {
        return maxBufferBytes / bytesPerRow;
    }

    /** This with a smaller largest buffer (tests force blocks with it). */
    StreamLimits withMaxBufferBytes(long bytes) {
        return new StreamLimits(Math.min(bytes, maxBufferBytes), maxLaunchPairs);
    }

    /** This with another cap on pairs per launch (tests force many launches with it). */
    StreamLimits withMaxLaunchPairs(long pairs) {
        return new StreamLimits(maxBufferBytes, pairs);
    }
}
