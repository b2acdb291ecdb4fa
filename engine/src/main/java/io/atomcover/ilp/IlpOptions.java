package io.atomcover.ilp;

import java.util.Objects;

/**
 * Settings of the ILPSelect integer program and its enumeration.
 *
 * @param penalty          λ, the cost per database atom brought in by a used molecule beyond the
 *                         target's atom count ({@code λ (Σ m_M y_M - n)}); 0 or more
 * @param solver           CP-SAT or SCIP
 * @param candidates       K: each target atom keeps only its K nearest database atoms of the same
 *                         element as mapping candidates; 0 keeps all
 * @param timeLimitSeconds wall-time limit of the whole enumeration
 * @param resolution       CP-SAT only: costs are rounded to integer multiples of this (squared
 *                         distance units); the reported objective is recomputed exactly
 * @param threads          threads of the distance pass and solver workers (CP-SAT runs at least
 *                         8 portfolio workers, time-shared on fewer cores)
 * @param countHydrogens   when true, m_M counts all atoms of M including hydrogens, as the
 *                         ILPSelect reference code does; when false, heavy atoms only, as in the
 *                         paper's program
 * @param roundLimitSeconds wall-time limit of one solve of the enumeration; when it is hit, the best
 *                         solution found so far is taken (not proven optimal) and the enumeration goes on
 * @param wholeMolecules   when true, every molecule holding a K-nearest candidate also contributes
 *                         the pairs of its best whole-molecule mapping onto the target
 * @param widen            when true, an enumeration that runs out of new molecules within the K
 *                         candidates before enough are ranked goes on with 2K, 4K, … candidates (and
 *                         at last all atoms of the element) instead of stopping
 * @param pruningCheck     when true, after the enumeration the first program (no enumeration
 *                         constraint) is solved again with K, 2K, 4K, … candidates to measure what the
 *                         pruning to K costs ({@link PruningCheck}), within what is left of the time limit
 * @param pruningCheckMax  the largest K of the pruning check (0: no cap, up to all atoms of the element)
 */
public record IlpOptions(double penalty, IlpSolver solver, int candidates, double timeLimitSeconds,
                         double resolution, int threads, boolean countHydrogens, boolean wholeMolecules,
                         double roundLimitSeconds, boolean widen, boolean pruningCheck, int pruningCheckMax) {
    /**
     * Default K: on sildenafil against QM7 the first solution with K = 80 is within 1.3 % of what
     * K = 320 reaches (K = 10 is 26 % above it), and a ranking of 64 molecules still fits the default
     * time limit on 2 cores (docs/ilpselect.md, "Pruning check").
     */
    public static final int DEFAULT_CANDIDATES = 80;
    /** Default largest K of the pruning check. */
    public static final int DEFAULT_PRUNING_CHECK_MAX = 320;
    /** Default CP-SAT cost resolution. */
    public static final double DEFAULT_RESOLUTION = 1e-5;

    public IlpOptions {
        Objects.requireNonNull(solver, "solver");
        if (!(penalty >= 0) || Double.isInfinite(penalty)) throw new IllegalArgumentException("penalty must be finite and ≥ 0: " + penalty);
        if (candidates < 0) throw new IllegalArgumentException("candidates must be ≥ 0: " + candidates);
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("time limit must be positive: " + timeLimitSeconds);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw new IllegalArgumentException("resolution must be positive: " + resolution);
        if (!(roundLimitSeconds > 0)) throw new IllegalArgumentException("round time limit must be positive: " + roundLimitSeconds);
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        if (pruningCheckMax < 0) throw new IllegalArgumentException("pruning check max K must be ≥ 0: " + pruningCheckMax);
    }

    /**
     * Penalty 1, CP-SAT, {@value #DEFAULT_CANDIDATES} candidates plus whole-molecule pairs, widened when they run
     * out, 600 s in all and 20 s per solve, resolution 1e-5, all processors, heavy atoms, no pruning check.
     */
    public static IlpOptions defaults() {
        return new IlpOptions(1.0, IlpSolver.CPSAT, DEFAULT_CANDIDATES, 600, DEFAULT_RESOLUTION,
                Runtime.getRuntime().availableProcessors(), false, true, 20, true, false, DEFAULT_PRUNING_CHECK_MAX);
    }

    public IlpOptions withPenalty(double v) {
        return new IlpOptions(v, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withSolver(IlpSolver v) {
        return new IlpOptions(penalty, v, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withCandidates(int v) {
        return new IlpOptions(penalty, solver, v, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withTimeLimit(double seconds) {
        return new IlpOptions(penalty, solver, candidates, seconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withResolution(double v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, v, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withThreads(int v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, v, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withRoundLimit(double seconds) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, seconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withWholeMolecules(boolean v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, v, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withCountHydrogens(boolean v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, v, wholeMolecules, roundLimitSeconds, widen, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withWiden(boolean v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, v, pruningCheck, pruningCheckMax);
    }

    public IlpOptions withPruningCheck(boolean v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, v, pruningCheckMax);
    }

    public IlpOptions withPruningCheckMax(int v) {
        return new IlpOptions(penalty, solver, candidates, timeLimitSeconds, resolution, threads, countHydrogens, wholeMolecules, roundLimitSeconds, widen, pruningCheck, v);
    }
}
