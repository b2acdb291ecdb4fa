package io.atomcover.cli;

import io.atomcover.ilpselect.ilp.CurRanker;
import io.atomcover.ilpselect.ilp.FpsRanker;
import io.atomcover.ilpselect.ilp.IlpListener;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpRanker;
import io.atomcover.ilpselect.ilp.RandomRanker;
import io.atomcover.ilpselect.ilp.Ranker;
import io.atomcover.ilpselect.ilp.SmlRanker;
import java.util.Locale;

/** The target-tailored ranking methods of {@code select} and {@code experiment}, by their command-line names. */
enum RankingMethod {
    ILP(true), SML(true), FPS(false), CUR(false), RANDOM(false);

    /** Whether the ranking depends on the target (fps, cur and random rank the database alone). */
    final boolean targetDependent;

    RankingMethod(boolean targetDependent) {
        this.targetDependent = targetDependent;
    }

    /** The ranker; {@code ilp} and {@code listener} matter for ILP only, {@code seed} for random only. */
    Ranker ranker(IlpOptions ilp, long seed, IlpListener listener) {
        return switch (this) {
            case ILP -> new IlpRanker(ilp, listener);
            case SML -> new SmlRanker();
            case FPS -> new FpsRanker();
            case CUR -> new CurRanker();
            case RANDOM -> new RandomRanker(seed);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
