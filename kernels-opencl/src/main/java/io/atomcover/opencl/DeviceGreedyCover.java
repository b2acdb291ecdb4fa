package io.atomcover.opencl;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.GreedyCover;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jocl.CLException;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The eager greedy MSC loop on the device ({@link GreedyCover}). The descriptors are uploaded once
 * (column-major for the environments in play, row-major for the picked structure's rows) together
 * with the structure offsets, entropies and covers; each iteration then runs the fused update
 * (cover += kernel sums against the last pick, per-structure minimum and score in the same pass)
 * and the arg-max on the device, and reads back only the chosen index and its score.
 *
 * <p>When the descriptors do not fit the memory budget, covers, norms, offsets and scores stay
 * resident and the environments stream through two device buffers in chunks of whole structures
 * every iteration (the next chunk uploads while the current one is updated); the picked
 * structure's rows are then uploaded by the host.
 */
final class DeviceGreedyCover implements GreedyCover {
    private final Object lock;
    private final ClSession cl;
    private final long budget;
    private final IntUnaryOperator tileRows;
    private final int updateWg;
    private final int argmaxWg;
    private boolean streamedLastRun;

    DeviceGreedyCover(Object lock, ClSession cl, long budget, IntUnaryOperator tileRows) {
        this.lock = lock;
        this.cl = cl;
        this.budget = budget;
        this.tileRows = tileRows;
        ClSession.Kernels k = cl.kernels(ClSession.DEFAULT_DIM);
        updateWg = cl.workGroup(k.mscUpdate(), 32);
        argmaxWg = cl.workGroup(k.mscArgmax(), 256);
    }

    /** Whether the last run streamed the descriptors in chunks (they did not fit the budget). */
    boolean streamedLastRun() {
        synchronized (lock) {
            return streamedLastRun;
        }
    }

    /** Nothing is held between runs; the kernels go with the session. */
    void release() {
    }

    @Override
    public Result run(Descriptors d, double[] entropies, double[] initialCover, int size, double bandwidth,
                      boolean logSpace, ProgressListener progress) {
        int total = d.structureCount();
        if (entropies.length != total) throw new IllegalArgumentException(entropies.length + " entropies for " + total + " structures");
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        if (initialCover != null && initialCover.length != d.rows())
            throw new IllegalArgumentException(initialCover.length + " initial covers for " + d.rows() + " environments");
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive: " + bandwidth);
        if (size == 0) return new Result(new int[0], new double[0], 0);
        synchronized (lock) {
            try (Run run = new Run(d, entropies, initialCover, logSpace, 1.0 / (2.0 * bandwidth * bandwidth))) {
                return run.loop(size, progress);
            } catch (CLException e) {
                throw ClFailure.of("greedy cover (MSC)", cl.device, e);
            }
        }
    }

    /** The device state of one greedy run. */
    private final class Run implements AutoCloseable {
        final Descriptors d;
        final double[] x;
        final int dim;
        final int[] off;
        final int total;
        final double[] entropies;
        final boolean initial;
        final boolean logSpace;
        final double c;
        final int tr;
        final long rowBytes;
        final boolean single = cl.realBytes == 4;
        final cl_kernel update;
        final cl_kernel argmax;
        final List<cl_mem> mems = new ArrayList<>();
        cl_mem offBuf, entropyBuf, takenBuf, coverBuf, scoreBuf, normBuf, rangeBuf, pickIndexBuf, pickScoreBuf;
        /** Resident: all rows column-major / row-major. Streamed: chunk buffers and the pick's rows. */
        cl_mem qTAll, rowsAll;
        cl_mem[] chunkBuf;
        Staging[] chunkStage;
        cl_mem pickRows, pickNorms;
        Staging pickStage;
        /** Streamed: structure ranges [chunkStart[i], chunkStart[i+1]). */
        int[] chunkStart;
        double[] norms;

        Run(Descriptors d, double[] entropies, double[] initialCover, boolean logSpace, double c) {
            this.d = d;
            this.x = d.data();
            this.dim = d.dim();
            this.off = d.offsets();
            this.total = d.structureCount();
            this.entropies = entropies;
            this.initial = initialCover != null;
            this.logSpace = logSpace;
            this.c = c;
            this.tr = tileRows.applyAsInt(dim);
            ClSession.Kernels kernels = cl.kernels(dim);
            this.update = kernels.mscUpdate();
            this.argmax = kernels.mscArgmax();
            int rb = cl.realBytes;
            this.rowBytes = (long) dim * rb;
            long rows = d.rows();
            int maxRows = 0;
            for (int s = 0; s < total; s++) {
                if (d.rowsOf(s) == 0) throw new IllegalArgumentException("structure " + s + " has no environments");
                maxRows = Math.max(maxRows, d.rowsOf(s));
            }
            long fixed = rows * rb + rows * 8 + (long) total * 17 + (total + 1L) * 4 + 64;
            long alloc = cl.device.maxAllocBytes();
            boolean resident = fixed + 2 * rows * rowBytes <= budget && rows * rowBytes <= alloc;
            streamedLastRun = !resident;
            try {
                offBuf = mem((total + 1L) * 4);
                entropyBuf = mem((long) total * 8);
                takenBuf = mem(total);
                coverBuf = mem(rows * 8);
                scoreBuf = mem((long) total * 8);
                normBuf = mem(rows * rb);
                rangeBuf = mem(8);
                pickIndexBuf = mem(4);
                pickScoreBuf = mem(8);
                cl.writeInts(offBuf, off);
                cl.writeDoubles(entropyBuf, entropies);
                double[] cover = initialCover != null ? initialCover.clone() : new double[(int) rows];
                if (initialCover == null && logSpace) Arrays.fill(cover, Double.NEGATIVE_INFINITY);
                cl.writeDoubles(coverBuf, cover);
                norms = Staging.norms(x, dim, 0, (int) rows);
                Staging st = new Staging(rows * rb, single);
                cl.write(normBuf, st.pointer(), st.putValues(norms, 0, (int) rows));
                cl.writeInts(rangeBuf, new int[] {0, 0});
                if (resident) {
                    Staging big = new Staging(rows * rowBytes, single);
                    qTAll = mem(rows * rowBytes);
                    cl.write(qTAll, big.pointer(), big.putTransposed(x, dim, 0, (int) rows));
                    rowsAll = mem(rows * rowBytes);
                    cl.write(rowsAll, big.pointer(), big.putRows(x, dim, 0, (int) rows));
                } else {
                    long pickBytes = maxRows * (rowBytes + rb);
                    long chunkRows = (budget - fixed - pickBytes) / 2 / rowBytes;
                    chunkRows = Math.min(chunkRows, alloc / rowBytes);
                    if (chunkRows < maxRows)
                        throw new BackendUnavailableException("device memory budget of " + budget + " bytes is too small for "
                                + "the MSC state of " + rows + " environments plus two chunks of the largest structure");
                    List<Integer> starts = new ArrayList<>();
                    starts.add(0);
                    int first = 0;
                    for (int s = 0; s < total; s++) {
                        if (off[s + 1] - off[first] > chunkRows) {
                            starts.add(s);
                            first = s;
                        }
                    }
                    starts.add(total);
                    chunkStart = starts.stream().mapToInt(Integer::intValue).toArray();
                    int buffers = chunkStart.length - 1 > 1 ? 2 : 1;
                    chunkBuf = new cl_mem[buffers];
                    chunkStage = new Staging[buffers];
                    for (int b = 0; b < buffers; b++) {
                        chunkBuf[b] = mem(chunkRows * rowBytes);
                        chunkStage[b] = new Staging(chunkRows * rowBytes, single);
                    }
                    pickRows = mem(maxRows * rowBytes);
                    pickNorms = mem((long) maxRows * rb);
                    pickStage = new Staging(maxRows * rowBytes, single);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        cl_mem mem(long bytes) {
            cl_mem m = cl.buffer(bytes);
            mems.add(m);
            return m;
        }

        Result loop(int size, ProgressListener progress) {
            int[] order = new int[size];
            double[] scores = new double[size];
            byte[] taken = new byte[total];
            long remaining = d.rows();
            long pairs = 0;
            int picks = 0;
            int last = -1;
            if (!initial) {
                int first = 0;
                for (int s = 1; s < total; s++) if (entropies[s] > entropies[first]) first = s;
                order[0] = first;
                scores[0] = Double.POSITIVE_INFINITY;
                picks = 1;
                taken[first] = 1;
                remaining -= d.rowsOf(first);
                last = first;
                progress.progress(1, size);
            }
            cl.writeBytes(takenBuf, taken);
            if (last >= 0) pointAt(last);
            int[] index = new int[1];
            double[] score = new double[1];
            while (picks < size) {
                updateAll();
                if (last >= 0) pairs += remaining * d.rowsOf(last);
                cl.args(argmax, total, takenBuf, scoreBuf, offBuf, rangeBuf, pickIndexBuf, pickScoreBuf,
                        new ClSession.Local((long) argmaxWg * 8), new ClSession.Local((long) argmaxWg * 4));
                cl.run(argmax, 1, argmaxWg);
                cl.readInts(pickIndexBuf, index);
                cl.readDoubles(pickScoreBuf, score, 1);
                int s = index[0];
                if (s < 0 || s >= total) throw new IllegalStateException("device arg-max returned " + s);
                order[picks] = s;
                scores[picks] = score[0];
                picks++;
                remaining -= d.rowsOf(s);
                last = s;
                if (chunkStart != null && picks < size) pointAt(s);
                progress.progress(picks, size);
            }
            return new Result(order, scores, pairs);
        }

        /** Makes structure s the reference of the next update (resident: the arg-max kernel does this itself). */
        void pointAt(int s) {
            if (chunkStart == null) {
                cl.writeInts(rangeBuf, new int[] {off[s], d.rowsOf(s)});
                return;
            }
            int n = d.rowsOf(s);
            cl.write(pickRows, pickStage.pointer(), pickStage.putRows(x, dim, off[s], n));
            cl.write(pickNorms, pickStage.pointer(), pickStage.putValues(norms, off[s], n));
            cl.writeInts(rangeBuf, new int[] {0, n});
        }

        void updateAll() {
            ClSession.Local tile = new ClSession.Local((long) tr * rowBytes);
            ClSession.Local red = new ClSession.Local((long) updateWg * 8);
            if (chunkStart == null) {
                cl.args(update, qTAll, d.rows(), 0, normBuf, offBuf, 0, rowsAll, normBuf, rangeBuf,
                        new ClSession.Real(c), logSpace ? 1 : 0, takenBuf, entropyBuf, coverBuf, scoreBuf, tile, tr, red);
                cl.run(update, total, updateWg);
                return;
            }
            int chunks = chunkStart.length - 1;
            cl_event[] done = new cl_event[chunkBuf.length];
            try {
                for (int t = 0; t < chunks; t++) {
                    int b = t % chunkBuf.length;
                    int s0 = chunkStart[t];
                    int s1 = chunkStart[t + 1];
                    int r0 = off[s0];
                    int n = off[s1] - r0;
                    ClSession.await(done[b]);
                    ClSession.releaseEvent(done[b]);
                    done[b] = null;
                    cl_event up = cl.writeAsync(chunkBuf[b], chunkStage[b].pointer(), chunkStage[b].putTransposed(x, dim, r0, n));
                    cl.args(update, chunkBuf[b], n, r0, normBuf, offBuf, s0, pickRows, pickNorms, rangeBuf,
                            new ClSession.Real(c), logSpace ? 1 : 0, takenBuf, entropyBuf, coverBuf, scoreBuf, tile, tr, red);
                    done[b] = cl.runAfter(update, s1 - s0, updateWg, up);
                    ClSession.releaseEvent(up);
                }
            } finally {
                for (cl_event e : done) {
                    ClSession.await(e);
                    ClSession.releaseEvent(e);
                }
            }
        }

        @Override
        public void close() {
            for (cl_mem m : mems) ClSession.release(m);
            mems.clear();
        }
    }
}
