package io.atomcover.ilpselect.ilp;

import io.atomcover.backend.PairDistances;
import io.atomcover.ilpselect.fchl.MoleculeReps;

/**
 * SML baseline: database molecules sorted by the Euclidean distance between their global
 * representation (sum of all atom rows, hydrogens included) and the target's; ties keep file order.
 */
public final class SmlRanker implements Ranker {
    @Override
    public String method() {
        return "sml";
    }

    @Override
    public Ranking rank(MoleculeReps database, MoleculeReps target, int size) {
        Ranker.checkArguments(database, target, size);
        long t0 = System.nanoTime();
        int dim = database.dim();
        double[] g = database.globalRep();
        double[] t = target.globalRep();
        int n = database.size();
        double[] dist = new double[n];
        PairDistances.squaredDistancesToRow(g, 0, n, t, 0, dim, dist);
        for (int m = 0; m < n; m++) dist[m] = Math.sqrt(dist[m]);
        int[] order = Sorting.argsort(dist);
        int[] top = java.util.Arrays.copyOf(order, size);
        double[] scores = new double[size];
        for (int k = 0; k < size; k++) scores[k] = dist[top[k]];
        return Ranking.of(method(), top, scores, t0);
    }
}
