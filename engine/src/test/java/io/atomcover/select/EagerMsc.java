package io.atomcover.select;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.LogSpace;

/**
 * The straightforward greedy loop of docs/methods.md, "Greedy minimum set cover", for checking the
 * lazy scheduler: after every pick, every environment's cover is updated against that pick and
 * every remaining structure is rescored; the largest score wins, the first index on ties.
 */
final class EagerMsc {
    private EagerMsc() {
    }

    /** @param reference null for plain MSC (first pick by entropy), else conditional MSC */
    static int[] select(KdeBackend backend, Descriptors d, double[] entropies, int size, double h, boolean compat,
                        Descriptors reference) {
        return run(backend, d, entropies, size, h, compat, reference, null, 0);
    }

    /**
     * Replays {@code order} through the eager loop and checks that every pick is a greedy choice:
     * its score is the best one, or within {@code tolerance} relative of it (a rounding tie, which
     * the summation order decides). Returns the number of picks decided by such ties.
     *
     * @throws AssertionError at the first pick that is not a greedy choice
     */
    static int ties(KdeBackend backend, Descriptors d, double[] entropies, double h, boolean compat,
                    Descriptors reference, int[] order, double tolerance) {
        int[] ties = new int[1];
        run(backend, d, entropies, order.length, h, compat, reference, order, tolerance, ties);
        return ties[0];
    }

    private static int[] run(KdeBackend backend, Descriptors d, double[] entropies, int size, double h, boolean compat,
                             Descriptors reference, int[] follow, double tolerance) {
        return run(backend, d, entropies, size, h, compat, reference, follow, tolerance, new int[1]);
    }

    private static int[] run(KdeBackend backend, Descriptors d, double[] entropies, int size, double h, boolean compat,
                             Descriptors reference, int[] follow, double tolerance, int[] ties) {
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
            if (follow != null && follow[0] != first) throw new AssertionError("first pick " + follow[0] + ", expected " + first);
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
            if (follow != null && follow[n] != best) {
                int s = follow[n];
                double min = Double.POSITIVE_INFINITY;
                for (int e = off[s]; e < off[s + 1]; e++) min = Math.min(min, cover[e]);
                double score = compat ? -Math.log(min) + entropies[s] : entropies[s] - min;
                if (taken[s] || !(score >= bestScore - tolerance * Math.abs(bestScore)))
                    throw new AssertionError("pick " + n + ": " + s + " (score " + score + ") instead of " + best + " (" + bestScore + ")");
                ties[0]++;
                best = s;
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
