package io.atomcover.backend.cpu;

/**
 * A run of consecutive leaves of a {@link RowIndex} copied into one wide panel (component k of column
 * j at {@code panel[k][j]}, the leaves side by side) with its norms, so the {@link TileKernel} loops
 * run over all their columns at once. C2's superword pass runs only the unrolled main part of such a
 * loop in vector form and its alignment pre-loop and remainder post-loop in scalar form; with AVX-512
 * (C2's default where the CPU has it) the main part takes so many columns per step that a loop over
 * one 64-row leaf runs mostly scalar, while a few hundred columns run mostly vector (figures in
 * docs/benchmarks.md, "Micro-kernels"). The copy costs one pass over the columns against the tile's
 * rows × columns × dim FMAs. One strip belongs to one thread.
 */
final class Strip {
    final double[][] panel;
    final double[] norms;
    /** Columns in the strip. */
    int width;

    /** A strip of up to {@code capacity} columns of dimension {@code dim}. */
    Strip(int dim, int capacity) {
        panel = new double[dim][capacity];
        norms = new double[capacity];
    }

    int capacity() {
        return norms.length;
    }

    /** Copies leaves b0..b1 (consecutive, at most {@link #capacity} rows in all) of {@code index}. */
    void load(RowIndex index, int b0, int b1) {
        int w = 0;
        for (int b = b0; b <= b1; b++) {
            int nb = index.leafSize(b);
            double[][] pl = index.panel[b];
            for (int k = 0; k < panel.length; k++) System.arraycopy(pl[k], 0, panel[k], w, nb);
            System.arraycopy(index.leafNorms[b], 0, norms, w, nb);
            w += nb;
        }
        width = w;
    }
}
