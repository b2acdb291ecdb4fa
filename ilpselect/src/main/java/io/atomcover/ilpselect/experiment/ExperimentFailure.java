package io.atomcover.ilpselect.experiment;

/** A ranking or a learning curve of an experiment could not be computed; the message names which and why. */
public final class ExperimentFailure extends RuntimeException {
    public ExperimentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
