package io.atomcover.ilpselect.ilp;

/**
 * The candidate counts an enumeration widens through when the pruned program runs out of new
 * molecules: K, 2K, 4K, … and at last 0 (all atoms of the element). Each step keeps every pair of
 * the step before (the K nearest are among the 2K nearest, ties by position, and the molecules
 * holding a candidate only grow, so do their whole-molecule pairs).
 */
final class CandidateSchedule {
    private CandidateSchedule() {
    }

    /**
     * The K after {@code k}, or -1 when {@code k} already keeps every atom.
     *
     * @param k           the current K (0: all)
     * @param largestPool the most database atoms of one element of the target ({@link MappingProblem#largestPool})
     */
    static int next(int k, int largestPool) {
        if (k == 0 || k >= largestPool) return -1;
        return k >= (largestPool + 1) / 2 ? 0 : 2 * k;
    }
}
