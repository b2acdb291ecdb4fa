/**
 * The multi-threaded CPU backend, {@link CpuKdeBackend}, with its cover and prefix sessions
 * ({@link CpuCoverSession}, {@link CpuPrefixSession}). Each cuts the rows into the leaves of a
 * {@link RowIndex} (a k-d split of principal-axis projections, {@link Projection}) whose bounds
 * skip the pairs that cannot matter, and evaluates the pairs it keeps tile by tile with the one
 * {@link TileKernel}: dot products against a leaf panel, squared distances and kernel terms with
 * the fast exp of {@link FastExp}. Results do not depend on the thread count.
 */
package io.atomcover.backend.cpu;
