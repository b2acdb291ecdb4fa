package io.atomcover.ilp;

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
 */
final class CpSatModel implements MappingModel {
    /**
     * CP-SAT's portfolio (LP, core, LNS workers) needs several workers to be effective, even
     * time-shared on fewer cores: with 8 on 2 cores most sildenafil solves are proven optimal within
     * the default round limit (docs/benchmarks.md, "Target-tailored selection").
     */
    static final int MIN_WORKERS = 8;

    private final MappingProblem problem;
    private final double resolution;
    private final int threads;
    private final CpModel model = new CpModel();
    private final BoolVar[] x;
    private final BoolVar[] y;
    private final LinearExpr objective;

    CpSatModel(MappingProblem problem, IlpOptions options) {
        OrTools.load();
        this.problem = problem;
        this.resolution = options.resolution();
        this.threads = Math.max(MIN_WORKERS, options.threads());
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
    public Result solve(double seconds, int[] hint, double floor) {
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
        solver.getParameters().setMaxTimeInSeconds(Math.max(seconds, 0.001)).setNumWorkers(threads).setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
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
                        optimal ? solver.objectiveValue() : Double.NaN);
            }
            case INFEASIBLE -> {
                return new Result(Status.INFEASIBLE, null, Double.POSITIVE_INFINITY, Double.NaN);
            }
            case MODEL_INVALID -> throw new IllegalStateException("CP-SAT rejected the model: " + model.validate());
            default -> {
                return new Result(Status.UNKNOWN, null, Double.NEGATIVE_INFINITY, Double.NaN);
            }
        }
    }

    @Override
    public void close() {
        // CP-SAT holds no native state between solves
    }
}
