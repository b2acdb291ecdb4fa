package io.atomcover.ilpselect.ilp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping program as a MIP for SCIP through OR-Tools' MPSolver; costs are used unrounded. The
 * MIP is built afresh for every solve: re-solving an MPSolver SCIP model after adding a constraint
 * ends in status ABNORMAL with OR-Tools 9.10, and building it takes milliseconds.
 */
final class ScipModel implements MappingModel {
    private final MappingProblem problem;
    private final List<List<Integer>> sharing;
    private final List<int[]> enumeration = new ArrayList<>();

    ScipModel(MappingProblem problem, IlpOptions options) {
        OrTools.load();
        this.problem = problem;
        this.sharing = CpSatModel.pairsByAtom(problem);
    }

    @Override
    public void requireOneOf(int[] molecules) {
        enumeration.add(molecules.clone());
    }

    @Override
    public Result solve(Limits limits, int[] hint, double floor) {
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) throw new IllegalStateException("SCIP is not available in this OR-Tools build");
        try {
            // SCIP's concurrent mode (more than one thread) crashed the JVM in OR-Tools 9.10
            // (SIGSEGV in SCIPcopyConcurrentSolvingStats during the test suite): SCIP runs on one thread.
            solver.setNumThreads(1);
            int pairs = problem.pairs();
            int molecules = problem.molecules();
            MPVariable[] x = new MPVariable[pairs];
            MPVariable[] y = new MPVariable[molecules];
            for (int p = 0; p < pairs; p++) x[p] = solver.makeBoolVar("x" + p);
            for (int m = 0; m < molecules; m++) y[m] = solver.makeBoolVar("y" + m);
            for (int t = 0; t < problem.targetAtoms; t++) {
                MPConstraint once = solver.makeConstraint(1, 1);
                for (int p = problem.pairStart[t]; p < problem.pairStart[t + 1]; p++) once.setCoefficient(x[p], 1);
            }
            for (List<Integer> group : sharing) {
                if (group.size() < 2) continue;
                MPConstraint atMostOnce = solver.makeConstraint(0, 1);
                for (int p : group) atMostOnce.setCoefficient(x[p], 1);
            }
            MPConstraint[] upper = new MPConstraint[molecules];
            for (int m = 0; m < molecules; m++) {
                upper[m] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0); // y - Σx ≤ 0
                upper[m].setCoefficient(y[m], 1);
            }
            for (int p = 0; p < pairs; p++) {
                int m = problem.pairMolecule[p];
                MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0); // x - y ≤ 0
                link.setCoefficient(x[p], 1);
                link.setCoefficient(y[m], -1);
                upper[m].setCoefficient(x[p], -1);
            }
            for (int[] unseen : enumeration) {
                MPConstraint c = solver.makeConstraint(1, Double.POSITIVE_INFINITY);
                for (int m : unseen) c.setCoefficient(y[m], 1);
            }
            MPObjective objective = solver.objective();
            for (int p = 0; p < pairs; p++) objective.setCoefficient(x[p], problem.pairCost[p]);
            for (int m = 0; m < molecules; m++) objective.setCoefficient(y[m], problem.penalty * problem.moleculeSize[m]);
            objective.setOffset(problem.offset());
            objective.setMinimization();
            if (hint != null) {
                MPVariable[] vars = new MPVariable[pairs + molecules];
                double[] values = new double[vars.length];
                System.arraycopy(x, 0, vars, 0, pairs);
                System.arraycopy(y, 0, vars, pairs, molecules);
                for (int p : hint) {
                    if (p < 0) continue; // a pair the hint's candidates had and these lack
                    values[p] = 1;
                    values[pairs + problem.pairMolecule[p]] = 1;
                }
                solver.setHint(vars, values);
            }
            // SCIP has no deterministic limit in OR-Tools: only a wall-clock one, when given
            if (limits.seconds() != Double.POSITIVE_INFINITY) solver.setTimeLimit(Math.max(1, (long) Math.min(limits.seconds() * 1000, 1e15)));
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0); // prove optimality, not 1e-4
            MPSolver.ResultStatus status = solver.solve(parameters);
            switch (status) {
                case OPTIMAL, FEASIBLE -> {
                    int[] chosen = new int[problem.targetAtoms];
                    for (int t = 0; t < problem.targetAtoms; t++) {
                        chosen[t] = -1;
                        for (int p = problem.pairStart[t]; p < problem.pairStart[t + 1]; p++)
                            if (x[p].solutionValue() > 0.5) chosen[t] = p;
                    }
                    boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
                    double bound = Math.min(objective.bestBound(), problem.objective(chosen));
                    return new Result(optimal ? Status.OPTIMAL : Status.FEASIBLE, chosen, bound, Double.NaN, Double.NaN, seconds(t0));
                }
                case INFEASIBLE -> {
                    return new Result(Status.INFEASIBLE, null, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, seconds(t0));
                }
                case NOT_SOLVED -> {
                    return new Result(Status.UNKNOWN, null, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN, seconds(t0));
                }
                default -> throw new IllegalStateException("SCIP stopped with status " + status);
            }
        } finally {
            solver.delete();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        // each solve frees its own solver
    }
}
