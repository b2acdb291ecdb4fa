package io.atomcover.opencl;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clWaitForEvents;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Precision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * An OpenCL context on one device: two in-order queues (kernels; uploads, so an upload can overlap
 * the kernel before it), the program built from the {@code .cl} resources for the chosen precision,
 * and small typed helpers around JOCL. Not thread-safe: the backend serialises its calls.
 */
final class ClSession implements AutoCloseable {
    /** Extra options for clBuildProgram (appended), e.g. to try compiler flags; tests use it to force a failure. */
    static final String BUILD_OPTIONS_PROPERTY = "atomcover.opencl.buildOptions";
    /** Dimension the program is built for at open time (QUESTS with k = 32), so build failures show at once. */
    static final int DEFAULT_DIM = 63;
    private static final String[] SOURCES = {"common.cl", "rowsums.cl", "reduce.cl", "msc.cl"};

    final OpenClDevice device;
    final Precision precision;
    /** Bytes per real (8 for double, 4 for float). */
    final int realBytes;
    final cl_context context;
    final cl_command_queue compute;
    final cl_command_queue copy;
    /** Programs by descriptor dimension (the kernels are specialised for it). */
    private final Map<Integer, Kernels> programs = new HashMap<>();
    /** Sees every allocation and enqueue; fails one when a test asks it to. */
    private final FaultInjection faults;

