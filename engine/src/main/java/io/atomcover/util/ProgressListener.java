package io.atomcover.util;

/**
 * Receives progress of a long computation. Called from worker threads: implementations must be
 * thread-safe and cheap. The engine reports units it knows (structures, rows, picks); the CLI turns
 * them into a progress bar on stderr.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  units finished so far (monotone within one task)
     * @param total units in the task
     */
    void progress(long done, long total);
}
