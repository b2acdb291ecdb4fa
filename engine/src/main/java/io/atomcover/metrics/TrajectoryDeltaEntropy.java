package io.atomcover.metrics;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;

/**
 * dH of every environment of a trajectory, frame by frame (docs/methods.md, "Differential entropy
 * along a trajectory"): against the environments of all earlier frames ({@link Reference#PREVIOUS}),
 * or against the frame's own environments ({@link Reference#SELF}, what upstream QUESTS's
 * {@code dH_traj} computes). A frame with no earlier environment (the first) is scored against
 * itself in both modes. Values are linear-sum dH as in {@link InformationMetrics#differentialEntropy}:
 * +∞ where every kernel term underflows.
 */
public final class TrajectoryDeltaEntropy {
    /** What each frame is compared with. */
    public enum Reference {
        /** The environments of all frames before it. */
        PREVIOUS,
        /** Its own environments. */
        SELF;

        /** The name as typed on the command line. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private TrajectoryDeltaEntropy() {
    }

    /**
     * dH of every row of x (frames are x's structures), in row order; progress in rows.
     *
     * @param h bandwidth
     */
    public static double[] compute(KdeBackend backend, Descriptors x, double h, Reference reference, ProgressListener progress) {
        int[] off = x.offsets();
        double[] out = new double[x.rows()];
        int frames = x.structureCount();
        for (int t = 0; t < frames; t++) {
            int n = x.rowsOf(t);
            if (n == 0) continue;
            RowBlock query = RowBlock.ofStructure(x, t);
            RowBlock ref = reference == Reference.SELF || off[t] == 0 ? query : new RowBlock(x.data(), x.dim(), 0, off[t]);
            double[] p = new double[n];
            backend.kernelSums(query, ref, h, p);
            for (int i = 0; i < n; i++) out[off[t] + i] = -Math.log(p[i]);
            progress.progress(off[t + 1], x.rows());
        }
        return out;
    }
}
