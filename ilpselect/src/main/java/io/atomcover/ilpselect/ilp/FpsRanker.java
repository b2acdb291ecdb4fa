package io.atomcover.ilpselect.ilp;

import io.atomcover.backend.PairDistances;
import io.atomcover.ilpselect.fchl.MoleculeReps;

import java.util.Arrays;

/**
 * Farthest-point sampling on the global representations (sum of atom rows), Euclidean distance.
 * The target plays no part. The first pick is the molecule farthest from the mean global
 * representation; each further pick is the molecule whose distance to its nearest earlier pick is
 * largest. Ties go to the lower index.
 */
public final class FpsRanker implements Ranker {
    @Override
    public String method() {
        return "fps";
    }

    @Override
    public Ranking rank(MoleculeReps database, MoleculeReps target, int size) {
        Ranker.checkArguments(database, target, size);
        long t0 = System.nanoTime();
        int n = database.size();
        int dim = database.dim();
        double[] g = database.globalRep();
        double[] mean = new double[dim];
        for (int m = 0; m < n; m++)
            for (int q = 0; q < dim; q++) mean[q] += g[m * dim + q] / n;
        double[] nearest = new double[n];
        for (int m = 0; m < n; m++) nearest[m] = Math.sqrt(PairDistances.squaredDistance(g, m, mean, 0, dim));
        boolean[] taken = new boolean[n];
        int[] order = new int[size];
        double[] scores = new double[size];
        for (int k = 0; k < size; k++) {
            int best = -1;
            for (int m = 0; m < n; m++)
                if (!taken[m] && (best < 0 || nearest[m] > nearest[best])) best = m;
            order[k] = best;
            scores[k] = nearest[best];
            taken[best] = true;
            if (k == 0) Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int m = 0; m < n; m++) {
                if (taken[m]) continue;
                double d = Math.sqrt(PairDistances.squaredDistance(g, m, g, best, dim));
                if (d < nearest[m]) nearest[m] = d;
            }
        }
        return Ranking.of(method(), order, scores, t0);
    }
}
