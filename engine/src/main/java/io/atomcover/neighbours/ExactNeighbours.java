package io.atomcover.neighbours;

import io.atomcover.backend.PairDistances;
import io.atomcover.backend.RowBlock;
import io.atomcover.util.Parallel;

/** The exact k nearest reference rows of every query row, by a full scan: the oracle of an index's recall. */
public final class ExactNeighbours {
    private ExactNeighbours() {
    }

    /** The k (at most ref.count()) nearest rows of {@code ref} for each row of {@code q}, ties by row order. */
    public static NearestNeighbours of(RowBlock q, RowBlock ref, int k, int threads) {
        int kk = Math.min(k, ref.count());
        int n = q.count();
        int[] ids = new int[n * kk];
        double[] dist = new double[n * kk];
        Parallel.run(threads, n, i -> PairDistances.nearest(q, i, ref, kk, ids, dist, i * kk));
        for (int i = 0; i < dist.length; i++) dist[i] = Math.sqrt(dist[i]);
        return new NearestNeighbours(kk, ids, dist);
    }
}
