package io.atomcover.cli;

import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpSolver;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The ILP options of {@code select} and {@code experiment} (a picocli mixin). */
final class IlpArguments {
    /** --time-limit with SCIP when none is given: OR-Tools offers SCIP no deterministic limit. */
    static final double SCIP_TIME_LIMIT = 600;
    /** --round-limit with SCIP when none is given. */
    static final double SCIP_ROUND_LIMIT = 20;

    @Option(names = "--penalty", paramLabel = "LAMBDA", split = ",",
            description = "ILP: penalty per database atom of a used molecule beyond the target's heavy-atom count. "
                    + "experiment takes a comma-separated list (e.g. 0,1): each penalty is its own method. Default: 1.")
    List<Double> penalties = List.of(1.0);

    @Option(names = "--solver", paramLabel = "SOLVER",
            description = "ILP: bnb (atomcover's exact branch and bound over molecules: each molecule's best objective "
                    + "with it forced in, which is the rank an optimal enumeration gives it; deterministic, no OR-Tools), "
                    + "cpsat or scip (the enumeration, one solve per new molecule, through OR-Tools). Default: ${DEFAULT-VALUE}.")
    IlpSolver solver = IlpSolver.BNB;

    @Option(names = "--node-limit", paramLabel = "NODES",
            description = "ILP, bnb: search nodes of one molecule's solve; one that reaches it ranks the molecule by the best "
                    + "solution found and reports it as not optimal, with its bound. Deterministic. Default: ${DEFAULT-VALUE}.")
    long nodeLimit = IlpOptions.DEFAULT_NODE_LIMIT;

    @Option(names = "--candidates", paramLabel = "K",
            description = "ILP: each target atom keeps its K nearest database atoms of the same element as mapping "
                    + "candidates (0: all). When they run out of new molecules before -n are ranked, the enumeration "
                    + "goes on with 2K, 4K, ... and at last all atoms (see --no-widen). Default: ${DEFAULT-VALUE}.")
    int candidates = IlpOptions.DEFAULT_CANDIDATES;

    @Option(names = "--whole-molecules", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "ILP: molecules holding a candidate also bring the pairs of their best whole-molecule mapping "
                    + "onto the target (an assignment problem per molecule). Default: on.")
    boolean wholeMolecules;

    @Option(names = "--widen", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "ILP: widen the candidates (2K, 4K, ..., all) when they run out of new molecules, instead of "
                    + "stopping short of -n. Default: on.")
    boolean widen;

    @Option(names = "--budget", paramLabel = "DTIME",
            description = "ILP with CP-SAT: budget of the whole ranking (per target; the pruning check included), in "
                    + "CP-SAT deterministic time summed over the solves: a count of the solver's work, not seconds, so "
                    + "the ranking does not depend on the machine, its load or --threads (docs/ilpselect.md says what it "
                    + "costs in seconds). Default: ${DEFAULT-VALUE}.")
    double budget = IlpOptions.DEFAULT_BUDGET;

    @Option(names = "--round-budget", paramLabel = "DTIME",
            description = "ILP with CP-SAT: budget of one solve, in deterministic time; when it runs out, the best "
                    + "solution so far is taken (not proven optimal) and the enumeration goes on. Default: ${DEFAULT-VALUE}.")
    double roundBudget = IlpOptions.DEFAULT_ROUND_BUDGET;

