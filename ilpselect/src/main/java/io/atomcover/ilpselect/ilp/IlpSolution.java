package io.atomcover.ilpselect.ilp;

import java.util.Arrays;

/**
 * One solution of the ILPSelect program: which database molecules are used and how every heavy
 * target atom is mapped.
 *
 * @param molecules       database molecules used, ascending
 * @param newMolecules    those of {@code molecules} that no earlier solution used, ascending
 * @param targetAtoms     the target's heavy atoms (indices within the target molecule)
 * @param mappedMolecule  per entry of {@code targetAtoms}: the database molecule it is mapped to
 * @param mappedAtom      per entry of {@code targetAtoms}: the atom index within that molecule
 * @param squaredDistance per entry of {@code targetAtoms}: |rep_i - rep_j|²
 * @param objective       Σ d² + λ(Σ m_M - n), computed exactly from the mapping
 * @param bound           the solver's lower bound within the candidate pairs (equal to the
 *                        objective, up to the CP-SAT rounding, when optimal)
 * @param pruningBound    a lower bound on every solution of the unpruned program that uses a pair
 *                        outside the candidates (+∞ when nothing was pruned); min(bound,
 *                        pruningBound) bounds the unpruned program
 * @param lagrangianBound a Lagrangian lower bound on the unpruned program (all atoms candidates)
 *                        under the same enumeration constraint ({@code LagrangianBound})
 * @param lowerBound      a lower bound on the optimum of the unpruned program under the same
 *                        enumeration constraint: max(lagrangianBound, min(bound, pruningBound)),
 *                        at most the objective
 * @param optimal         whether the solver proved the solution optimal within the candidate pairs
 * @param seconds         wall time since the start of the ranking when the solution was found
 * @param deterministicTime CP-SAT deterministic time used since the start of the ranking when the
 *                        solution was found, the budget's measure (NaN with SCIP)
 * @param solveSeconds    wall time of the solve that found it
 * @param solveDeterministicTime deterministic time of the solve that found it (NaN with SCIP)
 * @param candidates      K of the candidate set the solution was found with (0: all atoms of the
 *                        element); larger than the requested K once the enumeration was widened
 * @param lagrangianSeconds time spent on {@code lagrangianBound} for this solution
 */
public record IlpSolution(int[] molecules, int[] newMolecules, int[] targetAtoms, int[] mappedMolecule, int[] mappedAtom,
                          double[] squaredDistance, double objective, double bound, double pruningBound, double lagrangianBound,
                          double lowerBound, boolean optimal, double seconds, double deterministicTime, double solveSeconds,
                          double solveDeterministicTime, int candidates, double lagrangianSeconds) {
    /**
     * The lower bound on the unpruned program from its parts: max(lagrangian, min(solver, pruning)),
     * capped at the objective of the solution (itself feasible for that program).
     */
    static double unprunedBound(double objective, double solverBound, double pruningBound, double lagrangianBound) {
        double b = Math.max(lagrangianBound, Math.min(solverBound, pruningBound));
        return Math.min(b, objective);
    }

    /** Σ d² part of the objective. */
    public double distanceTerm() {
        double s = 0;
        for (double d : squaredDistance) s += d;
        return s;
    }

    /**
     * Relative gap to {@link #lowerBound}, the bound on the unpruned program: (objective - lowerBound)
     * / max(|objective|, 1e-12).
     */
    public double gap() {
        return (objective - lowerBound) / Math.max(Math.abs(objective), 1e-12);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IlpSolution s && Arrays.equals(molecules, s.molecules) && Arrays.equals(mappedMolecule, s.mappedMolecule)
                && Arrays.equals(mappedAtom, s.mappedAtom) && Arrays.equals(targetAtoms, s.targetAtoms) && objective == s.objective;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(molecules) * 31 + Double.hashCode(objective);
    }

    @Override
    public String toString() {
        return "IlpSolution[molecules=" + Arrays.toString(molecules) + ", objective=" + objective + ", optimal=" + optimal + ", candidates=" + candidates + "]";
    }
}
