package io.atomcover.ilpselect.ilp;

/**
 * What one ranking may spend and has spent: CP-SAT deterministic time ({@link IlpOptions#budget()},
 * summed over its solves) and, only when one is given, wall-clock time
 * ({@link IlpOptions#timeLimitSeconds()}). Every decision that depends on what is left (whether to
 * solve again, to widen, to go on with the pruning check) reads it here, so that without a wall-clock
 * limit none of them depends on how fast the machine is.
 */
final class Budget {
    private final IlpOptions options;
    private final long startNanos;
    private double used;

    Budget(IlpOptions options, long startNanos) {
        this.options = options;
        this.startNanos = startNanos;
    }

    /** Deterministic time used so far. */
    double used() {
        return used;
    }

    /** Wall seconds since the start. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Whether the deterministic budget or the wall-clock limit is spent. */
    boolean spent() {
        return options.budget() - used <= 0 || options.timeLimitSeconds() - seconds() <= 0;
    }

    /**
     * The limits of the next solve: what is left of the budget and of the time limit, each capped by
     * the per-solve value given (+∞ for none).
     */
    MappingModel.Limits next(double roundBudget, double roundSeconds) {
        return new MappingModel.Limits(Math.min(roundBudget, options.budget() - used),
                Math.min(roundSeconds, options.timeLimitSeconds() - seconds()));
    }

    /** Records the deterministic time a solve used (NaN, from a solver that reports none, counts nothing). */
    void charge(double deterministicTime) {
        if (!Double.isNaN(deterministicTime)) used += deterministicTime;
    }
}
