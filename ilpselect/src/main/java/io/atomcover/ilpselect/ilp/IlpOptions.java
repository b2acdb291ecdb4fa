package io.atomcover.ilpselect.ilp;

import java.util.Objects;

/**
 * Settings of the ILPSelect integer program and its enumeration.
 *
 * <p>Reproducibility: with CP-SAT and no wall-clock limit ({@code timeLimitSeconds} and
 * {@code roundLimitSeconds} infinite, the defaults), a ranking depends only on the inputs and these
 * settings, not on {@code threads}, the machine's load or speed: every solve runs a fixed number of
 * interleaved workers with a fixed seed ({@link #SOLVER_SEED}) under a limit in CP-SAT's
 * deterministic time, and every other decision of the enumeration (widening, the pruning check,
 * the Lagrangian bound's iterations) follows from the deterministic time used, not from seconds.
 * A wall-clock limit that binds, or SCIP (which OR-Tools gives no deterministic limit), makes the
 * ranking depend on the machine again.
 *
 * @param penalty          λ, the cost per database atom brought in by a used molecule beyond the
 *                         target's atom count ({@code λ (Σ m_M y_M - n)}); 0 or more
 * @param solver           the branch and bound over molecule columns, CP-SAT or SCIP
 * @param candidates       K: each target atom keeps only its K nearest database atoms of the same
 *                         element as mapping candidates; 0 keeps all
 * @param budget           CP-SAT deterministic time of the whole ranking, the enumeration and the
 *                         pruning check (summed over solves); +∞ for none. Not used by SCIP
 * @param roundBudget      CP-SAT deterministic time of one solve of the enumeration; when it runs out,
 *                         the best solution found so far is taken (not proven optimal) and the
 *                         enumeration goes on; +∞ for none. Not used by SCIP
 * @param resolution       CP-SAT only: costs are rounded to integer multiples of this (squared
 *                         distance units); the reported objective is recomputed exactly
 * @param threads          threads of the distance pass (its results do not depend on the count); the
 *                         solver's workers are {@code solverWorkers}
 * @param solverWorkers    CP-SAT workers of every solve, run as an interleaved (deterministic) search;
 *                         the search depends on this count, so it is a setting of its own rather than
 *                         {@code threads}
 * @param countHydrogens   when true, m_M counts all atoms of M including hydrogens, as the ILPSelect
 *                         reference code does; when false, heavy atoms only, as in the
 *                         paper's program
 * @param wholeMolecules   when true, every molecule holding a K-nearest candidate also contributes
 *                         the pairs of its best whole-molecule mapping onto the target
 * @param widen            when true, an enumeration that runs out of new molecules within the K
 *                         candidates before enough are ranked goes on with 2K, 4K, … candidates (and
 *                         at last all atoms of the element) instead of stopping
 * @param pruningCheck     when true, after the enumeration the first program (no enumeration
 *                         constraint) is solved again with K, 2K, 4K, … candidates to measure what the
 *                         pruning to K costs ({@link PruningCost}), within what is left of the budget
 *                         (and of the time limit)
 * @param pruningCheckMax  the largest K of the pruning check (0: no cap, up to all atoms of the element)
 * @param timeLimitSeconds wall-clock limit of the whole ranking, on top of the budget; +∞ for none.
 *                         When it binds, the ranking depends on the machine and its load
 * @param roundLimitSeconds wall-clock limit of one solve, on top of the round budget; +∞ for none. When
 *                         it binds, the ranking depends on the machine and its load
 * @param nodeLimit        {@link IlpSolver#BNB} only: search nodes of one molecule's solve; a solve that
 *                         reaches it keeps its best solution, reported with its bound as not optimal
 */
