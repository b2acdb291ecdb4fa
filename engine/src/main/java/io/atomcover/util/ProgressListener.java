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

    /**
     * This listener seen from a step of a larger task: the step's progress, in whatever units it
     * reports, is passed on as units {@code [offset, offset + span)} of a task of {@code total} units.
     */
    default ProgressListener part(long offset, long span, long total) {
        if (this == NONE) return NONE;
        return (done, stepTotal) -> progress(offset + (stepTotal <= 0 ? span : (long) ((double) span * done / stepTotal)), total);
    }
}
