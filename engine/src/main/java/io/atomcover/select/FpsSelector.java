package io.atomcover.select;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;

import java.util.Arrays;

/**
 * Structure-level farthest-point sampling, the reference program's "fps" (docs/methods.md,
 * "Baselines"). The distance between two structures is the mean of all pairwise distances between
 * their environments; the first pick is the structure with the largest entropy H_s (first index on
 * ties), then each step takes the remaining structure whose distance to the nearest selected
 * structure is largest (first index on ties). Distance sums come from
 * {@link KdeBackend#distanceSums}: one call per pick, all rows against the rows of the structure
 * just taken.
 */
public final class FpsSelector {
    private final KdeBackend backend;
    private final ProgressListener progress;

    public FpsSelector(KdeBackend backend) {
        this(backend, ProgressListener.NONE);
    }

    public FpsSelector(KdeBackend backend, ProgressListener progress) {
        this.backend = backend;
        this.progress = progress;
    }

    /**
     * @param d         descriptors; every structure needs at least one row
     * @param entropies H_s per structure (only the first pick uses them)
     * @param size      number of picks, 0..S
     */
    public Selection select(Descriptors d, double[] entropies, int size) {
        int total = d.structureCount();
        if (entropies.length != total) throw new IllegalArgumentException(entropies.length + " entropies for " + total + " structures");
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        for (int s = 0; s < total; s++)
            if (d.rowsOf(s) == 0) throw new IllegalArgumentException("structure " + s + " has no environments");
        int[] out = new int[size];
        if (size == 0) return new Selection("fps", out);
        int next = 0;
        for (int s = 1; s < total; s++) if (entropies[s] > entropies[next]) next = s;
        double[] nearest = new double[total];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[total];
        double[] sums = new double[d.rows()];
        int[] off = d.offsets();
        for (int k = 0; ; k++) {
            out[k] = next;
            taken[next] = true;
            progress.progress(k + 1, size);
            if (k + 1 == size) break;
            backend.distanceSums(RowBlock.of(d), RowBlock.ofStructure(d, next), sums);
            double pairsPerRow = d.rowsOf(next);
            int best = -1;
            for (int s = 0; s < total; s++) {
                if (taken[s]) continue;
                double sum = 0;
                for (int e = off[s]; e < off[s + 1]; e++) sum += sums[e];
                double mean = sum / (pairsPerRow * d.rowsOf(s));
                if (mean < nearest[s]) nearest[s] = mean;
                if (best < 0 || nearest[s] > nearest[best]) best = s;
            }
            next = best;
        }
        return new Selection("fps", out);
    }
}