public record IlpOptions(double penalty, IlpSolver solver, int candidates, double budget, double roundBudget,
                         double resolution, int threads, int solverWorkers, boolean countHydrogens, boolean wholeMolecules,
                         boolean widen, boolean pruningCheck, int pruningCheckMax, double timeLimitSeconds,
                         double roundLimitSeconds, long nodeLimit) {
    /**
     * Default K. Measured on sildenafil against QM7 (docs/ilpselect.md, "Pruning check"): K = 10 leaves the first solution 26 %
     * above what K = 320 reaches (47.61 against 35.28), K = 80 within 1.3 % (35.76).
     */
    public static final int DEFAULT_CANDIDATES = 80;
    /** Default largest K of the pruning check. */
    public static final int DEFAULT_PRUNING_CHECK_MAX = 320;
    /** Default CP-SAT cost resolution. */
    public static final double DEFAULT_RESOLUTION = 1e-5;
    /**
     * Default deterministic budget of a whole ranking: on 2 cores about as long as a 64-molecule
     * sildenafil ranking took under the wall-clock limits used before (381 s); see README.
     */
    public static final double DEFAULT_BUDGET = 120;
    /**
     * Default deterministic budget of one solve. Sildenafil on QM7 (K = 80, 2 workers): the first
     * solves are proven optimal within it (about 4–5 used: a solve overruns by up to one batch of the
     * interleaved search), later ones stop near the optimum.
     */
    public static final double DEFAULT_ROUND_BUDGET = 2;
    /**
     * Default CP-SAT workers. Each solve's first batch gives every worker about one unit of
     * deterministic time, so 8 workers spent 8–10 units (about 50 CPU seconds) per sildenafil solve
     * where 2 spent 4–5 (about 25), for the same first objectives: on 2 cores, 2 workers rank twice as
     * many molecules per second. More workers can pay on more cores, but change the ranking.
     */
    public static final int DEFAULT_SOLVER_WORKERS = 2;
    /**
     * Default node limit of one molecule's branch and bound, a fraction of a second on one core. With it
     * every drug of the ILPSelect paper ranks 64 QM7 molecules within 2 minutes and 1,024 within a few on
     * two cores; solves that reach it keep their best solution and report their bound. A larger limit
     * proves more where the relaxation is tight (sildenafil's 1,024 solutions are all proven at 2·10^5,
     * in three times the time) and little more where it is loose (troglitazone, imatinib); see
     * docs/benchmarks.md.
     */
    public static final long DEFAULT_NODE_LIMIT = 10_000L;
    /** CP-SAT's random seed: fixed, so that a search is repeatable. */
    public static final int SOLVER_SEED = 1;

    public IlpOptions {
        Objects.requireNonNull(solver, "solver");
        if (!(penalty >= 0) || Double.isInfinite(penalty)) throw new IllegalArgumentException("penalty must be finite and ≥ 0: " + penalty);
        if (candidates < 0) throw new IllegalArgumentException("candidates must be ≥ 0: " + candidates);
        if (!(budget > 0)) throw new IllegalArgumentException("budget must be positive: " + budget);
        if (!(roundBudget > 0)) throw new IllegalArgumentException("round budget must be positive: " + roundBudget);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw new IllegalArgumentException("resolution must be positive: " + resolution);
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        if (solverWorkers < 1) throw new IllegalArgumentException("solver workers must be ≥ 1: " + solverWorkers);
        if (pruningCheckMax < 0) throw new IllegalArgumentException("pruning check max K must be ≥ 0: " + pruningCheckMax);
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("time limit must be positive: " + timeLimitSeconds);
        if (!(roundLimitSeconds > 0)) throw new IllegalArgumentException("round time limit must be positive: " + roundLimitSeconds);
        if (nodeLimit < 1) throw new IllegalArgumentException("node limit must be ≥ 1: " + nodeLimit);
    }

    /**
     * Penalty 1, the branch and bound ({@link IlpSolver#BNB}; CP-SAT, when chosen, with {@value #DEFAULT_SOLVER_WORKERS} workers), {@value #DEFAULT_CANDIDATES} candidates
     * plus whole-molecule pairs, widened when they run out, a budget of {@value #DEFAULT_BUDGET} in all and
     * {@value #DEFAULT_ROUND_BUDGET} per solve (deterministic time), no wall-clock limit, resolution 1e-5, all
     * processors, heavy atoms, no pruning check.
     */
    public static IlpOptions defaults() {
        return new IlpOptions(1.0, IlpSolver.BNB, DEFAULT_CANDIDATES, DEFAULT_BUDGET, DEFAULT_ROUND_BUDGET, DEFAULT_RESOLUTION,
                Runtime.getRuntime().availableProcessors(), DEFAULT_SOLVER_WORKERS, false, true, true, false, DEFAULT_PRUNING_CHECK_MAX,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, DEFAULT_NODE_LIMIT);
    }

    public IlpOptions withNodeLimit(long v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, v);
    }

    /** Whether a wall-clock limit is set (then a ranking that hits it depends on the machine). */
    public boolean wallClockLimited() {
        return timeLimitSeconds != Double.POSITIVE_INFINITY || roundLimitSeconds != Double.POSITIVE_INFINITY;
    }

    public IlpOptions withPenalty(double v) {
        return new IlpOptions(v, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withSolver(IlpSolver v) {
        return new IlpOptions(penalty, v, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withCandidates(int v) {
        return new IlpOptions(penalty, solver, v, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    /** This with a deterministic budget of the whole ranking. */
    public IlpOptions withBudget(double v) {
        return new IlpOptions(penalty, solver, candidates, v, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    /** This with a deterministic budget of one solve. */
    public IlpOptions withRoundBudget(double v) {
        return new IlpOptions(penalty, solver, candidates, budget, v, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withResolution(double v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, v, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withThreads(int v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, v, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withSolverWorkers(int v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, v, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withCountHydrogens(boolean v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, v, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withWholeMolecules(boolean v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, v, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withWiden(boolean v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, v, pruningCheck, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withPruningCheck(boolean v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, v, pruningCheckMax, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    public IlpOptions withPruningCheckMax(int v) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, v, timeLimitSeconds, roundLimitSeconds, nodeLimit);
    }

    /** This with a wall-clock limit of the whole ranking (+∞: none); one that binds makes the ranking machine-dependent. */
    public IlpOptions withTimeLimit(double seconds) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, seconds, roundLimitSeconds, nodeLimit);
    }

    /** This with a wall-clock limit of one solve (+∞: none); one that binds makes the ranking machine-dependent. */
    public IlpOptions withRoundLimit(double seconds) {
        return new IlpOptions(penalty, solver, candidates, budget, roundBudget, resolution, threads, solverWorkers, countHydrogens, wholeMolecules, widen, pruningCheck, pruningCheckMax, timeLimitSeconds, seconds, nodeLimit);
    }
}
