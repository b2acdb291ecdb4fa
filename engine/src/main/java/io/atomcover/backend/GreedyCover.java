package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;

/**
 * A backend capability: the whole greedy minimum-set-cover loop run where the data lives (a GPU),
 * eagerly — after every pick the picked structure's kernel sums are added to the cover of every
 * environment still in play and the per-structure minima and the arg-max are reduced on the device,
 * so only the chosen index crosses the bus per iteration. Semantics are those of
 * {@code io.atomcover.select.MscSelector}: score {@code H_s - min_e log K_e} in log space,
 * {@code H_s - log min_e K_e} in linear space (+∞ when that minimum is exactly 0); the highest
 * score wins, the smaller index on ties.
 */
public interface GreedyCover {

    /**
     * Runs the greedy loop.
     *
     * @param d            descriptors with structure offsets (every structure has at least one row)
     * @param entropies    H_s per structure
     * @param initialCover starting cover per environment (log K_e when {@code logSpace}, else K_e) for
     *                     conditional runs; {@code null} for plain MSC, whose first pick is the
     *                     structure with the largest H_s (first index on ties) with score +∞
     * @param size         number of picks, 0..S
     * @param bandwidth    Gaussian bandwidth h
     * @param logSpace     true for default mode (log-space covers), false for compat mode
     * @param progress     receives (picks done, size)
     * @throws GreedyCoverAbandoned when the backend gave up the device loop in mid-run (the caller
     *                              restarts with its host loop)
     */
    Result run(Descriptors d, double[] entropies, double[] initialCover, int size, double bandwidth,
               boolean logSpace, ProgressListener progress);

    /**
     * @param order  picks in order
     * @param scores score of each pick when taken
     * @param pairs  environment pairs evaluated
     */
    record Result(int[] order, double[] scores, long pairs) {
    }
}
