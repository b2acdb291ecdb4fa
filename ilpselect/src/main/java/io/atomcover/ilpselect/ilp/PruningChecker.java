package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@link PruningCost}: solves the first program of an enumeration (no enumeration
 * constraint) with K, 2K, 4K, … candidates and at last all atoms of each element
 * ({@link CandidateSchedule}), until the objective has not decreased for two widenings in a row, a
 * step kept every atom, or the next K would pass {@link IlpOptions#pruningCheckMax()}. Each solve
 * starts from the previous solution as a hint (a wider candidate set holds all its pairs) and may use
 * all that is left of the ranking's {@link Budget}; the per-solve limits
 * ({@link IlpOptions#roundBudget()}, {@link IlpOptions#roundLimitSeconds()}) do not apply.
 */
final class PruningChecker {
    private final IlpOptions options;
    private final IlpListener listener;

    PruningChecker(IlpOptions options, IlpListener listener) {
        this.options = options;
        this.listener = listener == null ? IlpListener.NONE : listener;
    }

    /**
     * @param distances     target-database distances ({@link TargetDistances#compute} with these options)
     * @param hint          per target heavy atom, the database atom row of a solution of the first
     *                      program with K = {@link IlpOptions#candidates()} (the first step's hint), or null
     * @param lagrangian    a lower bound on the unpruned first program known beforehand (the first
     *                      solution's Lagrangian bound), or −∞
     * @param budget        the ranking's budget: the check spends what is left of it
     */
    PruningCost run(MoleculeReps database, MoleculeReps target, TargetDistances distances, int[] hint, double lagrangian,
                     Budget budget) {
        double tolerance = (options.solver() == IlpSolver.CPSAT ? 2.0 * distances.targetAtoms * options.resolution() : 0) + 1e-6;
        List<PruningCost.Step> steps = new ArrayList<>();
        int k = options.candidates();
        int[] atoms = hint;
        double best = Double.NaN;
        int flat = 0; // widenings in a row that did not lower the objective
        while (true) {
            if (budget.spent()) return new PruningCost(steps, PruningCost.Stop.TIME_LIMIT, tolerance, lagrangian);
            long s0 = System.nanoTime();
            MappingProblem problem = MappingProblem.build(database, target, distances, options.withCandidates(k));
            listener.pruningCheckSolving(k, problem.pairs());
            if (budget.spent()) return new PruningCost(steps, PruningCost.Stop.TIME_LIMIT, tolerance, lagrangian);
            MappingModel.Result r;
            try (MappingModel model = options.solver() == IlpSolver.SCIP ? new ScipModel(problem, options) : new CpSatModel(problem, options)) {
                r = model.solve(budget.next(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), hintFor(problem, atoms), Double.NaN);
            }
            budget.charge(r.deterministicTime());
            boolean solved = r.pairs() != null;
            PruningCost.Step step = new PruningCost.Step(k, problem.pairs(), problem.molecules(),
                    solved ? problem.objective(r.pairs()) : Double.NaN, r.bound(), problem.pruningBound,
                    r.status() == MappingModel.Status.OPTIMAL, (System.nanoTime() - s0) / 1e9, r.deterministicTime());
            steps.add(step);
            listener.pruningCheckStep(step);
            if (solved) {
                atoms = new int[problem.targetAtoms];
                for (int t = 0; t < atoms.length; t++) atoms[t] = problem.pairAtom[r.pairs()[t]];
                flat = !Double.isNaN(best) && step.objective() > best - tolerance ? flat + 1 : 0;
                best = Double.isNaN(best) ? step.objective() : Math.min(best, step.objective());
            }
            // a solve not proven optimal or infeasible had all that was left of the budget
            if (r.status() == MappingModel.Status.FEASIBLE || r.status() == MappingModel.Status.UNKNOWN)
                return new PruningCost(steps, PruningCost.Stop.TIME_LIMIT, tolerance, lagrangian);
            int next = CandidateSchedule.next(k, problem.largestPool);
            if (next < 0 || step.allAtoms()) return new PruningCost(steps, PruningCost.Stop.ALL_ATOMS, tolerance, lagrangian);
            if (flat >= 2) return new PruningCost(steps, PruningCost.Stop.CONVERGED, tolerance, lagrangian);
            int width = next == 0 ? problem.largestPool : next;
            if (options.pruningCheckMax() > 0 && width > options.pruningCheckMax())
                return new PruningCost(steps, PruningCost.Stop.CAP, tolerance, lagrangian);
            k = next;
        }
    }

    /** Per target heavy atom, the database atom row the solution maps it onto. */
    static int[] atoms(IlpSolution s, MoleculeReps database) {
        int[] atoms = new int[s.targetAtoms().length];
        for (int t = 0; t < atoms.length; t++) atoms[t] = database.start(s.mappedMolecule()[t]) + s.mappedAtom()[t];
        return atoms;
    }

    /** The pairs of {@code problem} that map each target atom onto {@code atoms} (-1 where it has none), or null. */
    private static int[] hintFor(MappingProblem problem, int[] atoms) {
        if (atoms == null) return null;
        int[] hint = new int[problem.targetAtoms];
        for (int t = 0; t < hint.length; t++) hint[t] = problem.pair(t, atoms[t]);
        return hint;
    }
}
