package io.atomcover.ilpselect.ilp;

import java.util.List;
import java.util.Objects;

/**
 * What pruning the candidates to K costs the first program of an enumeration (the one without an
 * enumeration constraint), measured by solving that program again with K, 2K, 4K, … candidates
 * ({@link IlpOptions#pruningCheck()}, {@link PruningChecker}).
 *
 * <p>Each wider candidate set keeps every pair of the narrower ones, so its optimum is no higher: the
 * lowest objective found is an upper bound on the optimum of the unpruned program, and
 * objective(K) − lowest objective a lower estimate of what pruning to K costs. Each step also gives a
 * lower bound on the unpruned optimum, min(solver bound, pruning bound), and so does the Lagrangian
 * bound of the enumeration's first solution; when the best of those reaches the lowest objective
 * (always so once a step keeps every atom and is proven optimal), the unpruned optimum is known and
 * the cost is exact.
 *
 * @param steps     one per candidate set solved, in the order solved (K ascending, all atoms last)
 * @param stop      why the check ended
 * @param tolerance objectives closer than this count as equal: 2n × the CP-SAT resolution (CP-SAT
 *                  optimises rounded costs; 0 for SCIP) plus 1e-6
 * @param lagrangianBound a lower bound on the unpruned first program found apart from the steps: the
 *                  Lagrangian bound of the enumeration's first solution ({@link IlpSolution#lagrangianBound});
 *                  −∞ when there is none
 */
public record PruningCost(List<Step> steps, Stop stop, double tolerance, double lagrangianBound) {
    /** Why the check ended. */
    public enum Stop {
        /** The objective did not decrease (by more than the tolerance) for two widenings in a row. */
        CONVERGED,
        /** The last step kept every atom of each element as a candidate. */
        ALL_ATOMS,
        /** The next K would pass {@link IlpOptions#pruningCheckMax()}. */
        CAP,
        /**
         * The budget (or a wall-clock limit, when given) ran out (the last step, if any, may be unproven or
         * without a solution).
         */
        TIME_LIMIT
    }

    /**
     * The first program solved with one candidate set.
     *
     * @param candidates   K (0: all atoms of the element)
     * @param pairs        candidate pairs (x variables)
     * @param molecules    molecules holding a candidate (y variables)
     * @param objective    objective of the solution found, computed exactly from its mapping; NaN
     *                     when none was found (infeasible, or no time)
     * @param bound        the solver's lower bound within these candidates (+∞ when proven infeasible,
     *                     −∞ when unknown)
     * @param pruningBound a lower bound on every solution of the unpruned program that uses a pair
     *                     outside these candidates ({@link MappingProblem#pruningBound}; +∞ when
     *                     nothing was pruned)
     * @param optimal      whether the solution was proven optimal within these candidates
     * @param seconds      wall time of the step: building the candidate pairs and solving
     * @param deterministicTime CP-SAT deterministic time of the solve, charged to the budget (NaN with SCIP)
     */
    public record Step(int candidates, int pairs, int molecules, double objective, double bound, double pruningBound,
                       boolean optimal, double seconds, double deterministicTime) {
        /** Whether a solution was found. */
        public boolean solved() {
            return !Double.isNaN(objective);
        }

        /** Whether every atom of each element was a candidate (nothing was pruned). */
        public boolean allAtoms() {
            return pruningBound == Double.POSITIVE_INFINITY;
        }

        /** A lower bound on the optimum of the unpruned program: min(bound, pruningBound). */
        public double unprunedBound() {
            return Math.min(bound, pruningBound);
        }
    }

    public PruningCost {
        Objects.requireNonNull(stop, "stop");
        if (Double.isNaN(lagrangianBound)) lagrangianBound = Double.NEGATIVE_INFINITY;
        steps = List.copyOf(steps);
    }

    /** The step with the K the enumeration started with, or null when there was no time for it. */
    public Step first() {
        return steps.isEmpty() ? null : steps.get(0);
    }

    /** The step solved last, or null. */
    public Step last() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** The lowest objective found, an upper bound on the unpruned optimum; NaN when no step found a solution. */
    public double minObjective() {
        double min = Double.NaN;
        for (Step s : steps) if (s.solved() && !(s.objective() >= min)) min = s.objective();
        return min;
    }

    /**
     * The best lower bound on the unpruned optimum: the largest {@link Step#unprunedBound} and
     * {@link #lagrangianBound}, at most {@link #minObjective}; −∞ when there is none.
     */
    public double unprunedBound() {
        double b = lagrangianBound;
        for (Step s : steps) b = Math.max(b, s.unprunedBound());
        double min = minObjective();
        return Double.isNaN(min) ? b : Math.min(b, min);
    }

    /**
     * What pruning to the first K costs at least: objective(K) − {@link #minObjective} (the solver's
     * bound in place of objective(K) when K was not proven optimal), at least 0; +∞ when K leaves no
     * solution at all; NaN when no step found a solution.
     */
    public double cost() {
        Step k = first();
        double min = minObjective();
        if (k == null || Double.isNaN(min)) return Double.NaN;
        double low = k.optimal() ? k.objective() : k.bound();
        return Math.max(0, low - min);
    }

    /**
     * What pruning to the first K costs at most: objective(K) − {@link #unprunedBound} (+∞ when K has no
     * solution or there is no finite bound); NaN when no step found a solution.
     */
    public double costAtMost() {
        Step k = first();
        if (k == null || Double.isNaN(minObjective())) return Double.NaN;
        double high = k.solved() ? k.objective() : Double.POSITIVE_INFINITY;
        return Math.max(cost(), high - unprunedBound());
    }

    /**
     * Whether {@link #cost} is the cost itself (within the tolerance) rather than a lower estimate: K
     * was proven optimal (or infeasible) and the lowest objective proven to be the unpruned optimum.
     */
    public boolean exact() {
        Step k = first();
        double min = minObjective();
        if (k == null || Double.isNaN(min)) return false;
        if (k.bound() == Double.POSITIVE_INFINITY) return true; // K leaves no solution: the cost is infinite
        return k.optimal() && unprunedBound() >= min - tolerance;
    }
}
