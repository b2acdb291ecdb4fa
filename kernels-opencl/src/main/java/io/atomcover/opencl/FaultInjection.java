package io.atomcover.opencl;

import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;

import io.atomcover.backend.BackendUnavailableException;
import org.jocl.CL;
import org.jocl.CLException;

/**
 * The test hook of {@value OpenClKdeBackend#FAIL_AT_PROPERTY}{@code =N}: the N-th buffer allocation
 * or enqueue of a session (1-based, counted from its opening) throws JOCL's {@link CLException}
 * {@code CL_MEM_OBJECT_ALLOCATION_FAILURE} instead of reaching the driver, as a device that runs out
 * of memory would; the calls before and after it run normally. Read once, when the session opens.
 */
final class FaultInjection {
    private final long failAt;
    private long calls;

    private FaultInjection(long failAt) {
        this.failAt = failAt;
    }

    /** From the system property; none when it is unset or blank. */
    static FaultInjection fromProperty() {
        String prop = System.getProperty(OpenClKdeBackend.FAIL_AT_PROPERTY);
        if (prop == null || prop.isBlank()) return new FaultInjection(0);
        try {
            long n = Long.parseLong(prop.trim());
            if (n >= 1) return new FaultInjection(n);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BackendUnavailableException(OpenClKdeBackend.FAIL_AT_PROPERTY + " must be a call number ≥ 1, got '" + prop + "'");
    }

    /** Counts one allocation or enqueue about to reach the driver; throws at the chosen one. */
    void check() {
        if (failAt > 0 && ++calls == failAt)
            throw new CLException(CL.stringFor_errorCode(CL_MEM_OBJECT_ALLOCATION_FAILURE), CL_MEM_OBJECT_ALLOCATION_FAILURE);
    }
}
