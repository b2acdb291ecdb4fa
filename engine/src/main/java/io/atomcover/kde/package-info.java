/**
 * Kernel sums and the information metrics built on them: the middle of the flow file → structures
 * → descriptors → kernel sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.kde.KdeBackend} is the service interface through which every pair of
 * descriptor rows is visited (linear and log-space kernel sums, distance sums, and the cover and
 * prefix sessions of greedy selection and selection curves); {@link io.atomcover.kde.CpuKdeBackend}
 * is the multi-threaded CPU implementation, with exact pruning of negligible terms. On top of a
 * backend, {@link io.atomcover.kde.Kde} computes entropy, diversity, differential entropy, overlap
 * and structure entropies, and {@link io.atomcover.kde.Bandwidth} holds the bandwidth choices. The
 * definitions are in docs/methods.md, "Kernel density estimates".
 */
package io.atomcover.kde;
