package io.atomcover.ilpselect.ilp;

/**
 * A solver's copy of the integer program of a {@link MappingProblem}: binary x per candidate pair,
 * binary y per model molecule, each target atom mapped exactly once, each database atom at most once,
 * y ≥ x and y ≤ Σ x within a molecule; minimise Σ d² x + λ(Σ m y - n). EnumerationState adds
 * "Σ y over molecules never seen ≥ 1" constraints between solves.
 */
interface MappingModel extends AutoCloseable {
    /** Outcome of one solve. */
    enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }

    /**
     * The limits of one solve.
     *
     * @param deterministicTime CP-SAT deterministic time (+∞: none; SCIP has none)
     * @param seconds           wall-clock seconds (+∞: none)
     */
    record Limits(double deterministicTime, double seconds) {
    }

    /**
     * @param status            OPTIMAL, FEASIBLE (a solution, optimality not proven within the limits),
     *                          INFEASIBLE (no solution exists), UNKNOWN (no solution found within the limits)
     * @param pairs             the chosen pair of every target atom (null without a solution)
     * @param bound             the solver's lower bound on the objective, in the original units
     * @param floor             a value the optimum of any later, more constrained solve cannot go below,
     *                          in the solver's own units (CP-SAT: scaled integers), or NaN when unknown
     * @param deterministicTime the deterministic time the solve used (NaN when the solver reports none)
     * @param seconds           wall time of the solve
     */
    record Result(Status status, int[] pairs, double bound, double floor, double deterministicTime, double seconds) {
    }

    /** Requires every later solution to use at least one of these model molecules. */
    void requireOneOf(int[] molecules);

    /**
     * Solves the current program.
     *
     * @param limits deterministic and wall-clock limits
     * @param hint   chosen pair per target atom of a previous solution, or null
     * @param floor  {@link Result#floor} of the previous solve (NaN for none)
     */
    Result solve(Limits limits, int[] hint, double floor);

    @Override
    void close();
}
