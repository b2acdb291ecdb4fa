package io.atomcover.cli;

/**
 * A failure the user can fix that is neither bad usage nor a malformed file (for example a dataset
 * without cells given to the volume-based bandwidth rule). Reported as one line, exit code 1.
 */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }

    /** With the failure behind it, shown by {@code --debug}. */
    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
