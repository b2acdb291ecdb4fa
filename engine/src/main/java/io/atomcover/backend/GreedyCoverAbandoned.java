package io.atomcover.backend;


/**
 * Thrown by {@link GreedyCover#run} when the backend gave up its device loop in mid-run and moved to
 * another backend (one without a greedy cover): the caller restarts the selection with its host
 * loop on the same backend. The selection is deterministic, so the restart gives what a run on that
 * backend alone gives.
 */
public class GreedyCoverAbandoned extends RuntimeException {
    public GreedyCoverAbandoned(String message, Throwable cause) {
        super(message, cause);
    }
}
