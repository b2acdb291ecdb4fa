package io.atomcover.backend.cpu;

import io.atomcover.backend.RowBlock;

/**
 * The raw rate of the CPU backend's tile kernel, for benchmarks: every pair of a query block against
 * a reference block evaluated with exactly the arithmetic of the pruned kernel sums (dot products of
 * four query rows at a time against a strip of transposed reference columns, then the fast-exp terms),
 * with no index, no pruning and no threads. One probe belongs to one thread.
 *
 * <p>The work has the backend's shape: both blocks are cut into leaves of {@value CpuKdeBackend#LEAF}
 * rows, and each query leaf goes against runs of consecutive reference leaves of up to {@code strip}
 * columns, each run of several leaves copied into one {@link Strip} and a lone leaf read in place, as
 * the backend does with up to {@link CpuKdeBackend#STRIP} columns; with {@code strip} ≤ 64 every pass
 * is one leaf read in place.
 */
public final class KernelProbe {
    private final RowIndex q;
    private final RowIndex r;
    private final double c;
    private final Strip strip;
    private final TileKernel tile;

    /**
     * @param query     rows whose sums are taken
     * @param reference rows summed over
     * @param bandwidth Gaussian bandwidth h
     * @param strip     widest run of reference columns per pass, ≥ 1
     */
    public KernelProbe(RowBlock query, RowBlock reference, double bandwidth, int strip) {
        if (query.dim() != reference.dim()) throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + reference.dim());
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        if (strip < 1) throw new IllegalArgumentException("strip must be ≥ 1: " + strip);
        q = RowIndex.flat(query, CpuKdeBackend.LEAF);
        r = RowIndex.flat(reference, CpuKdeBackend.LEAF);
        c = 1.0 / (2.0 * bandwidth * bandwidth);
        this.strip = new Strip(reference.dim(), Math.max(strip, CpuKdeBackend.LEAF));
        tile = new TileKernel(4, Math.max(strip, CpuKdeBackend.LEAF));
    }

    /** Pairs one {@link #run} evaluates. */
    public long pairs() {
        return (long) q.rows * r.rows;
    }

    /**
     * Evaluates every pair once and returns Σ_ij e^{max(-d²_ij/(2h²), CLAMP)} (the fast terms with
     * shift 0 and the lower clamp of the pruned sums, e^-60).
     */
    public double run() {
        double total = 0;
        for (int a = 0; a < q.leaves; a++) {
            for (int b0 = 0; b0 < r.leaves; ) {
                int b1 = b0;
                while (b1 + 1 < r.leaves && r.leafStart[b1 + 2] - r.leafStart[b0] <= strip.capacity()) b1++;
                if (b1 == b0) {
                    total += tile(a, r.panel[b0], r.leafNorms[b0], r.leafSize(b0));
                } else {
                    strip.load(r, b0, b1);
                    total += tile(a, strip.panel, strip.norms, strip.width);
                }
                b0 = b1 + 1;
            }
        }
        return total;
    }

    /** Σ of the terms of query leaf a against nb panel columns. */
    private double tile(int a, double[][] pl, double[] nr, int nb) {
        double[][] dot = tile.dots;
        double[] x = q.data;
        int d = q.dim;
        int p1 = q.leafStart[a + 1];
        double total = 0;
        int i = q.leafStart[a];
        for (; i + 4 <= p1; i += 4) {
            TileKernel.dots4(x, i * d, (i + 1) * d, (i + 2) * d, (i + 3) * d, d, pl, nb, dot[0], dot[1], dot[2], dot[3]);
            for (int k = 0; k < 4; k++) total += TileKernel.fastTerms(dot[k], nr, nb, q.norms[i + k], c, 0.0, tile.p, tile.k, null);
        }
        for (; i < p1; i++) {
            TileKernel.dots1(x, i * d, d, pl, nb, dot[0]);
            total += TileKernel.fastTerms(dot[0], nr, nb, q.norms[i], c, 0.0, tile.p, tile.k, null);
        }
        return total;
    }
}
