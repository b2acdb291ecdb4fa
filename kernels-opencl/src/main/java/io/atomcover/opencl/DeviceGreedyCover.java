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
import org.jocl.Pointer;
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
 * <p>When the descriptors or the per-environment state do not fit one buffer
 * ({@link StreamLimits#maxBufferBytes()}) or the memory budget, the environments go in blocks of
 * whole structures, each with its own cover and norm buffers, and the picked structure's rows are
 * uploaded by the host. The blocks' descriptors stay on the device when they all fit the budget;
 * otherwise they stream through two device buffers every iteration (the next block uploads while
 * the current one is updated). Either way each update launch covers structures whose rows times the
 * pick's rows stay within {@link StreamLimits#maxLaunchPairs()} (at least one structure).
 */
final class DeviceGreedyCover implements GreedyCover {
    private final Object lock;
    private final ClSession cl;
    private final long budget;
    private final StreamLimits limits;
    private final IntUnaryOperator tileRows;
    private final int updateWg;
    private final int argmaxWg;
    private boolean streamedLastRun;
    private int blocksLastRun;

    DeviceGreedyCover(Object lock, ClSession cl, long budget, StreamLimits limits, IntUnaryOperator tileRows) {
        this.lock = lock;
        this.cl = cl;
        this.budget = budget;
        this.limits = limits;
        this.tileRows = tileRows;
        ClSession.Kernels k = cl.kernels(ClSession.DEFAULT_DIM);
        updateWg = cl.workGroup(k.mscUpdate(), 32);
        argmaxWg = cl.workGroup(k.mscArgmax(), 256);
    }

    /** Whether the last run streamed the descriptors every iteration (they did not fit the budget). */
    boolean streamedLastRun() {
        synchronized (lock) {
            return streamedLastRun;
        }
    }

    /** Blocks of environments of the last run (1: one resident set of buffers). */
    int blocksLastRun() {
        synchronized (lock) {
            return blocksLastRun;
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
        cl_mem offBuf, entropyBuf, takenBuf, scoreBuf, rangeBuf, pickIndexBuf, pickScoreBuf;
        /** Resident: all rows column-major / row-major, all norms and covers. */
        cl_mem qTAll, rowsAll, normBuf, coverBuf;
        /** Blocks: structure ranges [blockStart[t], blockStart[t+1]), their covers and norms. */
        int[] blockStart;
        cl_mem[] blockCover, blockNorms;
        /** Blocks: their descriptors (one buffer each when kept, else two that the blocks stream through). */
        cl_mem[] blockRows;
        Staging[] blockStage;
        boolean streaming;
        cl_mem pickRows, pickNorms;
        Staging pickStage;
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
            if ((long) total * 8 > limits.maxBufferBytes() || (total + 1L) * 4 > limits.maxBufferBytes())
                throw new BackendUnavailableException("the MSC state of " + total + " structures does not fit one device buffer of "
                        + limits.maxBufferBytes() + " bytes");
            long fixed = rows * rb + rows * 8 + (long) total * 17 + (total + 1L) * 4 + 64;
            long perRow = Math.max(rowBytes, 8);
            boolean resident = fixed + 2 * rows * rowBytes <= budget && rows <= limits.rowsPerBuffer(perRow);
            try {
                offBuf = mem((total + 1L) * 4);
                entropyBuf = mem((long) total * 8);
                takenBuf = mem(total);
                if (resident) coverBuf = mem(rows * 8);
                scoreBuf = mem((long) total * 8);
                if (resident) normBuf = mem(rows * rb);
                rangeBuf = mem(8);
                pickIndexBuf = mem(4);
                pickScoreBuf = mem(8);
                cl.writeInts(offBuf, off);
                cl.writeDoubles(entropyBuf, entropies);
                double[] cover = initialCover != null ? initialCover.clone() : new double[(int) rows];
                if (initialCover == null && logSpace) Arrays.fill(cover, Double.NEGATIVE_INFINITY);
                norms = Staging.norms(x, dim, 0, (int) rows);
                if (resident) {
                    streamedLastRun = false;
                    blocksLastRun = 1;
                    cl.writeDoubles(coverBuf, cover);
                    Staging st = new Staging(rows * rb, single);
                    cl.write(normBuf, st.pointer(), st.putValues(norms, 0, (int) rows));
                    cl.writeInts(rangeBuf, new int[] {0, 0});
                    Staging big = new Staging(rows * rowBytes, single);
                    qTAll = mem(rows * rowBytes);
                    cl.write(qTAll, big.pointer(), big.putTransposed(x, dim, 0, (int) rows));
                    rowsAll = mem(rows * rowBytes);
                    cl.write(rowsAll, big.pointer(), big.putRows(x, dim, 0, (int) rows));
                } else {
                    cl.writeInts(rangeBuf, new int[] {0, 0});
                    blocks(cover, rows, fixed, maxRows);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Sets up the blocks of environments: their covers and norms, and their descriptors kept or streamed. */
        private void blocks(double[] cover, long rows, long fixed, int maxRows) {
            int rb = cl.realBytes;
            long pickBytes = maxRows * (rowBytes + rb);
            long cap = limits.rowsPerBuffer(Math.max(rowBytes, 8));
            streaming = fixed + rows * rowBytes + pickBytes > budget;
            if (streaming) cap = Math.min(cap, (budget - fixed - pickBytes) / 2 / rowBytes);
            if (cap < maxRows)
                throw new BackendUnavailableException("device memory budget of " + budget + " bytes (largest buffer "
                        + limits.maxBufferBytes() + ") is too small for the MSC state of " + rows
                        + " environments plus two blocks of the largest structure");
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            int first = 0;
            for (int s = 0; s < total; s++) {
                if (off[s + 1] - off[first] > cap) {
                    starts.add(s);
                    first = s;
                }
            }
            starts.add(total);
            blockStart = starts.stream().mapToInt(Integer::intValue).toArray();
            int blocks = blockStart.length - 1;
            streamedLastRun = streaming;
            blocksLastRun = blocks;
            blockCover = new cl_mem[blocks];
            blockNorms = new cl_mem[blocks];
            long largest = 0;
            for (int t = 0; t < blocks; t++) largest = Math.max(largest, off[blockStart[t + 1]] - off[blockStart[t]]);
            Staging normStage = new Staging(largest * rb, single);
            for (int t = 0; t < blocks; t++) {
                int r0 = off[blockStart[t]];
                int n = off[blockStart[t + 1]] - r0;
                blockCover[t] = mem((long) n * 8);
                blockNorms[t] = mem((long) n * rb);
                cl.write(blockCover[t], Pointer.to(cover).withByteOffset((long) r0 * 8), (long) n * 8);
                cl.write(blockNorms[t], normStage.pointer(), normStage.putValues(norms, r0, n));
            }
            int buffers = streaming ? Math.min(2, blocks) : blocks;
            blockRows = new cl_mem[buffers];
            blockStage = new Staging[streaming ? buffers : 1];
            for (int b = 0; b < blockStage.length; b++) blockStage[b] = new Staging(largest * rowBytes, single);
            for (int b = 0; b < buffers; b++) {
                int n = off[blockStart[b + 1]] - off[blockStart[b]];
                blockRows[b] = mem((streaming ? largest : n) * rowBytes);
                if (!streaming) cl.write(blockRows[b], blockStage[0].pointer(), blockStage[0].putTransposed(x, dim, off[blockStart[b]], n));
            }
            pickRows = mem(maxRows * rowBytes);
            pickNorms = mem((long) maxRows * rb);
            pickStage = new Staging(maxRows * rowBytes, single);
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
                updateAll(last < 0 ? 0 : d.rowsOf(last));
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
                if (blockStart != null && picks < size) pointAt(s);
                progress.progress(picks, size);
            }
            return new Result(order, scores, pairs);
        }

        /** Makes structure s the reference of the next update (resident: the arg-max kernel does this itself). */
        void pointAt(int s) {
            if (blockStart == null) {
                cl.writeInts(rangeBuf, new int[] {off[s], d.rowsOf(s)});
                return;
            }
            int n = d.rowsOf(s);
            cl.write(pickRows, pickStage.pointer(), pickStage.putRows(x, dim, off[s], n));
            cl.write(pickNorms, pickStage.pointer(), pickStage.putValues(norms, off[s], n));
            cl.writeInts(rangeBuf, new int[] {0, n});
        }

        /** Adds the sums against the last pick ({@code pickCount} rows, 0 before the first) to every cover in play. */
        void updateAll(int pickCount) {
            ClSession.Local tile = new ClSession.Local((long) tr * rowBytes);
            ClSession.Local red = new ClSession.Local((long) updateWg * 8);
            if (blockStart == null) {
                launches(0, total, pickCount, qTAll, (int) d.rows(), 0, normBuf, rowsAll, normBuf, coverBuf, tile, red);
                return;
            }
            int blocks = blockStart.length - 1;
            if (!streaming) {
                for (int t = 0; t < blocks; t++) {
                    int r0 = off[blockStart[t]];
                    launches(blockStart[t], blockStart[t + 1], pickCount, blockRows[t], off[blockStart[t + 1]] - r0, r0,
                            blockNorms[t], pickRows, pickNorms, blockCover[t], tile, red);
                }
                return;
            }
            cl_event[] done = new cl_event[blockRows.length];
            try {
                for (int t = 0; t < blocks; t++) {
                    int b = t % blockRows.length;
                    int s0 = blockStart[t];
                    int s1 = blockStart[t + 1];
                    int r0 = off[s0];
                    int n = off[s1] - r0;
                    ClSession.await(done[b]);
                    ClSession.releaseEvent(done[b]);
                    done[b] = null;
                    cl_event up = cl.writeAsync(blockRows[b], blockStage[b].pointer(), blockStage[b].putTransposed(x, dim, r0, n));
                    try {
                        done[b] = launches(s0, s1, pickCount, blockRows[b], n, r0, blockNorms[t], pickRows, pickNorms,
                                blockCover[t], tile, red, up);
                    } finally {
                        ClSession.releaseEvent(up);
                    }
                }
            } finally {
                for (cl_event e : done) {
                    ClSession.await(e);
                    ClSession.releaseEvent(e);
                }
            }
        }

        /**
         * Enqueues msc_update over structures [s0, s1) whose environments are the block of {@code ldq}
         * rows from {@code rowBase}, in launches of at most the pair cap (at least one structure each).
         * The first launch waits for {@code waitFor}; with events to wait for, returns the last
         * launch's event (the queue is in order), else null.
         */
        cl_event launches(int s0, int s1, int pickCount, cl_mem qT, int ldq, int rowBase, cl_mem qn, cl_mem ref,
                          cl_mem rn, cl_mem cover, ClSession.Local tile, ClSession.Local red, cl_event... waitFor) {
            long maxRows = pickCount == 0 ? Long.MAX_VALUE : Math.max(1, limits.maxLaunchPairs() / pickCount);
            cl_event last = null;
            boolean first = true;
            for (int a = s0; a < s1; ) {
                int b = a + 1;
                while (b < s1 && off[b + 1] - off[a] <= maxRows) b++;
                cl.args(update, qT, ldq, rowBase, qn, offBuf, a, ref, rn, rangeBuf,
                        new ClSession.Real(c), logSpace ? 1 : 0, takenBuf, entropyBuf, cover, scoreBuf, tile, tr, red);
                boolean end = b >= s1;
                if (waitFor.length > 0 && (first || end)) {
                    cl_event ev = cl.runAfter(update, b - a, updateWg, first ? waitFor : new cl_event[0]);
                    if (end) last = ev;
                    else ClSession.releaseEvent(ev);
                } else {
                    cl.run(update, b - a, updateWg);
                }
                first = false;
                a = b;
            }
            return last;
        }

        @Override
        public void close() {
            for (cl_mem m : mems) ClSession.release(m);
            mems.clear();
        }
    }
}
