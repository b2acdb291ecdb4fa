/**
 * Choosing where kernel sums run: the backend side of the flow file → structures → descriptors →
 * kernel sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.backend.Backends#open} turns {@code auto}, {@code cpu} or a provider name
 * into a {@link io.atomcover.kde.KdeBackend}: accelerated backends come from
 * {@link io.atomcover.backend.KdeBackendProvider}s found through {@link java.util.ServiceLoader} (the
 * OpenCL module is one), and under {@code auto} a device backend is wrapped in
 * {@link io.atomcover.backend.FallbackKdeBackend}, which moves the work to the CPU when the device
 * fails. {@link io.atomcover.backend.SignalChaining} refuses to load native drivers into a JVM that
 * would lose its signal handlers to them; {@link io.atomcover.backend.ChildJvm} starts the helper
 * JVMs that probe devices. See docs/opencl.md.
 */
package io.atomcover.backend;
