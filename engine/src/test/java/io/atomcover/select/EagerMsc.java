package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.kde.KdeBackend;
import io.atomcover.kde.LogSpace;
import io.atomcover.kde.RowBlock;

/**
 * The straightforward greedy loop of SPEC section 4, for checking the lazy scheduler: after every
 * pick, every environment's cover is updated against that pick and every remaining structure is
 * rescored; the largest score wins, the first index on ties.
 */
final class EagerMsc {
    private EagerMsc() {
    }

    /** @param reference null for plain MSC (first pick by entropy), else conditional MSC */
    static int[] select(KdeBackend backend, Descriptors d, double[] entropies, int size, double h, boolean compat,
                        Descriptors reference) {
        int total = d.structureCount();
        int[] off = d.offsets();
        double[] cover = new double[d.rows()];
        double[] delta = new double[d.rows()];
        boolean[] taken = new boolean[total];
        int[] out = new int[size];
        int n = 0;
        if (reference == null) {
            int first = 0;
            for (int s = 1; s < total; s++) if (entropies[s] > entropies[first]) first = s;
            out[n++] = first;
            taken[first] = true;
            sums(backend, d, RowBlock.ofStructure(d, first), h, compat, cover);
        } else {
            sums(backend, d, RowBlock.of(reference), h, compat, cover);
        }
        while (n < size) {
            int best = -1;
            double bestScore = 0;
            for (int s = 0; s < total; s++) {
                if (taken[s]) continue;
                double min = Double.POSITIVE_INFINITY;
                for (int e = off[s]; e < off[s + 1]; e++) min = Math.min(min, cover[e]);
                double score = compat ? -Math.log(min) + entropies[s] : entropies[s] - min;
                if (best < 0 || score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
            out[n++] = best;
            taken[best] = true;
            sums(backend, d, RowBlock.ofStructure(d, best), h, compat, delta);
            if (compat) {
                for (int e = 0; e < cover.length; e++) cover[e] += delta[e];
            } else {
                for (int e = 0; e < cover.length; e++) cover[e] = LogSpace.addExp(cover[e], delta[e]);
            }
        }
        return out;
    }

    private static void sums(KdeBackend backend, Descriptors d, RowBlock ref, double h, boolean compat, double[] out) {
        if (compat) backend.kernelSums(RowBlock.of(d), ref, h, out);
        else backend.logKernelSums(RowBlock.of(d), ref, h, out);
    }
}