    ClSession(OpenClDevice device, Precision precision) {
        CL.setExceptionsEnabled(true);
        if (!device.info().fp64())
            throw new BackendUnavailableException("device " + device.info().index() + " (" + device.info().name()
                    + ") has no double precision (cl_khr_fp64), which the accumulators need even with --precision float");
        this.faults = FaultInjection.fromProperty();
        this.device = device;
        this.precision = precision;
        this.realBytes = precision == Precision.FLOAT ? 4 : 8;
        cl_context ctx = null;
        cl_command_queue q1 = null;
        cl_command_queue q2 = null;
        try {
            ctx = clCreateContext(null, 1, new org.jocl.cl_device_id[] {device.device()}, null, null, null);
            q1 = clCreateCommandQueue(ctx, device.device(), 0, null);
            q2 = clCreateCommandQueue(ctx, device.device(), 0, null);
        } catch (RuntimeException e) {
            if (q2 != null) clReleaseCommandQueue(q2);
            if (q1 != null) clReleaseCommandQueue(q1);
            if (ctx != null) clReleaseContext(ctx);
            if (e instanceof BackendUnavailableException) throw e;
            throw new BackendUnavailableException("opening OpenCL device " + device.info().index() + " ("
                    + device.info().name() + ") failed: " + e.getMessage(), e);
        }
        context = ctx;
        compute = q1;
        copy = q2;
        try {
            kernels(DEFAULT_DIM);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The kernels built for descriptors of {@code dim} values (built on first use, then kept). */
    Kernels kernels(int dim) {
        Kernels k = programs.get(dim);
        if (k != null) return k;
        String options = buildOptions(dim);
        cl_program prog = clCreateProgramWithSource(context, 1, new String[] {source()}, null, null);
        try {
            clBuildProgram(prog, 1, new org.jocl.cl_device_id[] {device.device()}, options, null, null);
        } catch (CLException e) {
            String log = firstLines(buildLog(prog));
            clReleaseProgram(prog);
            throw new BackendUnavailableException("building the OpenCL kernels (" + options + ") failed on "
                    + device.info().name() + ": " + e.getMessage() + log, e);
        }
        k = new Kernels(prog, clCreateKernel(prog, "init_acc", null), clCreateKernel(prog, "row_sums", null),
                clCreateKernel(prog, "entropy_overlap", null), clCreateKernel(prog, "msc_update", null),
                clCreateKernel(prog, "msc_argmax", null));
        programs.put(dim, k);
        return k;
    }

    /** The kernels of one program; every launch sets all of a kernel's arguments first. */
    record Kernels(cl_program program, cl_kernel initAcc, cl_kernel rowSums, cl_kernel entropyOverlap,
                   cl_kernel mscUpdate, cl_kernel mscArgmax) {
        void release() {
            for (cl_kernel k : new cl_kernel[] {initAcc, rowSums, entropyOverlap, mscUpdate, mscArgmax}) clReleaseKernel(k);
            clReleaseProgram(program);
        }
    }

    private String buildOptions(int dim) {
        String base = "-DDIM=" + dim + (precision == Precision.FLOAT ? " -DREAL=float -DDIRECT=1" : " -DREAL=double -DDIRECT=0");
        String extra = System.getProperty(BUILD_OPTIONS_PROPERTY, "").trim();
        return extra.isEmpty() ? base : base + " " + extra;
    }

    private static String source() {
        StringBuilder sb = new StringBuilder();
        for (String name : SOURCES) {
            try (InputStream in = ClSession.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("missing kernel source " + name + " in the jar");
                sb.append("/* ---- ").append(name).append(" ---- */\n");
                sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    private String buildLog(cl_program prog) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(prog, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buf = new byte[(int) size[0]];
            clGetProgramBuildInfo(prog, device.device(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
            int n = 0;
            while (n < buf.length && buf[n] != 0) n++;
            return new String(buf, 0, n, StandardCharsets.UTF_8).trim();
        } catch (CLException e) {
            return "";
        }
    }

    private static String firstLines(String log) {
        if (log.isEmpty()) return "";
        String[] lines = log.split("\n");
        StringBuilder sb = new StringBuilder(": ");
        for (int i = 0; i < Math.min(3, lines.length); i++) sb.append(i > 0 ? " | " : "").append(lines[i].trim());
        return sb.toString();
    }

    /** Largest power-of-two work-group size ≤ {@code want} that the kernel and device allow. */
    int workGroup(cl_kernel k, int want) {
        long[] max = new long[1];
        if (Sizeof.size_t == 4) {
            int[] m = new int[1];
            clGetKernelWorkGroupInfo(k, device.device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(m), null);
            max[0] = m[0] & 0xffffffffL;
        } else {
            clGetKernelWorkGroupInfo(k, device.device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max), null);
        }
        long limit = Math.min(want, Math.min(max[0], device.maxWorkGroupSize()));
        int wg = 1;
        while (wg * 2L <= limit) wg *= 2;
        return wg;
    }

    cl_mem buffer(long bytes) {
        faults.check();
        return clCreateBuffer(context, CL_MEM_READ_WRITE, Math.max(bytes, 8), null, null);
    }

    static void release(cl_mem... mems) {
        for (cl_mem m : mems) if (m != null) clReleaseMemObject(m);
    }

    /** Blocking upload on the compute queue (ordered with the kernels). */
    void write(cl_mem mem, Pointer host, long bytes) {
        if (bytes <= 0) return;
        faults.check();
        clEnqueueWriteBuffer(compute, mem, CL_TRUE, 0, bytes, host, 0, null, null);
    }

    void writeInts(cl_mem mem, int[] v) {
        write(mem, Pointer.to(v), (long) v.length * Sizeof.cl_int);
    }

    void writeDoubles(cl_mem mem, double[] v) {
        write(mem, Pointer.to(v), (long) v.length * Sizeof.cl_double);
    }

    void writeBytes(cl_mem mem, byte[] v) {
        write(mem, Pointer.to(v), v.length);
    }

    /** Non-blocking upload on the copy queue; the returned event completes with it. */
    cl_event writeAsync(cl_mem mem, Pointer host, long bytes) {
        faults.check();
        cl_event ev = new cl_event();
        clEnqueueWriteBuffer(copy, mem, CL_FALSE, 0, Math.max(bytes, 0), host, 0, null, ev);
        clFlush(copy);
        return ev;
    }

    /** Blocking read on the compute queue, after every kernel enqueued before it. */
    void readDoubles(cl_mem mem, double[] into, int count) {
        if (count <= 0) return;
        faults.check();
        clEnqueueReadBuffer(compute, mem, CL_TRUE, 0, (long) count * Sizeof.cl_double, Pointer.to(into), 0, null, null);
    }

    void readInts(cl_mem mem, int[] into) {
        faults.check();
        clEnqueueReadBuffer(compute, mem, CL_TRUE, 0, (long) into.length * Sizeof.cl_int, Pointer.to(into), 0, null, null);
    }

    /** Sets the kernel's arguments in order: cl_mem, Integer, Double (as real or double, see {@link Real}), {@link Local}. */
    void args(cl_kernel k, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof cl_mem m) CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(m));
            else if (v instanceof Integer n) CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {n}));
            else if (v instanceof Double d) CL.clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {d}));
            else if (v instanceof Real r) {
                if (realBytes == 4) CL.clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {(float) r.value()}));
                else CL.clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {r.value()}));
            } else if (v instanceof Local l) CL.clSetKernelArg(k, i, Math.max(l.bytes(), 8), null);
            else throw new IllegalArgumentException("kernel argument " + i + ": " + v);
        }
    }

    /** A scalar passed in the kernels' real type. */
    record Real(double value) {
    }

    /** Local memory of the given size. */
    record Local(long bytes) {
    }

    /** Enqueues a 1-D launch of {@code groups} work-groups of {@code wg} items on the compute queue. */
    void run(cl_kernel k, long groups, int wg) {
        faults.check();
        clEnqueueNDRangeKernel(compute, k, 1, null, new long[] {groups * wg}, new long[] {wg}, 0, null, null);
    }

    /** As {@link #run(cl_kernel, long, int)}, after the given events; returns the launch's event. */
    cl_event runAfter(cl_kernel k, long groups, int wg, cl_event... waitFor) {
        faults.check();
        cl_event ev = new cl_event();
        clEnqueueNDRangeKernel(compute, k, 1, null, new long[] {groups * wg}, new long[] {wg},
                waitFor.length, waitFor.length == 0 ? null : waitFor, ev);
        clFlush(compute);
        return ev;
    }

    static void await(cl_event ev) {
        if (ev != null) clWaitForEvents(1, new cl_event[] {ev});
    }

    static void releaseEvent(cl_event ev) {
        if (ev != null) clReleaseEvent(ev);
    }

    void finish() {
        clFinish(compute);
    }

    @Override
    public void close() {
        for (Kernels k : programs.values()) k.release();
        programs.clear();
        clReleaseCommandQueue(copy);
        clReleaseCommandQueue(compute);
        clReleaseContext(context);
    }
}
