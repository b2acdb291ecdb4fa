package io.atomcover.neighbours;

/**
 * Settings of an HNSW graph.
 *
 * @param m              links per node and layer (higher: better recall, more memory and build time)
 * @param efConstruction candidate list length while building
 * @param ef             candidate list length while searching (at least the k asked for is used)
 */
public record IndexParameters(int m, int efConstruction, int ef) {
    /** m = 16, efConstruction = 200, ef = 64. */
    public static final IndexParameters DEFAULT = new IndexParameters(16, 200, 64);

    public IndexParameters {
        if (m < 2) throw new IllegalArgumentException("m must be at least 2, got " + m);
        if (efConstruction < 1) throw new IllegalArgumentException("efConstruction must be at least 1, got " + efConstruction);
        if (ef < 1) throw new IllegalArgumentException("ef must be at least 1, got " + ef);
    }
}
