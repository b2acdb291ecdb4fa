package io.atomcover.api;

import io.atomcover.neighbours.IndexParameters;

/**
 * How a Monte Carlo chain measures dH against its reference: exactly (every reference environment,
 * max-shifted log sums, so the score stays finite far from the data) or, as upstream QUESTS's
 * {@code active_learning} does, from the k nearest reference environments of an HNSW index.
 *
 * @param approximate whether to use the index
 * @param k           neighbours per environment when approximate
 * @param index       index settings when approximate
 */
public record Scoring(boolean approximate, int k, IndexParameters index) {
    /** Exact dH. */
    public static final Scoring EXACT = new Scoring(false, 0, null);

    /** dH from the k nearest neighbours of an index with these settings. */
    public static Scoring approximate(int k, IndexParameters index) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        return new Scoring(true, k, index);
    }
}
