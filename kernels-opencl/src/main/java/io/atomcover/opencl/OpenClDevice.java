package io.atomcover.opencl;

import io.atomcover.backend.DeviceInfo;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found on this machine, with the limits the backend sizes its work by.
 *
 * @param info              what {@code atomcover devices} lists
 * @param localMemoryBytes  local (shared) memory per work-group
 * @param maxAllocBytes     largest single buffer
 * @param maxWorkGroupSize  largest work-group
 */
record OpenClDevice(cl_platform_id platform, cl_device_id device, DeviceInfo info, long localMemoryBytes,
                    long maxAllocBytes, long maxWorkGroupSize) {
}
