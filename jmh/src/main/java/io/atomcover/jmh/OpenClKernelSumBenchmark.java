package io.atomcover.jmh;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.metrics.Bandwidth;
import io.atomcover.util.ProgressListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a kernel sum cost on the OpenCL backend against the CPU backends, in the same run?
 * {@code shape}: {@code si40} (default), query the rows of the first 40 Si-train structures (2,466
 * rows), reference all 13,233 rows (3.26e7 pair evaluations per call); {@code x8}, query every row
 * of Si-train × 8 (105,864 rows, {@code si-train*8}), reference the first 1,024 Si-train rows
 * (1.084e8 pair evaluations per call), the streaming case of 10^5 rows. Evaluations per second =
 * pairs / score. {@code backend}:
 * {@code opencl} (device {@code device}, precision {@code precision}), {@code cpu} (pruned) or
 * {@code cpu-exact} (every pair, the like-for-like comparison with a device that evaluates every pair).
 * Fails in set-up with the reason when no OpenCL device can be opened.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class OpenClKernelSumBenchmark {
    @Param({"opencl", "cpu-exact"})
    public String backend;

    /** OpenCL device number ({@code atomcover devices}); -1: the first GPU, else the first device. */
    @Param({"-1"})
    public int device;

    @Param({"double"})
    public String precision;

    @Param({"si40"})
    public String shape;

    private RowBlock query;
    private RowBlock ref;
    private double[] out;
    private KdeBackend kde;

    @Setup(Level.Trial)
    public void setUp() {
        int threads = Runtime.getRuntime().availableProcessors();
        Descriptors tr = new QuestsDescriptor(32, 5.0).compute(BenchmarkData.read(BenchmarkData.SI_TRAIN).structures(),
                threads, ProgressListener.NONE);
        switch (shape) {
            case "si40" -> {
                query = new RowBlock(tr.data(), tr.dim(), 0, tr.offsets()[40]);
                ref = RowBlock.of(tr);
            }
            case "x8" -> {
                Descriptors x8 = new QuestsDescriptor(32, 5.0).compute(BenchmarkData.read(BenchmarkData.SI_TRAIN + "*8").structures(),
                        threads, ProgressListener.NONE);
                query = RowBlock.of(x8);
                ref = new RowBlock(tr.data(), tr.dim(), 0, 1024);
            }
            default -> throw new IllegalArgumentException("shape must be si40 or x8, got '" + shape + "'");
        }
        out = new double[query.count()];
        kde = BackendChoice.open(backend, device, precision, threads, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kde.close();
    }

    @Benchmark
    public double[] linear() {
        kde.kernelSums(query, ref, Bandwidth.DEFAULT, out);
        return out;
    }

    @Benchmark
    public double[] log() {
        kde.logKernelSums(query, ref, Bandwidth.DEFAULT, out);
        return out;
    }
}
