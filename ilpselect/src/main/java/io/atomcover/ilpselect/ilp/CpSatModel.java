package io.atomcover.ilpselect.ilp;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping program in CP-SAT. Costs are rounded to integer multiples of the resolution; the
 * bound it reports is converted back and lowered by the largest possible rounding error.
 *
 * <p>Every solve is repeatable: a fixed number of workers ({@link IlpOptions#solverWorkers()}) run
 * CP-SAT's interleaved search, which synchronises them in batches of fixed size so that the result
 * does not depend on thread timing, with a fixed seed, under a limit in deterministic time: work
 * counted in operations and summed over the workers (a unit is meant to be about a second of one
 * worker's work). The limit is checked between batches, and each task of a batch may use what was
 * left when the batch began, so a solve can overrun it by up to a batch; the time reported, and
 * charged to the {@link Budget}, is what was used. Only a wall-clock limit, when one is given and
 * binds, makes a solve depend on the machine.
 */
final class CpSatModel implements MappingModel {
    private final MappingProblem problem;
    private final double resolution;
    private final int workers;
    private final CpModel model = new CpModel();
    private final BoolVar[] x;
    private final BoolVar[] y;
    private final LinearExpr objective;

    CpSatModel(MappingProblem problem, IlpOptions options) {
        OrTools.load();
        this.problem = problem;
        this.resolution = options.resolution();
        this.workers = options.solverWorkers();
        int pairs = problem.pairs();
        int molecules = problem.molecules();
        x = new BoolVar[pairs];
        y = new BoolVar[molecules];
        for (int p = 0; p < pairs; p++) x[p] = model.newBoolVar("x" + p);
        for (int m = 0; m < molecules; m++) y[m] = model.newBoolVar("y" + m);

        for (int t = 0; t < problem.targetAtoms; t++) {
            Literal[] row = new Literal[problem.pairStart[t + 1] - problem.pairStart[t]];
            for (int p = problem.pairStart[t]; p < problem.pairStart[t + 1]; p++) row[p - problem.pairStart[t]] = x[p];
            model.addExactlyOne(row);
        }
        for (List<Integer> sharing : pairsByAtom(problem))
            if (sharing.size() > 1) model.addAtMostOne(sharing.stream().map(p -> x[p]).toArray(Literal[]::new));
        List<List<Literal>> byMolecule = new ArrayList<>(molecules);
        for (int m = 0; m < molecules; m++) {
            List<Literal> clause = new ArrayList<>();
            clause.add(y[m].not());
            byMolecule.add(clause);
        }
        for (int p = 0; p < pairs; p++) {
            model.addImplication(x[p], y[problem.pairMolecule[p]]);
            byMolecule.get(problem.pairMolecule[p]).add(x[p]);
        }
        for (List<Literal> clause : byMolecule) model.addBoolOr(clause.toArray(Literal[]::new));

        LinearArgument[] vars = new LinearArgument[pairs + molecules];
        long[] coefficients = new long[pairs + molecules];
        for (int p = 0; p < pairs; p++) {
            vars[p] = x[p];
            coefficients[p] = scale(problem.pairCost[p]);
        }
        for (int m = 0; m < molecules; m++) {
            vars[pairs + m] = y[m];
            coefficients[pairs + m] = scale(problem.penalty * problem.moleculeSize[m]);
        }
        objective = LinearExpr.weightedSum(vars, coefficients);
        model.minimize(objective);
    }

    private long scale(double value) {
        double s = Math.rint(value / resolution);
        if (s > 1e15) throw new IllegalArgumentException("cost " + value + " is too large for resolution " + resolution);
        return (long) s;
    }

    /** Pairs grouped by database atom. */
    static List<List<Integer>> pairsByAtom(MappingProblem problem) {
        java.util.Map<Integer, List<Integer>> map = new java.util.HashMap<>();
        for (int p = 0; p < problem.pairs(); p++) map.computeIfAbsent(problem.pairAtom[p], a -> new ArrayList<>()).add(p);
        return new ArrayList<>(map.values());
    }

    @Override
    public void requireOneOf(int[] molecules) {
        Literal[] clause = new Literal[molecules.length];
        for (int i = 0; i < molecules.length; i++) clause[i] = y[molecules[i]];
        model.addBoolOr(clause);
    }

    @Override
    public Result solve(Limits limits, int[] hint, double floor) {
        model.clearHints();
        if (hint != null) {
            boolean[] on = new boolean[x.length];
            boolean[] usedMolecule = new boolean[y.length];
            for (int p : hint) {
                if (p < 0) continue; // a pair the hint's candidates had and these lack
                on[p] = true;
                usedMolecule[problem.pairMolecule[p]] = true;
            }
            for (int p = 0; p < x.length; p++) model.addHint(x[p], on[p] ? 1 : 0);
            for (int m = 0; m < y.length; m++) model.addHint(y[m], usedMolecule[m] ? 1 : 0);
        }
        var objectiveProto = model.getBuilder().getObjectiveBuilder();
        objectiveProto.clearDomain();
        if (!Double.isNaN(floor)) objectiveProto.addDomain((long) floor).addDomain(Long.MAX_VALUE / 4);

        CpSolver solver = new CpSolver();
        var parameters = solver.getParameters()
                .setNumWorkers(workers)
                .setInterleaveSearch(true)
                .setRandomSeed(IlpOptions.SOLVER_SEED)
                .setLogSearchProgress(false);
        // the budget checks that some deterministic time is left before each solve
        if (limits.deterministicTime() != Double.POSITIVE_INFINITY) parameters.setMaxDeterministicTime(limits.deterministicTime());
        if (limits.seconds() != Double.POSITIVE_INFINITY) parameters.setMaxTimeInSeconds(Math.max(limits.seconds(), 1e-3));
        long t0 = System.nanoTime();
        CpSolverStatus status = solver.solve(model);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double dtime = solver.response().getDeterministicTime();
        double slack = problem.targetAtoms * resolution; // rounding of at most n pair costs and n molecule costs
        switch (status) {
            case OPTIMAL, FEASIBLE -> {
                int[] chosen = new int[problem.targetAtoms];
                for (int t = 0; t < problem.targetAtoms; t++) {
                    chosen[t] = -1;
                    for (int p = problem.pairStart[t]; p < problem.pairStart[t + 1]; p++)
                        if (solver.booleanValue(x[p])) chosen[t] = p;
                }
                double bound = solver.bestObjectiveBound() * resolution + problem.offset() - slack;
                boolean optimal = status == CpSolverStatus.OPTIMAL;
                return new Result(optimal ? Status.OPTIMAL : Status.FEASIBLE, chosen, optimal ? Math.min(bound, problem.objective(chosen)) : bound,
                        optimal ? solver.objectiveValue() : Double.NaN, dtime, seconds);
            }
            case INFEASIBLE -> {
                return new Result(Status.INFEASIBLE, null, Double.POSITIVE_INFINITY, Double.NaN, dtime, seconds);
            }
            case MODEL_INVALID -> throw new IllegalStateException("CP-SAT rejected the model: " + model.validate());
            default -> {
                return new Result(Status.UNKNOWN, null, Double.NEGATIVE_INFINITY, Double.NaN, dtime, seconds);
            }
        }
    }

    @Override
    public void close() {
        // CP-SAT holds no native state between solves
    }
}