    @Option(names = "--solver-workers", paramLabel = "N",
            description = "ILP with CP-SAT: workers of every solve, run as CP-SAT's interleaved (deterministic) search. "
                    + "The search, and so the ranking, depends on N, which is why it is not --threads. Default: ${DEFAULT-VALUE}.")
    int solverWorkers = IlpOptions.DEFAULT_SOLVER_WORKERS;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "ILP: wall-clock limit on the whole ranking (per target), on top of --budget. NOT "
                    + "REPRODUCIBLE: a ranking it cuts short depends on the machine and its load. Default: none "
                    + "(with --solver scip, which has no deterministic budget: " + SCIP_TIME_LIMIT + ").")
    Double timeLimit;

    @Option(names = "--round-limit", paramLabel = "SECONDS",
            description = "ILP: wall-clock limit on one solve, on top of --round-budget; when hit, the best solution so "
                    + "far is taken. NOT REPRODUCIBLE when it binds, as --time-limit. Default: none (with --solver scip: "
                    + SCIP_ROUND_LIMIT + ").")
    Double roundLimit;

    @Option(names = "--count-hydrogens",
            description = "ILP: molecule sizes in the penalty count all atoms, hydrogens included (as the ILPSelect "
                    + "reference code); default: heavy atoms only.")
    boolean countHydrogens;

    @Option(names = "--pruning-check",
            description = "ILP: after the enumeration, solve its first program (no enumeration constraint) again with K, 2K, "
                    + "4K, ... candidates (each from the previous solution, with what is left of --budget and --time-limit) until the "
                    + "objective has not decreased for two doublings in a row, every atom is a candidate, or K would pass "
                    + "--pruning-check-max; reports objective, bound, optimality, seconds, deterministic time and pairs per K, and what pruning "
                    + "to K costs: at least objective(K) - the lowest objective found (exact once that is proven the "
                    + "unpruned optimum). Off by default.")
    boolean pruningCheck;

    @Option(names = "--pruning-check-max", paramLabel = "K",
            description = "ILP: largest K of --pruning-check (0: no cap, up to all atoms). Default: ${DEFAULT-VALUE}.")
    int pruningCheckMax = IlpOptions.DEFAULT_PRUNING_CHECK_MAX;

    @Option(names = "--resolution", paramLabel = "R",
            description = "ILP with CP-SAT: squared distances are rounded to multiples of R. Default: ${DEFAULT-VALUE}.")
    double resolution = IlpOptions.DEFAULT_RESOLUTION;

    /** Usage errors (exit 2) for values out of range; {@code manyPenalties}: whether --penalty may list several. */
    void validate(BaseCommand command, boolean manyPenalties) {
        if (penalties.isEmpty()) throw command.usage("--penalty is empty");
        if (!manyPenalties && penalties.size() > 1) throw command.usage("--penalty takes one value here, got " + penalties.size());
        for (double penalty : penalties)
            if (!(penalty >= 0) || Double.isInfinite(penalty)) throw command.usage("--penalty must be a finite number >= 0, got " + penalty);
        if (new HashSet<>(penalties).size() != penalties.size()) throw command.usage("--penalty lists a value twice: " + penalties);
        if (candidates < 0) throw command.usage("--candidates must be >= 0, got " + candidates);
        if (!(budget > 0) || Double.isInfinite(budget)) throw command.usage("--budget must be a positive number, got " + budget);
        if (!(roundBudget > 0) || Double.isInfinite(roundBudget)) throw command.usage("--round-budget must be a positive number, got " + roundBudget);
        if (solverWorkers < 1) throw command.usage("--solver-workers must be at least 1, got " + solverWorkers);
        if (timeLimit != null && (!(timeLimit > 0) || timeLimit.isInfinite()))
            throw command.usage("--time-limit must be a positive number of seconds, got " + timeLimit);
        if (roundLimit != null && (!(roundLimit > 0) || roundLimit.isInfinite()))
            throw command.usage("--round-limit must be a positive number of seconds, got " + roundLimit);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw command.usage("--resolution must be positive, got " + resolution);
        if (pruningCheckMax < 0) throw command.usage("--pruning-check-max must be >= 0, got " + pruningCheckMax);
        if (nodeLimit < 1) throw command.usage("--node-limit must be at least 1, got " + nodeLimit);
    }

    /** Whether these settings call OR-Tools: CP-SAT or SCIP, or the pruning check (which solves with CP-SAT). */
    boolean needsOrTools() {
        return solver != IlpSolver.BNB || pruningCheck;
    }

    /** The penalties given, in order. */
    double[] penalties() {
        return penalties.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The ILP settings, with the first penalty. */
    IlpOptions options(int threads) {
        double penalty = penalties.get(0);
        boolean scip = solver == IlpSolver.SCIP;
        double wall = timeLimit != null ? timeLimit : scip ? SCIP_TIME_LIMIT : Double.POSITIVE_INFINITY;
        double roundWall = roundLimit != null ? roundLimit : scip ? SCIP_ROUND_LIMIT : Double.POSITIVE_INFINITY;
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens,
                wholeMolecules, widen, pruningCheck, pruningCheckMax, wall, roundWall, nodeLimit);
    }
}
