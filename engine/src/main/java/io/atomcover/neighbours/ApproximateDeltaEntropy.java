package io.atomcover.neighbours;

/**
 * dH from the k nearest reference rows only, as upstream QUESTS's {@code approx_dH}:
 * {@code dH_i = -log Σ_{j ∈ kNN(i)} exp(-d_ij² / 2h²)}. Leaving out the farther terms can only
 * shrink the sum, so with exact neighbours it is an upper bound of the exact dH, tight when the
 * nearest terms dominate; a missed neighbour raises it further.
 */
public final class ApproximateDeltaEntropy {
    private ApproximateDeltaEntropy() {
    }

    /** dH of every query row from its neighbours' distances; +∞ where every term underflows. */
    public static double[] of(NearestNeighbours nn, double h) {
        int k = nn.k();
        int n = nn.queries();
        double c = 1.0 / (2.0 * h * h);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (int j = 0; j < k; j++) {
                double d = nn.distances()[i * k + j];
                p += Math.exp(-d * d * c);
            }
            out[i] = -Math.log(p);
        }
        return out;
    }

    /**
     * Recall of {@code approx} against {@code exact}: the fraction of returned neighbours that are
     * no farther than the exact k-th nearest distance (times 1 + 1e-9, for rounding), over all
     * queries. Counting by distance rather than by row number keeps equally distant rows
     * (identical environments of a crystal) interchangeable.
     */
    public static double recall(NearestNeighbours approx, NearestNeighbours exact) {
        int k = exact.k();
        if (approx.k() != k || approx.queries() != exact.queries())
            throw new IllegalArgumentException("neighbour lists of different shapes");
        long hits = 0;
        for (int i = 0; i < exact.queries(); i++) {
            double limit = exact.distances()[i * k + k - 1] * (1 + 1e-9);
            for (int j = 0; j < k; j++) if (approx.ids()[i * k + j] >= 0 && approx.distances()[i * k + j] <= limit) hits++;
        }
        return exact.queries() == 0 ? 1.0 : (double) hits / ((long) exact.queries() * k);
    }
}
