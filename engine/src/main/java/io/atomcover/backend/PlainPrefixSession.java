package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;

import java.util.Arrays;

/**
 * The default {@link PrefixSession}: the prefix rows copied into one growing array in pick order,
 * and per pick one {@link KdeBackend#kernelSums} call for the earlier rows against the new ones,
 * one for the new rows against the whole prefix and, with the overlap, one for every dataset row
 * against the new rows. Overlap sums only grow, so a row is counted once, when it crosses.
 */
public final class PlainPrefixSession implements PrefixSession {
    private final KdeBackend backend;
    private final Descriptors d;
    private final double h;
    private final double eps;
    private final int[] order;
    private int picks;
    /** Prefix rows in pick order (row-major) and their dataset rows. */
    private double[] rows = new double[0];
    private int[] rowOf = new int[0];
    private int count;
    private double[] delta = new double[0];
    private int[] grown = new int[0];
    /** Overlap sums and crossings by dataset row; null without overlap. */
    private final double[] cover;
    private final double[] coverDelta;
    private final boolean[] crossed;
    private int covered;

    PlainPrefixSession(KdeBackend backend, Descriptors d, int[] order, double h, boolean overlap, double eps) {
        this.backend = backend;
        this.d = d;
        this.order = PrefixSession.checkedOrder(order, d.structureCount());
        this.h = h;
        this.eps = eps;
        cover = overlap ? new double[d.rows()] : null;
        coverDelta = overlap ? new double[d.rows()] : null;
        crossed = overlap ? new boolean[d.rows()] : null;
    }

    @Override
    public int next(double[] sums) {
        if (picks == order.length) throw new java.util.NoSuchElementException("the whole ordering has been added");
        int s = order[picks++];
        int m = d.rowsOf(s);
        if (m == 0) return 0;
        int dim = d.dim();
        int first = d.offsets()[s];
        RowBlock added = RowBlock.ofStructure(d, s);
        if (delta.length < count + m) {
            int cap = Math.max(count + m, 2 * delta.length);
            rows = Arrays.copyOf(rows, cap * dim);
            rowOf = Arrays.copyOf(rowOf, cap);
            delta = new double[cap];
            grown = new int[cap];
        }
        int n = 0;
        if (count > 0) {
            backend.kernelSums(new RowBlock(rows, dim, 0, count), added, h, delta);
            for (int i = 0; i < count; i++) {
                if (delta[i] == 0) continue;
                sums[rowOf[i]] = delta[i];
                grown[n++] = rowOf[i];
            }
        }
        System.arraycopy(d.data(), first * dim, rows, count * dim, m * dim);
        for (int i = 0; i < m; i++) rowOf[count + i] = first + i;
        backend.kernelSums(new RowBlock(rows, dim, count, m), new RowBlock(rows, dim, 0, count + m), h, delta);
        System.arraycopy(delta, 0, sums, first, m);
        count += m;
        if (cover != null) {
            backend.kernelSums(RowBlock.of(d), added, h, coverDelta);
            for (int e = 0; e < cover.length; e++) {
                if (coverDelta[e] == 0 || crossed[e]) continue;
                cover[e] += coverDelta[e];
                if (-Math.log(cover[e]) < eps) {
                    crossed[e] = true;
                    covered++;
                }
            }
        }
        return n;
    }

    @Override
    public int[] grown() {
        return grown;
    }

    @Override
    public int covered() {
        return covered;
    }
}
