package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.util.SeededDraw;

/** Random baseline: a uniform sample without replacement, reproducible from the seed ({@link SeededDraw}). */
public final class RandomRanker implements Ranker {
    private final long seed;

    public RandomRanker(long seed) {
        this.seed = seed;
    }

    @Override
    public String method() {
        return "random";
    }

    @Override
    public Ranking rank(MoleculeReps database, MoleculeReps target, int size) {
        Ranker.checkArguments(database, target, size);
        long t0 = System.nanoTime();
        return Ranking.of(method(), SeededDraw.withoutReplacement(seed, database.size(), size), null, t0);
    }
}
