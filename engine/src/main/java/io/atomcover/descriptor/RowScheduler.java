package io.atomcover.descriptor;

import io.atomcover.structure.Structure;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs descriptor rows of many structures on several threads ({@link Parallel}). The work is cut into
 * units of at most {@link #CHUNK} atoms of one structure, so small structures are one unit each and a
 * large periodic cell is shared by all threads. Units are taken in order; a structure is
 * prepared (images, bins, species subsets) by the first unit that needs it, the other units of that
 * structure wait for it, and the last unit to finish drops it, so only a few structures are held at
 * a time. Every row is computed by the same arithmetic whatever thread runs it, so the result does
 * not depend on the number of threads.
 */
final class RowScheduler {
    /** Atoms per unit of work: large enough to make scheduling overhead negligible (~0.5 ms of work). */
    static final int CHUNK = 128;

    private final List<Structure> structures;
    private final int[] rowOffsets;
    private final int dim;
    private final int k;
    private final double cutoff;
    private final int[] species;
    private final double[] out;

    private final int[] unitStructure;
    private final int[] unitFrom;
    private final int[] unitTo;
    private final Slot[] slots;
    private final ProgressListener progress;
    private final long total;
    private long done;

    /** The lazily prepared structure and the number of its units still to run. */
    private static final class Slot {
        PreparedStructure prepared;
        int remaining;
    }

    RowScheduler(List<Structure> structures, int[] rowOffsets, int dim, int k, double cutoff, int[] species,
                 double[] out, ProgressListener progress) {
        this.structures = structures;
        this.rowOffsets = rowOffsets;
        this.dim = dim;
        this.k = k;
        this.cutoff = cutoff;
        this.species = species;
        this.out = out;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.total = rowOffsets[structures.size()];
        List<int[]> units = new ArrayList<>();
        slots = new Slot[structures.size()];
        for (int s = 0; s < structures.size(); s++) {
            int n = structures.get(s).size();
            slots[s] = new Slot();
            for (int from = 0; from < n; from += CHUNK) {
                units.add(new int[] {s, from, Math.min(n, from + CHUNK)});
                slots[s].remaining++;
            }
        }
        unitStructure = new int[units.size()];
        unitFrom = new int[units.size()];
        unitTo = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            unitStructure[u] = units.get(u)[0];
            unitFrom[u] = units.get(u)[1];
            unitTo[u] = units.get(u)[2];
        }
    }

    /** Computes every row, on {@code threads} threads (the caller's included). */
    void run(int threads) {
        Parallel.run(threads, unitStructure.length, () -> new QuestsKernel(k, cutoff), this::unit);
    }

    private void unit(QuestsKernel kernel, int u) {
        int s = unitStructure[u];
        PreparedStructure prepared = acquire(s);
        prepared.rows(unitFrom[u], unitTo[u], kernel, k, out, rowOffsets[s] * dim, dim);
        release(s);
        report(unitTo[u] - unitFrom[u]);
    }

    private PreparedStructure acquire(int s) {
        Slot slot = slots[s];
        synchronized (slot) {
            if (slot.prepared == null) slot.prepared = new PreparedStructure(structures.get(s), cutoff, species);
            return slot.prepared;
        }
    }

    private void release(int s) {
        Slot slot = slots[s];
        synchronized (slot) {
            if (--slot.remaining == 0) slot.prepared = null;
        }
    }

    private synchronized void report(int rows) {
        done += rows;
        progress.progress(done, total);
    }
}
