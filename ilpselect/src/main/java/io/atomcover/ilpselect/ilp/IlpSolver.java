package io.atomcover.ilpselect.ilp;

/** Which OR-Tools engine solves the atom-mapping integer program. */
public enum IlpSolver {
    /** CP-SAT (constraint programming with SAT and LP relaxations); needs integer costs. */
    CPSAT,
    /** SCIP, a branch-and-cut MIP solver, through OR-Tools' MPSolver. */
    SCIP
}
