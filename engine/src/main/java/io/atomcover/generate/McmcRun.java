package io.atomcover.generate;

import io.atomcover.structure.Structure;

/**
 * One chain: its best structure and the record of every step.
 *
 * @param best        the proposal with the lowest score (the start when no proposal scored finite)
 * @param bestScore   its score
 * @param bestStep    the step that proposed it, or -1 for the start
 * @param seed        the chain's seed
 * @param temperature kT of each step
 * @param score       score of each step's proposal
 * @param draw        the uniform number U drawn at each step
 * @param accepted    whether the proposal was accepted: exp(−(score − current)/kT) &gt; U
 */
public record McmcRun(Structure best, double bestScore, int bestStep, long seed, double[] temperature, double[] score,
                      double[] draw, boolean[] accepted) {
    /** Number of accepted proposals. */
    public int acceptedCount() {
        int n = 0;
        for (boolean a : accepted) if (a) n++;
        return n;
    }
}
