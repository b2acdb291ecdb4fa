package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import io.atomcover.select.RandomSelector;

/** Random baseline: a uniform sample without replacement, reproducible from the seed. */
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
        return Ranking.of(method(), new RandomSelector(seed).select(database.size(), size).indices(), null, t0);
    }
}
