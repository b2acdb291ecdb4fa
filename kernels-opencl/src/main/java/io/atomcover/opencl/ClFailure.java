package io.atomcover.opencl;

import io.atomcover.backend.BackendFailureException;
import org.jocl.CL;
import org.jocl.CLException;

/** Turns a JOCL error in mid-run into the engine's {@link BackendFailureException}, naming the operation and the CL error. */
final class ClFailure {
    private ClFailure() {
    }

    /** "OpenCL {what} failed on {device}: CL_…". */
    static BackendFailureException of(String what, OpenClDevice device, CLException e) {
        String code = CL.stringFor_errorCode(e.getStatus());
        String msg = e.getMessage();
        String error = msg == null || msg.contains(code) ? code : code + " (" + msg + ")";
        return new BackendFailureException("OpenCL " + what + " failed on " + device.info().name() + ": " + error, e);
    }
}
