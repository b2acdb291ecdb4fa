package io.atomcover.ilpselect.api;

import io.atomcover.ilpselect.ilp.Ranking;

/**
 * The ranking of one target.
 *
 * @param ranking the database molecules, best first, with the method's details
 * @param model   ILP only: candidate pairs, molecules and pruning bound of the model; else null
 */
public record Selected(Ranking ranking, double[] model) {
}
