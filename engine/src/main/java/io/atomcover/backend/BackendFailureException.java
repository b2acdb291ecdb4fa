package io.atomcover.backend;

/**
 * An opened backend failed in the middle of a call (device out of memory or resources, a failed
 * enqueue). The message names the device error and the operation, e.g.
 * {@code OpenCL kernel sums failed on <device>: CL_MEM_OBJECT_ALLOCATION_FAILURE}. Under
 * {@code --backend auto} the call is redone on the CPU ({@link FallbackKdeBackend}).
 */
public class BackendFailureException extends BackendUnavailableException {
    public BackendFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
