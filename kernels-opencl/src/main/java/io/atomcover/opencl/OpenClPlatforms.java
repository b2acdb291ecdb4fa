package io.atomcover.opencl;

import static org.jocl.CL.CL_DEVICE_DOUBLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.SignalChaining;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** The OpenCL platforms and devices of this machine, numbered in one list across platforms. */
final class OpenClPlatforms {
    /** ocl-icd's answer when no vendor driver is registered. */
    private static final int PLATFORM_NOT_FOUND_KHR = -1001;

    private OpenClPlatforms() {
    }

    /**
     * Every device of every platform, platforms in driver order.
     *
     * Every entry into the OpenCL library starts here, behind the signal-chaining check.
     *
     * @throws BackendUnavailableException when this JVM does not chain signals, or there is no OpenCL
     *                                     library or no platform (the message says which)
     */
    static List<OpenClDevice> devices() {
        SignalChaining.require("OpenCL");
        cl_platform_id[] platforms;
        try {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            clGetPlatformIDs(0, null, n);
            if (n[0] == 0) throw noPlatform("the OpenCL loader reports none");
            platforms = new cl_platform_id[n[0]];
            clGetPlatformIDs(n[0], platforms, null);
        } catch (CLException e) {
            if (e.getStatus() == PLATFORM_NOT_FOUND_KHR)
                throw noPlatform("no usable driver: none registered under /etc/OpenCL/vendors, or its library could not be loaded");
            throw noPlatform(e.getMessage());
        } catch (LinkageError e) {
            throw noPlatform("the OpenCL library (libOpenCL.so) could not be loaded: " + e.getMessage());
        }
        List<OpenClDevice> out = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            String platformName = string(p);
            cl_device_id[] ids;
            try {
                int[] n = new int[1];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, n);
                ids = new cl_device_id[n[0]];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, n[0], ids, null);
            } catch (CLException e) {
                continue; // a platform without devices
            }
            for (cl_device_id d : ids) {
                long type = longInfo(d, CL_DEVICE_TYPE);
                String kind = (type & CL_DEVICE_TYPE_GPU) != 0 ? "gpu"
                        : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator" : "cpu";
                DeviceInfo info = new DeviceInfo(out.size(), platformName, string(d, CL_DEVICE_NAME).trim(), kind,
                        longInfo(d, CL_DEVICE_GLOBAL_MEM_SIZE), intInfo(d, CL_DEVICE_MAX_COMPUTE_UNITS),
                        fp64(d));
                out.add(new OpenClDevice(p, d, info, longInfo(d, CL_DEVICE_LOCAL_MEM_SIZE),
                        longInfo(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE), sizeInfo(d, CL_DEVICE_MAX_WORK_GROUP_SIZE)));
            }
        }
        return out;
    }

    private static BackendUnavailableException noPlatform(String why) {
        return new BackendUnavailableException("no OpenCL platform (" + why + ")");
    }

    private static String string(cl_platform_id p) {
        long[] size = new long[1];
        clGetPlatformInfo(p, CL_PLATFORM_NAME, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, CL_PLATFORM_NAME, buf.length, Pointer.to(buf), null);
        return cString(buf).trim();
    }

    private static String string(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the device does double precision (the query fails on old devices without it). */
    private static boolean fp64(cl_device_id d) {
        try {
            return longInfo(d, CL_DEVICE_DOUBLE_FP_CONFIG) != 0;
        } catch (CLException e) {
            return false;
        }
    }

    private static long longInfo(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static int intInfo(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    private static long sizeInfo(cl_device_id d, int param) {
        if (Sizeof.size_t == 4) return intInfo(d, param) & 0xffffffffL;
        return longInfo(d, param);
    }
}
