/**
 * The multi-threaded CPU backend, {@link io.atomcover.backend.cpu.CpuKdeBackend}, with exact pruning
 * of negligible terms, and its cover and prefix sessions
 * ({@link io.atomcover.backend.cpu.CpuCoverSession}, {@link io.atomcover.backend.cpu.CpuPrefixSession}),
 * and its coverage test, {@link io.atomcover.backend.cpu.CoveredRows}, whose row sums stop once they
 * show the answer.
 * Each cuts the rows into the leaves of a {@link io.atomcover.backend.cpu.RowIndex} (a k-d split of
 * principal-axis projections) whose bounds skip the pairs that cannot matter, and evaluates the pairs
 * it keeps tile by tile with the one {@link io.atomcover.backend.cpu.TileKernel}: dot products against
 * a leaf panel, or a {@link io.atomcover.backend.cpu.Strip} of consecutive leaves side by side,
 * squared distances and kernel terms with the fast exp of {@link io.atomcover.backend.cpu.FastExp}.
 * Asked for a tolerance, the backend also narrows the band and adds far leaves at the midpoint of
 * their bounded terms (bounded-error sums). The backend keeps one {@link io.atomcover.util.Parallel}
 * pool for its life, shared by its sessions; results do not depend on the thread count.
 * {@link io.atomcover.backend.cpu.KernelProbe} runs the tile kernel alone, brute force, for its raw rate.
 */
package io.atomcover.backend.cpu;
