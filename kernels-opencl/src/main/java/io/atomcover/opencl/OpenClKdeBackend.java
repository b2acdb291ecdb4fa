package io.atomcover.opencl;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.GreedyCover;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.Precision;
import io.atomcover.backend.RowBlock;
import io.atomcover.metrics.EntropyResult;
import java.util.Arrays;
import java.util.Optional;
import org.jocl.CLException;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Kernel sums on an OpenCL device (GPU, or a CPU through PoCL), from kernels in the
 * {@code .cl} resources of this package, built at open time for the device and precision.
 *
 * <h2>Arithmetic</h2>
 * Every pair is evaluated (no pruning). Each query row keeps an online max-shifted sum
 * {@code (m, s)}, {@code Σ_j e^{z_j} = e^m·s}, in double; linear sums are {@code e^m·s} (exactly 0
 * when every term underflows, like the CPU backend), log sums {@code m + log s}. In double precision
 * the squared distances are formed exactly as the CPU backend forms them ({@code |q|²+|r|²-2q·r}, the
 * dot product one FMA chain), so only {@code exp} and the summation order differ. With
 * {@link Precision#FLOAT} distances are {@code Σ(q_k-r_k)²} and the exponentials are taken in float;
 * the accumulators stay double.
 *
 * <h2>Memory and launches</h2>
 * Work is sized to a byte budget: 3/4 of the device's memory, or less when
 * {@link BackendRequest#memoryLimitBytes()} or the system property {@value #MAX_BYTES_PROPERTY}
 * says so, and to {@link StreamLimits}: no buffer beyond the device's largest allocation, no launch
 * beyond a fixed number of pair evaluations. Device memory grows with the rows of a chunk, never
 * with query × reference rows. When query and reference do not fit together, query rows go in
 * chunks and the reference streams through two device buffers: the next chunk uploads on a second
 * queue while the kernel works on the current one. Chunks and launches split the reference on
 * tile boundaries, so the sums do not depend on how the work was cut.
 *
 * <h2>Tolerance</h2>
 * The sums are exact (every pair, no pruning, no aggregation): they meet any bound on relative
 * error that a caller asks of the CPU backend's bounded-error sums.
 *
 * <h2>Failures</h2>
 * An OpenCL error in a call ({@code CL_MEM_OBJECT_ALLOCATION_FAILURE}, {@code CL_OUT_OF_RESOURCES},
 * …) releases what the call allocated and throws {@link io.atomcover.backend.BackendFailureException}
 * naming the operation and the error; the backend's own state stays consistent (whether the device
 * recovers is the driver's matter). Under {@code --backend auto} the engine's
 * {@link io.atomcover.backend.FallbackKdeBackend} then moves the work to the CPU.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class OpenClKdeBackend implements KdeBackend {
    /** Cap in bytes on device memory use (tests force tiling with a small value). */
    public static final String MAX_BYTES_PROPERTY = "atomcover.opencl.maxBytes";
    /**
     * Fault injection for tests: {@code N} makes the N-th buffer allocation or enqueue of a backend
     * (counted from its opening) fail with {@code CL_MEM_OBJECT_ALLOCATION_FAILURE}, as a device out
     * of memory would. Read when a backend opens.
     */
    public static final String FAIL_AT_PROPERTY = "atomcover.opencl.failAt";
    static final int MODE_KERNEL = 0;
    static final int MODE_DISTANCE = 1;
    /** Largest reference tile staged in local memory, rows. */
    private static final int MAX_TILE_ROWS = 64;
    /** Local memory the kernels use at most (portable across GPUs with 32–64 KiB). */
    private static final long LOCAL_BUDGET = 24 * 1024;

    private final ClSession cl;
    private final long budget;
    private final StreamLimits limits;
    private final int rowWg;
    private final int reduceWg;
    private DeviceGreedyCover greedy;
    private boolean closed;
    private int lastQueryChunks;
    private int lastRefChunks;
    private long lastLaunches;

    private OpenClKdeBackend(ClSession cl, long budget, StreamLimits limits) {
        this.cl = cl;
        this.budget = budget;
        this.limits = limits;
        ClSession.Kernels k = cl.kernels(ClSession.DEFAULT_DIM);
        rowWg = cl.workGroup(k.rowSums(), 64);
        reduceWg = cl.workGroup(k.entropyOverlap(), 64);
    }

    /**
     * Opens a backend on one device.
     *
     * @throws BackendUnavailableException when the context or the kernels cannot be made
     */
    static OpenClKdeBackend open(OpenClDevice device, BackendRequest request) {
        return open(device, request, StreamLimits.of(device));
    }

    /** Opens a backend with the given stream limits (tests force blocks and launches with small ones). */
    static OpenClKdeBackend open(OpenClDevice device, BackendRequest request, StreamLimits limits) {
        long budget = budget(device, request.memoryLimitBytes());
        ClSession cl = new ClSession(device, request.precision());
        try {
            return new OpenClKdeBackend(cl, budget, limits);
        } catch (CLException e) {
            cl.close();
            throw new BackendUnavailableException("preparing the OpenCL kernels failed: " + e.getMessage(), e);
        }
    }

    /** 3/4 of the device memory, capped by the request and by {@value #MAX_BYTES_PROPERTY}. */
    static long budget(OpenClDevice device, long requested) {
        long b = device.info().globalMemoryBytes() / 4 * 3;
        if (requested > 0) b = Math.min(b, requested);
        String prop = System.getProperty(MAX_BYTES_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            try {
                long v = Long.parseLong(prop.trim());
                if (v > 0) b = Math.min(b, v);
            } catch (NumberFormatException e) {
                throw new BackendUnavailableException(MAX_BYTES_PROPERTY + " must be a number of bytes, got '" + prop + "'");
            }
        }
        return b;
    }

    @Override
    public String name() {
        return "opencl:" + cl.device.info().name() + (cl.precision == Precision.FLOAT ? " (float)" : "");
    }

    /** The device this backend runs on. */
    public io.atomcover.backend.DeviceInfo device() {
        return cl.device.info();
    }

    public Precision precision() {
        return cl.precision;
    }

    /** Device memory this backend sizes its work to, bytes. */
    public long memoryBudget() {
        return budget;
    }

    /** Query and reference chunks of the last kernel-sum call (1 and 1 when everything fitted). */
    public synchronized int[] lastChunks() {
        return new int[] {lastQueryChunks, lastRefChunks};
    }

    /** row_sums launches of the last kernel-sum call. */
    synchronized long lastLaunches() {
        return lastLaunches;
    }

    /** The largest buffer and the pairs per launch this backend keeps to. */
    StreamLimits limits() {
        return limits;
    }

    @Override
    public synchronized void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        onDevice("kernel sums", () -> sums(query, ref, bandwidth, out, false));
    }

    @Override
    public synchronized void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        onDevice("log kernel sums", () -> sums(query, ref, bandwidth, out, true));
    }

    @Override
    public synchronized void distanceSums(RowBlock query, RowBlock ref, double[] out) {
        onDevice("distance sums", () -> distances(query, ref, out));
    }

    private void distances(RowBlock query, RowBlock ref, double[] out) {
        check(query, ref, out.length);
        int nq = query.count();
        if (nq == 0) return;
        if (ref.count() == 0) {
            Arrays.fill(out, 0, nq, 0.0);
            return;
        }
        double[][] acc = {new double[0]};
        accumulate(query, ref, 0, MODE_DISTANCE, (mem, first, rows) -> {
            if (acc[0].length < 2 * rows) acc[0] = new double[2 * rows];
            cl.readDoubles(mem, acc[0], 2 * rows);
            for (int i = 0; i < rows; i++) out[first + i] = acc[0][2 * i + 1];
        });
    }

    /**
     * Entropy and diversity of a row set, with the per-row reductions on the device: only one
     * partial sum per work-group comes back.
     */
    public synchronized EntropyResult entropy(RowBlock rows, double bandwidth) {
        checkBandwidth(bandwidth);
        int n = rows.count();
        if (n == 0) throw new IllegalArgumentException("entropy of an empty set is undefined");
        double[] t = onDevice("entropy reduction", () -> reduce(rows, rows, bandwidth, Double.NEGATIVE_INFINITY));
        return new EntropyResult(-t[0] / n, Math.log(t[1]));
    }

    /**
     * Overlap of {@code y} with {@code x}: the fraction of rows of y with
     * {@code dH = -log Σ_j k(y_i, x_j) < eps} (linear sums, so dH is +∞ where every term underflows),
     * reduced on the device. NaN for an empty y.
     */
    public synchronized double overlap(RowBlock y, RowBlock x, double bandwidth, double eps) {
        checkBandwidth(bandwidth);
        if (y.count() == 0) return Double.NaN;
        if (x.count() == 0) return 0.0;
        return onDevice("overlap reduction", () -> reduce(y, x, bandwidth, eps))[2] / y.count();
    }

    @Override
    public synchronized Optional<GreedyCover> greedyCover() {
        ensureOpen();
        if (greedy == null) greedy = onDevice("greedy cover set-up", () -> new DeviceGreedyCover(this, cl, budget, limits, tileRowsFn()));
        return Optional.of(greedy);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (greedy != null) greedy.release();
        cl.close();
    }

    // ------------------------------------------------------------------------------------------

    private void sums(RowBlock query, RowBlock ref, double h, double[] out, boolean log) {
        check(query, ref, out.length);
        checkBandwidth(h);
        int nq = query.count();
        if (nq == 0) return;
        if (ref.count() == 0) {
            Arrays.fill(out, 0, nq, log ? Double.NEGATIVE_INFINITY : 0.0);
            return;
        }
        double[][] acc = {new double[0]};
        accumulate(query, ref, 1.0 / (2.0 * h * h), MODE_KERNEL, (mem, first, rows) -> {
            if (acc[0].length < 2 * rows) acc[0] = new double[2 * rows];
            double[] a = acc[0];
            cl.readDoubles(mem, a, 2 * rows);
            for (int i = 0; i < rows; i++) {
                double m = a[2 * i];
                double s = a[2 * i + 1];
                out[first + i] = log ? m + Math.log(s) : Math.exp(m) * s;
            }
        });
    }

    /** Sums over work-groups of (Σ log p_i - log N, Σ 1/p_i, #{dH < eps}) for y against x. */
    private double[] reduce(RowBlock y, RowBlock x, double h, double eps) {
        check(y, x, y.count());
        double[] total = new double[3];
        double logN = Math.log(y.count());
        cl_kernel entropyOverlap = cl.kernels(y.dim()).entropyOverlap();
        accumulate(y, x, 1.0 / (2.0 * h * h), MODE_KERNEL, (mem, first, rows) -> {
            int groups = (rows + reduceWg - 1) / reduceWg;
            cl_mem partial = cl.buffer((long) groups * 32);
            try {
                cl.args(entropyOverlap, mem, rows, logN, eps, partial, new ClSession.Local((long) reduceWg * 32));
                cl.run(entropyOverlap, groups, reduceWg);
                double[] p = new double[4 * groups];
                cl.readDoubles(partial, p, p.length);
                for (int g = 0; g < groups; g++) {
                    total[0] += p[4 * g];
                    total[1] += p[4 * g + 1];
                    total[2] += p[4 * g + 2];
                }
            } finally {
                ClSession.release(partial);
            }
        });
        return total;
    }

    /** Receives each finished chunk of query accumulators (still on the device). */
    @FunctionalInterface
    interface ChunkSink {
        void accept(cl_mem acc, int firstRow, int rows);
    }

    /** Rows of reference staged in local memory per tile, for a dimension. */
    int tileRows(int dim) {
        long local = Math.min(cl.device.localMemoryBytes(), LOCAL_BUDGET);
        long rows = Math.min(MAX_TILE_ROWS, local / ((long) dim * cl.realBytes));
        if (rows < 1)
            throw new BackendUnavailableException("descriptor dimension " + dim + " does not fit the device's local memory ("
                    + cl.device.localMemoryBytes() + " bytes)");
        return (int) rows;
    }

    private java.util.function.IntUnaryOperator tileRowsFn() {
        return this::tileRows;
    }

    /**
     * Runs row_sums for every query row against every reference row within the memory budget and
     * the stream limits, and hands each query chunk's accumulators to {@code sink}.
     *
     * <p>Query chunks hold {@code qRows} rows (transposed rows, norms, accumulators: about
     * {@code d·r + r + 16} bytes a row) and the reference is resident or streams in chunks of
     * {@code rRows} rows (a multiple of the tile), each buffer within the largest buffer; every
     * chunk pair is cut into launches by {@link LaunchGrid}. Device memory is linear in the chunk
     * sizes, never in N·M.
     */
    private void accumulate(RowBlock q, RowBlock r, double c, int mode, ChunkSink sink) {
        ensureOpen();
        int dim = q.dim();
        int nq = q.count();
        int nr = r.count();
        int rb = cl.realBytes;
        long rowBytes = (long) dim * rb;
        long perQ = rowBytes + rb + 16;
        long perR = rowBytes + rb;
        int tr = tileRows(dim);
        long qFit = limits.rowsPerBuffer(Math.max(rowBytes, 16));
        long rFit = limits.rowsPerBuffer(rowBytes);
        int qRows;
        int rRows;
        if (nq * perQ + nr * perR <= budget && nq <= qFit && nr <= rFit) {
            qRows = nq;
            rRows = nr;
        } else {
            qRows = (int) Math.min(nq, Math.min(budget / 2 / perQ, qFit));
            // Whole tiles, so that a streamed reference is summed in the tiles of a resident one
            // (below one tile only the rounding of the sums can differ).
            long rMax = Math.min(budget / 4 / perR, rFit);
            rRows = (int) (nr <= rMax ? nr : rMax >= tr ? rMax / tr * tr : rMax);
        }
        if (qRows < 1 || rRows < 1)
            throw new BackendUnavailableException("device memory budget of " + budget + " bytes (largest buffer "
                    + limits.maxBufferBytes() + ") is too small for rows of " + dim + " values");
        ClSession.Kernels kernels = cl.kernels(dim);
        cl_kernel initAcc = kernels.initAcc();
        cl_kernel rowSums = kernels.rowSums();
        int refChunks = (nr + rRows - 1) / rRows;
        lastQueryChunks = (nq + qRows - 1) / qRows;
        lastRefChunks = refChunks;
        lastLaunches = 0;
        double[] qNorms = Staging.norms(q.data(), dim, q.first(), nq);
        double[] rNorms = Staging.norms(r.data(), dim, r.first(), nr);
        boolean single = cl.realBytes == 4;
        Staging stageQ = new Staging(qRows * rowBytes, single);
        Staging stageQn = new Staging((long) qRows * rb, single);
        int buffers = refChunks == 1 ? 1 : 2;
        Staging[] stageR = new Staging[buffers];
        Staging[] stageRn = new Staging[buffers];
        cl_mem qT = null;
        cl_mem qn = null;
        cl_mem acc = null;
        cl_mem[] ref = new cl_mem[buffers];
        cl_mem[] rn = new cl_mem[buffers];
        cl_event[] kernelDone = new cl_event[buffers];
        try {
            qT = cl.buffer(qRows * rowBytes);
            qn = cl.buffer((long) qRows * rb);
            acc = cl.buffer((long) qRows * 16);
            for (int b = 0; b < buffers; b++) {
                stageR[b] = new Staging(rRows * rowBytes, single);
                stageRn[b] = new Staging((long) rRows * rb, single);
                ref[b] = cl.buffer(rRows * rowBytes);
                rn[b] = cl.buffer((long) rRows * rb);
            }
            if (refChunks == 1) {
                cl.write(ref[0], stageR[0].pointer(), stageR[0].putRows(r.data(), dim, r.first(), nr));
                cl.write(rn[0], stageRn[0].pointer(), stageRn[0].putValues(rNorms, 0, nr));
            }
            RowSums launch = new RowSums(rowSums, dim, c, mode, tr);
            for (int q0 = 0; q0 < nq; q0 += qRows) {
                int qc = Math.min(qRows, nq - q0);
                cl.write(qT, stageQ.pointer(), stageQ.putTransposed(q.data(), dim, q.first() + q0, qc));
                cl.write(qn, stageQn.pointer(), stageQn.putValues(qNorms, q0, qc));
                cl.args(initAcc, acc, qc);
                cl.run(initAcc, (qc + rowWg - 1) / rowWg, rowWg);
                if (refChunks == 1) {
                    launch.all(qT, qc, qn, ref[0], nr, rn[0], acc);
                } else {
                    for (int t = 0; t < refChunks; t++) {
                        int b = t & 1;
                        int r0 = t * rRows;
                        int rc = Math.min(rRows, nr - r0);
                        // Buffer b (and its staging) is free once the kernels two chunks back are done.
                        ClSession.await(kernelDone[b]);
                        ClSession.releaseEvent(kernelDone[b]);
                        kernelDone[b] = null;
                        cl_event up = cl.writeAsync(ref[b], stageR[b].pointer(), stageR[b].putRows(r.data(), dim, r.first() + r0, rc));
                        cl_event upN = cl.writeAsync(rn[b], stageRn[b].pointer(), stageRn[b].putValues(rNorms, r0, rc));
                        try {
                            kernelDone[b] = launch.all(qT, qc, qn, ref[b], rc, rn[b], acc, up, upN);
                        } finally {
                            ClSession.releaseEvent(up);
                            ClSession.releaseEvent(upN);
                        }
                    }
                }
                cl.finish();
                sink.accept(acc, q0, qc);
            }
        } finally {
            for (int b = 0; b < buffers; b++) {
                ClSession.await(kernelDone[b]);
                ClSession.releaseEvent(kernelDone[b]);
            }
            ClSession.release(qT, qn, acc);
            ClSession.release(ref);
            ClSession.release(rn);
        }
    }

    /** The row_sums launches of one query chunk against one reference buffer, cut by {@link LaunchGrid}. */
    private final class RowSums {
        private final cl_kernel kernel;
        private final int dim;
        private final double c;
        private final int mode;
        private final int tr;

        RowSums(cl_kernel kernel, int dim, double c, int mode, int tr) {
            this.kernel = kernel;
            this.dim = dim;
            this.c = c;
            this.mode = mode;
            this.tr = tr;
        }

        /**
         * Enqueues every launch of query rows [0, qc) against reference rows [0, nr); the first waits
         * for {@code waitFor}. With events to wait for, returns the last launch's event (the queue is
         * in order, so it completes after all of them), else null.
         */
        cl_event all(cl_mem qT, int qc, cl_mem qn, cl_mem ref, int nr, cl_mem rn, cl_mem acc, cl_event... waitFor) {
            LaunchGrid grid = LaunchGrid.of(qc, nr, rowWg, tr, limits.maxLaunchPairs());
            ClSession.Local tile = new ClSession.Local((long) tr * dim * cl.realBytes);
            cl_event last = null;
            boolean first = true;
            for (int q0 = 0; q0 < qc; q0 += grid.queryRows()) {
                int qs = Math.min(grid.queryRows(), qc - q0);
                int groups = (qs + rowWg - 1) / rowWg;
                for (int r0 = 0; r0 < nr; r0 += grid.refRows()) {
                    int rs = Math.min(grid.refRows(), nr - r0);
                    cl.args(kernel, qT, qc, q0, qs, qn, ref, r0, rs, rn, new ClSession.Real(c), mode, tile, tr, acc);
                    boolean end = q0 + qs >= qc && r0 + rs >= nr;
                    if (waitFor.length > 0 && (first || end)) {
                        cl_event ev = cl.runAfter(kernel, groups, rowWg, first ? waitFor : new cl_event[0]);
                        if (end) last = ev;
                        else ClSession.releaseEvent(ev);
                    } else {
                        cl.run(kernel, groups, rowWg);
                    }
                    first = false;
                    lastLaunches++;
                }
            }
            return last;
        }
    }

    /** Runs device work, turning an OpenCL error into a {@link io.atomcover.backend.BackendFailureException}. */
    private void onDevice(String what, Runnable work) {
        onDevice(what, () -> {
            work.run();
            return null;
        });
    }

    private <T> T onDevice(String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (CLException e) {
            throw ClFailure.of(what, cl.device, e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("backend closed");
    }

    private static void check(RowBlock query, RowBlock ref, int outLength) {
        if (query.dim() != ref.dim())
            throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + ref.dim());
        if (outLength < query.count()) throw new IllegalArgumentException("output shorter than the query");
    }

    private static void checkBandwidth(double h) {
        if (!(h > 0) || Double.isInfinite(h)) throw new IllegalArgumentException("bandwidth must be positive: " + h);
    }
}
