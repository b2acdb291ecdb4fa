package io.atomcover.backend.cpu;

import java.util.concurrent.atomic.LongAdder;

/**
 * Pairs of rows asked for and evaluated by a CPU backend and its sessions, counted from any thread:
 * what the pruning saves. Only reported, never used to decide anything.
 */
final class PairCounters {
    private final LongAdder requested = new LongAdder();
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder aggregated = new LongAdder();

    /** Counts query × reference pairs asked for. */
    void addRequested(long pairs) {
        requested.add(pairs);
    }

    /** Counts pairs whose distance was computed. */
    void addEvaluated(long pairs) {
        evaluated.add(pairs);
    }

    /** Counts pairs added as part of an aggregate, without their distance. */
    void addAggregated(long pairs) {
        aggregated.add(pairs);
    }

    long aggregated() {
        return aggregated.sum();
    }

    long requested() {
        return requested.sum();
    }

    long evaluated() {
        return evaluated.sum();
    }

    void reset() {
        evaluated.reset();
        requested.reset();
        aggregated.reset();
    }
}
