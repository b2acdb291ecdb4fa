/**
 * Nearest neighbours of descriptor rows and the approximate dH built on them (docs/methods.md,
 * "Approximate dH"): {@link io.atomcover.neighbours.HnswIndex} answers k-nearest queries from an
 * HNSW graph (the hnswlib-core library), {@link io.atomcover.neighbours.NearestNeighbours} holds the
 * answers, exact ones come from a brute-force scan ({@link io.atomcover.neighbours.ExactNeighbours}),
 * and {@link io.atomcover.neighbours.ApproximateDeltaEntropy} turns distances into dH and measures the
 * index's recall.
 */
package io.atomcover.neighbours;
