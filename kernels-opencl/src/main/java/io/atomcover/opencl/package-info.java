/**
 * The OpenCL backend: an implementation of the kernel-sum step in the flow file → structures →
 * descriptors → kernel sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.opencl.OpenClProvider} is found by the engine through
 * {@link java.util.ServiceLoader} and opens an {@link io.atomcover.opencl.OpenClKdeBackend} on one
 * device (JOCL; the kernels are the {@code .cl} resources of this package, compiled at run time).
 * The backend computes kernel and distance sums, entropy and overlap reductions, and runs the whole
 * greedy cover loop on the device ({@code DeviceGreedyCover}). Work of any size streams within
 * {@code StreamLimits} (no buffer beyond the device's largest allocation, no launch beyond a fixed
 * number of pair evaluations, cut by {@code LaunchGrid}); device memory grows with rows, never with
 * query × reference rows. OpenCL errors
 * become {@link io.atomcover.backend.BackendFailureException}s, so the engine can fall back to the
 * CPU. {@link io.atomcover.opencl.DeviceProbe} lists devices from a child JVM. See docs/opencl.md.
 */
package io.atomcover.opencl;
