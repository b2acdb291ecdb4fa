package io.atomcover.ilpselect.ilp;

import java.util.Locale;

/** The target-tailored ranking methods by their command-line names, each with its {@link Ranker}. */
public enum RankingMethod {
    ILP(true), SML(true), FPS(false), CUR(false), RANDOM(false);

    /** Whether the ranking depends on the target (fps, cur and random rank the database alone). */
    private final boolean targetDependent;

    RankingMethod(boolean targetDependent) {
        this.targetDependent = targetDependent;
    }

    /** Whether the ranking depends on the target (fps, cur and random rank the database alone). */
    public boolean targetDependent() {
        return targetDependent;
    }

    /** The ranker; {@code ilp} and {@code listener} matter for ILP only, {@code seed} for random only. */
    public Ranker ranker(IlpOptions ilp, long seed, IlpListener listener) {
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
