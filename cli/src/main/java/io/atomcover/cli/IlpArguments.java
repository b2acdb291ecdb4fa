package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilp.IlpOptions;
import io.atomcover.ilp.IlpSolver;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The ILP options of {@code select} and {@code experiment} (a picocli mixin). */
final class IlpArguments {
    @Option(names = "--penalty", paramLabel = "LAMBDA",
            description = "ILP: penalty per database atom of a used molecule beyond the target's heavy-atom count. Default: ${DEFAULT-VALUE}.")
    double penalty = 1.0;

    @Option(names = "--solver", paramLabel = "SOLVER", description = "ILP: cpsat or scip. Default: ${DEFAULT-VALUE}.")
    IlpSolver solver = IlpSolver.CPSAT;

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

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "ILP: limit on the whole enumeration (per target). Default: ${DEFAULT-VALUE}.")
    double timeLimit = 600;

    @Option(names = "--round-limit", paramLabel = "SECONDS",
            description = "ILP: limit on one solve; when hit, the best solution so far is taken (not proven optimal). Default: ${DEFAULT-VALUE}.")
    double roundLimit = 20;

    @Option(names = "--count-hydrogens",
            description = "ILP: molecule sizes in the penalty count all atoms, hydrogens included (as the ILPSelect "
                    + "reference code); default: heavy atoms only.")
    boolean countHydrogens;

    @Option(names = "--pruning-check",
            description = "ILP: after the enumeration, solve its first program (no enumeration constraint) again with K, 2K, "
                    + "4K, ... candidates (each from the previous solution, with what is left of --time-limit) until the "
                    + "objective has not decreased for two doublings in a row, every atom is a candidate, or K would pass "
                    + "--pruning-check-max; reports objective, bound, optimality, seconds and pairs per K, and what pruning "
                    + "to K costs: at least objective(K) - the lowest objective found (exact once that is proven the "
                    + "unpruned optimum). Off by default.")
    boolean pruningCheck;

    @Option(names = "--pruning-check-max", paramLabel = "K",
            description = "ILP: largest K of --pruning-check (0: no cap, up to all atoms). Default: ${DEFAULT-VALUE}.")
    int pruningCheckMax = IlpOptions.DEFAULT_PRUNING_CHECK_MAX;

    @Option(names = "--resolution", paramLabel = "R",
            description = "ILP with CP-SAT: squared distances are rounded to multiples of R. Default: ${DEFAULT-VALUE}.")
    double resolution = IlpOptions.DEFAULT_RESOLUTION;

    /** Usage errors (exit 2) for values out of range. */
    void validate(BaseCommand command) {
        if (!(penalty >= 0) || Double.isInfinite(penalty)) throw command.usage("--penalty must be a finite number >= 0, got " + penalty);
        if (candidates < 0) throw command.usage("--candidates must be >= 0, got " + candidates);
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) throw command.usage("--time-limit must be a positive number of seconds, got " + timeLimit);
        if (!(roundLimit > 0) || Double.isInfinite(roundLimit)) throw command.usage("--round-limit must be a positive number of seconds, got " + roundLimit);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw command.usage("--resolution must be positive, got " + resolution);
        if (pruningCheckMax < 0) throw command.usage("--pruning-check-max must be >= 0, got " + pruningCheckMax);
    }

    IlpOptions options(int threads) {
        return new IlpOptions(penalty, solver, candidates, timeLimit, resolution, threads, countHydrogens, wholeMolecules, roundLimit, widen,
                pruningCheck, pruningCheckMax);
    }

    /**
     * The settings that shape an ILP ranking (not the thread count), as report parameters; the pruning
     * check only when on (it adds to the report but leaves the ranking as it is, and rankings stored
     * before it existed keep their parameters).
     */
    static void put(ObjectNode p, IlpOptions ilp) {
        p.put("penalty", ilp.penalty());
        p.put("solver", ilp.solver().name().toLowerCase(Locale.ROOT));
        p.put("candidates", ilp.candidates());
        p.put("wholeMolecules", ilp.wholeMolecules());
        p.put("widen", ilp.widen());
        p.put("timeLimit", ilp.timeLimitSeconds());
        p.put("roundLimit", ilp.roundLimitSeconds());
        p.put("countHydrogens", ilp.countHydrogens());
        p.put("resolution", ilp.resolution());
        if (ilp.pruningCheck()) {
            p.put("pruningCheck", true);
            p.put("pruningCheckMax", ilp.pruningCheckMax());
        }
    }
}
