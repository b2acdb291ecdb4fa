package io.atomcover.ilpselect.ilp;

/** Which engine solves the atom-mapping integer program. */
public enum IlpSolver {
    /**
     * atomcover's own exact branch and bound over molecule columns with Lagrangian bounds
     * ({@link ColumnSearch}); ranks molecule by molecule ({@link ForcedMoleculeRanking}) instead of
     * enumerating, deterministic, no OR-Tools needed.
     */
    BNB,
    /** CP-SAT (constraint programming with SAT and LP relaxations); needs integer costs. */
    CPSAT,
    /** SCIP, a branch-and-cut MIP solver, through OR-Tools' MPSolver. */
    SCIP
}
