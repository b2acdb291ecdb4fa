package io.atomcover.spark;

import io.atomcover.backend.ChunkCovers;
import io.atomcover.backend.CoverSession;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.PrefixSession;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Kernel sums on a Spark cluster, with the engine's CPU backend doing the arithmetic on every
 * executor.
 *
 * <p>A kernel-sum call large enough ({@link #distributePairs} pairs or more) becomes one Spark job:
 * the reference rows are broadcast, the query rows are cut into blocks ({@link RowRanges}), each task
 * computes its block's sums ({@link BlockSums}) and the driver places them. When the query rows lie
 * inside the reference array (entropy, MSC refreshes) only the ranges travel; otherwise each block
 * carries its rows. A row's sum comes out as on one machine up to rounding: the CPU backend keeps a
 * set of terms that depends only on the row and the reference and adds them in exact fixed point,
 * after summing up to 16 tiles of a task in double (so a sum may move by an ulp). A self sum
 * (entropy), which one machine evaluates symmetrically and the cluster row by row, may also keep
 * or drop different terms below 1e-17 of the row's largest: at most N·1e-17 relative (docs/spark.md).
 *
 * <p>Rounds of segmented MSC run their chunks as parallel tasks ({@link #chunkCovers}). Smaller
 * sums, cover and prefix sessions (the last round of segmented MSC, structure entropies, selection
 * curves) run on the driver's CPU backend: they fit one machine and would spend more time in task
 * scheduling than in arithmetic.
 *
 * <p>Thread-safe as far as the CPU backend is; each distributed call is one Spark job.
 */
public final class SparkKdeBackend implements KdeBackend {
    /** Default of {@link #distributePairs}: about a second of one core's work. */
    public static final long DEFAULT_DISTRIBUTE_PAIRS = 1L << 27;

    private final JavaSparkContext spark;
    private final boolean ownsContext;
    private final CpuKdeBackend local;
    private final long distributePairs;
    private final int taskThreads;

    /**
     * @param spark           the cluster
     * @param ownsContext     whether {@link #close} stops it
     * @param driverThreads   threads of the driver's own CPU backend
     * @param distributePairs calls asking fewer pairs run on the driver (0: every call is a Spark job)
     */
    public SparkKdeBackend(JavaSparkContext spark, boolean ownsContext, int driverThreads, long distributePairs) {
        if (distributePairs < 0) throw new IllegalArgumentException("distributePairs must be ≥ 0");
        this.spark = spark;
        this.ownsContext = ownsContext;
        this.local = new CpuKdeBackend(driverThreads);
        this.distributePairs = distributePairs;
        this.taskThreads = spark.getConf().getInt("spark.task.cpus", 1);
    }

    @Override
    public String name() {
        return "spark(" + spark.master() + ")";
    }

    /** Calls asking fewer pairs than this run on the driver. */
    public long distributePairs() {
        return distributePairs;
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        sums(query, ref, bandwidth, out, false, ProgressListener.NONE);
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out, ProgressListener progress) {
        sums(query, ref, bandwidth, out, false, progress);
    }

    @Override
    public void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        sums(query, ref, bandwidth, out, true, ProgressListener.NONE);
    }

    @Override
    public void distanceSums(RowBlock query, RowBlock ref, double[] out) {
        local.distanceSums(query, ref, out);
    }

    @Override
    public CoverSession coverSession(Descriptors d, double bandwidth, boolean logSpace) {
        return local.coverSession(d, bandwidth, logSpace);
    }

    @Override
    public PrefixSession prefixSession(Descriptors d, int[] order, double bandwidth, boolean overlap, double eps) {
        return local.prefixSession(d, order, bandwidth, overlap, eps);
    }

    @Override
    public Optional<ChunkCovers> chunkCovers() {
        return Optional.of(this::coverEach);
    }

    @Override
    public void close() {
        local.close();
        if (ownsContext) spark.stop();
    }

    // ------------------------------------------------------------------------------------------

    private void sums(RowBlock query, RowBlock ref, double h, double[] out, boolean log, ProgressListener progress) {
        if (query.dim() != ref.dim())
            throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + ref.dim());
        if (!(h > 0) || Double.isInfinite(h)) throw new IllegalArgumentException("bandwidth must be positive: " + h);
        if (out.length < query.count()) throw new IllegalArgumentException("output shorter than the query");
        long pairs = (long) query.count() * ref.count();
        if (pairs == 0 || pairs < distributePairs) {
            if (log) local.logKernelSums(query, ref, h, out);
            else local.kernelSums(query, ref, h, out, progress);
            return;
        }
        progress.progress(0, 1);
        boolean inside = query.data() == ref.data() && query.first() >= ref.first()
                && query.first() + query.count() <= ref.first() + ref.count();
        Broadcast<Rows> refRows = spark.broadcast(Rows.of(ref));
        List<int[]> ranges = RowRanges.split(query.count(), ref.count(), spark.defaultParallelism() * 4);
        List<Block> blocks = new ArrayList<>(ranges.size());
        for (int[] r : ranges) {
            // Inside the reference: a range of the broadcast rows; otherwise the block's own rows.
            RowBlock rows = new RowBlock(query.data(), query.dim(), query.first() + r[0], r[1]);
            blocks.add(inside ? new Block(r[0], query.first() - ref.first() + r[0], r[1], null) : new Block(r[0], 0, r[1], Rows.of(rows)));
        }
        int threads = taskThreads;
        try {
            List<Block.Result> results = spark.parallelize(blocks, blocks.size())
                    .map(b -> b.sums(refRows.value(), h, log, threads)).collect();
            for (Block.Result r : results) System.arraycopy(r.sums(), 0, out, r.at(), r.sums().length);
        } finally {
            refRows.destroy();
        }
        progress.progress(1, 1);
    }

    /**
     * One task of a kernel-sum call: {@code count} query rows placed at {@code at} in the output,
     * either rows {@code [first, first+count)} of the broadcast reference ({@code rows} null) or
     * {@code rows} themselves.
     */
    record Block(int at, int first, int count, Rows rows) implements Serializable {
        record Result(int at, double[] sums) implements Serializable {
        }

        Result sums(Rows ref, double h, boolean log, int threads) {
            RowBlock refBlock = ref.block();
            RowBlock query = rows == null ? new RowBlock(ref.data(), ref.dim(), first, count) : rows.block();
            return new Result(at, BlockSums.sums(query, refBlock, h, log, threads));
        }
    }

    /** The picks of one part, as they come back from a task. */
    record Picked(int[] structures, long backendCalls, long pairs) implements Serializable {
    }

    private List<ChunkCovers.Picks> coverEach(Descriptors d, double[] entropies, List<int[]> parts, int size,
                                              double h, boolean logSpace) {
        Broadcast<Rows> rows = spark.broadcast(Rows.of(d));
        Broadcast<double[]> ent = spark.broadcast(entropies);
        int threads = taskThreads;
        try {
            List<Picked> picked = spark.parallelize(parts, parts.size()).map(part -> {
                ChunkCovers.Picks p = ChunkTask.cover(rows.value().descriptors(), ent.value(), part, size, h, logSpace, threads);
                return new Picked(p.structures(), p.backendCalls(), p.pairs());
            }).collect();
            List<ChunkCovers.Picks> out = new ArrayList<>(picked.size());
            for (Picked p : picked) out.add(new ChunkCovers.Picks(p.structures(), p.backendCalls(), p.pairs()));
            return out;
        } finally {
            rows.destroy();
            ent.destroy();
        }
    }
}
