package io.atomcover.ilpselect.api;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;

/**
 * What {@link IlpSelect#select} ranks with.
 *
 * @param method         the ranking method
 * @param size           molecules wanted, 1..database size
 * @param representation FCHL19 of database and target
 * @param ilp            ILP settings (ILP only)
 * @param seed           seed of the random method
 * @param threads        worker threads of FCHL19
 */
public record SelectSettings(RankingMethod method, int size, Fchl19 representation, IlpOptions ilp, long seed, int threads) {
}
