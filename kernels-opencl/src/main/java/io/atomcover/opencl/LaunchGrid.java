package io.atomcover.opencl;

/**
 * How a block of query rows × reference rows is cut into kernel launches of at most
 * {@link StreamLimits#maxLaunchPairs()} pair evaluations: slices of {@code queryRows} query rows (a
 * multiple of the work-group, or all of them) times slices of {@code refRows} reference rows (a
 * multiple of the local-memory tile, or all of them).
 *
 * <p>Each query row's sum visits the reference in the same tiles whatever the slicing, as long as
 * the block itself starts on a tile boundary, so the results do not depend on the limits.
 *
 * @param queryRows query rows per launch
 * @param refRows   reference rows per launch
 */
record LaunchGrid(int queryRows, int refRows) {
    /**
     * The fewest launches within {@code maxPairs} each, except that a launch always takes at least
     * one work-group of query rows against one tile of reference rows.
     */
    static LaunchGrid of(int nq, int nr, int workGroup, int tile, long maxPairs) {
        if (nq < 1 || nr < 1 || workGroup < 1 || tile < 1 || maxPairs < 1)
            throw new IllegalArgumentException("launch grid of " + nq + " x " + nr + " rows, work-group " + workGroup
                    + ", tile " + tile + ", " + maxPairs + " pairs");
        int qs = nq;
        if ((long) nq * Math.min(nr, tile) > maxPairs)
            qs = (int) Math.min(nq, Math.max(workGroup, maxPairs / tile / workGroup * workGroup));
        int rs = nr;
        if ((long) qs * nr > maxPairs)
            rs = (int) Math.min(nr, Math.max(tile, maxPairs / qs / tile * tile));
        return new LaunchGrid(qs, rs);
    }

    /** Launches this grid makes over {@code nq} × {@code nr} rows. */
    long launches(int nq, int nr) {
        return (long) ((nq + queryRows - 1) / queryRows) * ((nr + refRows - 1) / refRows);
    }
}
