/**
 * The information metrics built on kernel sums: the metrics side of the flow file → structures →
 * descriptors → kernel sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.metrics.InformationMetrics} computes entropy, diversity, differential
 * entropy, overlap and structure entropies through an {@link io.atomcover.backend.KdeBackend}
 * (entropy and dH also from kernel sums within a tolerance), and an entropy estimated from a sample
 * of the rows ({@link io.atomcover.metrics.SampledEntropy});
 * {@link io.atomcover.metrics.SelectionOverlap} counts a selection's overlap, testing only the rows
 * that no known lower bound already shows covered, with the backend's early-stopping coverage test; and
 * {@link io.atomcover.metrics.Bandwidth} holds the bandwidth choices. The definitions are in
 * docs/methods.md, "Kernel density estimates".
 */
package io.atomcover.metrics;
