/**
 * Kernel sums, the backend side of the flow file → structures → descriptors → kernel sums
 * (backends) → selection/metrics → report: the service interface every backend implements, and the
 * choice of backend.
 *
 * <p>{@link io.atomcover.backend.KdeBackend} does the pair work of metrics and selections: linear
 * and log-space kernel sums, distance sums, the coverage test of overlaps ({@code covered}), the
 * {@link io.atomcover.backend.CoverSession} of greedy selection, the
 * {@link io.atomcover.backend.PrefixSession} of selection curves and, where a device can run it, the
 * whole {@link io.atomcover.backend.GreedyCover} loop, and, where a cluster can run them side by
 * side, the {@link io.atomcover.backend.ChunkCovers} of a segmented-MSC round; rows travel as
 * {@link io.atomcover.backend.RowBlock}s. The default sessions,
 * {@link io.atomcover.backend.PlainCoverSession} and {@link io.atomcover.backend.PlainPrefixSession},
 * run on any backend through its kernel sums alone. A {@link io.atomcover.backend.Tolerance} lets a
 * backend return kernel sums within a relative error (the CPU backend aggregates far pairs; an exact
 * backend ignores it), and states what that bound means for log sums. Outside the backends, pair arithmetic on rows
 * (squared distances one by one, to one row or by blocks, Gaussian sums) comes from the one shared
 * helper, {@link io.atomcover.backend.PairDistances}, which the selectors and ILPSelect call.
 *
 * <p>{@link io.atomcover.backend.Backends#open} turns {@code auto}, {@code cpu} or a provider name
 * into a backend: the multi-threaded CPU backend of {@code io.atomcover.backend.cpu}, or a device
 * backend from a {@link io.atomcover.backend.KdeBackendProvider} found through
 * {@link java.util.ServiceLoader} (the OpenCL and Spark modules register one each), which under
 * {@code auto} is wrapped in {@link io.atomcover.backend.FallbackKdeBackend} so that the work moves
 * to the CPU when the device fails. {@link io.atomcover.backend.SignalChaining} refuses to load native drivers into a JVM that
 * would lose its signal handlers to them; {@link io.atomcover.backend.ChildJvm} starts the helper
 * JVMs that probe devices. See docs/opencl.md. This package refers to the CPU backend only where
 * {@link io.atomcover.backend.Backends} opens it.
 */
package io.atomcover.backend;
