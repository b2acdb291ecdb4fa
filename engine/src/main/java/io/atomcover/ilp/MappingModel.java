package io.atomcover.ilp;

/**
 * A solver's copy of the integer program of a {@link MappingProblem}: binary x per candidate pair,
 * binary y per model molecule, each target atom mapped exactly once, each database atom at most once,
 * y ≥ x and y ≤ Σ x within a molecule; minimise Σ d² x + λ(Σ m y - n). Enumeration adds
 * "Σ y over molecules never seen ≥ 1" constraints between solves.
 */
interface MappingModel extends AutoCloseable {
    /** Outcome of one solve. */
    enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }

    /**
     * @param status     OPTIMAL, FEASIBLE (a solution, optimality not proven within the time), INFEASIBLE
     *                   (no solution exists), UNKNOWN (no solution found within the time)
     * @param pairs      the chosen pair of every target atom (null without a solution)
     * @param bound      the solver's lower bound on the objective, in the original units
     * @param floor      a value the optimum of any later, more constrained solve cannot go below,
     *                   in the solver's own units (CP-SAT: scaled integers), or NaN when unknown
     */
    record Result(Status status, int[] pairs, double bound, double floor) {
    }

    /** Requires every later solution to use at least one of these model molecules. */
    void requireOneOf(int[] molecules);

    /**
     * Solves the current program.
     *
     * @param seconds time limit
     * @param hint    chosen pair per target atom of a previous solution, or null
     * @param floor   {@link Result#floor} of the previous solve (NaN for none)
     */
    Result solve(double seconds, int[] hint, double floor);

    @Override
    void close();
}
