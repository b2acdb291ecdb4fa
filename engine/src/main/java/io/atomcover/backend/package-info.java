/**
 * The kernel-sum service interface and the choice of backend. {@link KdeBackend} is the one place
 * where pairs of descriptor rows are visited: linear and log-space kernel sums, distance sums, the
 * {@link CoverSession} of greedy selection, the {@link PrefixSession} of selection curves and, where
 * a device can run it, the whole {@link GreedyCover} loop; rows travel as {@link RowBlock}s. The
 * default sessions, {@link PlainCoverSession} and {@link PlainPrefixSession}, run on any backend
 * through its kernel sums alone.
 *
 * <p>{@link Backends#open} turns {@code auto}, {@code cpu} or a provider name into a backend: the CPU
 * backend of {@code io.atomcover.backend.cpu}, or a device backend of a {@link KdeBackendProvider}
 * found through {@link java.util.ServiceLoader} (the OpenCL module), which {@code auto} wraps in
 * {@link FallbackKdeBackend} so that a failing device hands its work to the CPU.
 * {@link SignalChaining} and {@link ChildJvm} keep native drivers from taking the JVM down with them.
 * This package depends on the CPU backend only where {@link Backends} opens it.
 */
package io.atomcover.backend;
