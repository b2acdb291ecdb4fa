package io.atomcover.api;

import io.atomcover.neighbours.NearestNeighbours;

/**
 * dH of every environment from its k nearest reference environments (upstream QUESTS's approx_dH).
 *
 * @param values       one value per environment, +∞ where every neighbour term underflows
 * @param neighbours   the neighbours the index returned
 * @param indexSeconds time to build the index
 * @param querySeconds time to query it
 */
public record ApproximateDifferentialEntropies(double[] values, NearestNeighbours neighbours, double indexSeconds,
                                               double querySeconds) {
}
