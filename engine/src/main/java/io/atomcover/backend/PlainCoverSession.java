package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.LogSpace;

/**
 * The generic {@link CoverSession}: picked rows copied into one append-only array, each update one
 * {@link KdeBackend#kernelSums}/{@link KdeBackend#logKernelSums} call per row with the picks'
 * contiguous rows as the reference block.
 */
public final class PlainCoverSession implements CoverSession {
    private final KdeBackend backend;
    private final Descriptors d;
    private final double h;
    private final boolean log;
    private final int[] pickedOff;
    private double[] picked;
    private final double[] sums = new double[1];
    private int picks;
    private final boolean[] taken;
    private long pairs;

    PlainCoverSession(KdeBackend backend, Descriptors d, double h, boolean log) {
        this.backend = backend;
        this.d = d;
        this.h = h;
        this.log = log;
        pickedOff = new int[d.structureCount() + 1];
        picked = new double[0];
        taken = new boolean[d.structureCount()];
    }

    @Override
    public void pick(int s) {
        if (taken[s]) throw new IllegalArgumentException("structure " + s + " was picked already");
        taken[s] = true;
        int dim = d.dim();
        int rows = d.rowsOf(s);
        int need = (pickedOff[picks] + rows) * dim;
        if (need > picked.length) picked = java.util.Arrays.copyOf(picked, Math.max(need, picked.length * 2));
        System.arraycopy(d.data(), d.offsets()[s] * dim, picked, pickedOff[picks] * dim, rows * dim);
        pickedOff[picks + 1] = pickedOff[picks] + rows;
        picks++;
    }

    @Override
    public int picks() {
        return picks;
    }

    @Override
    public void accumulate(int s, int[] rows, int[] fromPicks, int count, double[] cover) {
        int dim = d.dim();
        for (int i = 0; i < count; i++) {
            int from = pickedOff[fromPicks[i]];
            int n = pickedOff[picks] - from;
            if (n == 0) continue;
            RowBlock ref = new RowBlock(picked, dim, from, n);
            RowBlock query = new RowBlock(d.data(), dim, rows[i], 1);
            if (log) backend.logKernelSums(query, ref, h, sums);
            else backend.kernelSums(query, ref, h, sums);
            pairs += n;
            int e = rows[i];
            cover[e] = log ? LogSpace.addExp(cover[e], sums[0]) : cover[e] + sums[0];
        }
    }

    @Override
    public long pairsRequested() {
        return pairs;
    }
}
