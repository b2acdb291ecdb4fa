/**
 * Information metrics of descriptor sets from Gaussian kernel sums: entropy, diversity,
 * differential entropy, overlap and structure entropies ({@link InformationMetrics}), and the kernel bandwidth
 * choices ({@link Bandwidth}). The pair work goes through an {@link io.atomcover.backend.KdeBackend}.
 */
package io.atomcover.metrics;
