package io.atomcover.backend;

/** A backend could not be opened (no platform, no such device, build failure, out of memory). */
public class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
