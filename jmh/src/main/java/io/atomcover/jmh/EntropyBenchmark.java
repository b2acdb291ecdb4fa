package io.atomcover.jmh;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.metrics.Bandwidth;
import io.atomcover.metrics.InformationMetrics;
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
 * How long does the dataset entropy of the bundled Si-train take (h = 0.015), from descriptors
 * computed once in the setup? The result must be 5.311017244007958 nats. Equivalent pair
 * evaluations per second = 13,233² / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class EntropyBenchmark {
    /** Worker threads; 0 = all available processors. */
    @Param({"0"})
    public int threads;

    /** Exact pruning of negligible pairs (the default); false evaluates every pair ({@code -p pruning=true,false} compares). */
    @Param({"true"})
    public boolean pruning;

    private Descriptors descriptors;
    private CpuKdeBackend backend;
    private InformationMetrics kde;

    @Setup(Level.Trial)
    public void setUp() {
        int workers = BenchmarkData.threads(threads);
        descriptors = new QuestsDescriptor(32, 5.0)
                .compute(BenchmarkData.read(BenchmarkData.SI_TRAIN).structures(), workers, ProgressListener.NONE);
        backend = new CpuKdeBackend(workers, pruning);
        kde = new InformationMetrics(backend);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        // Printed once per trial, under the iteration lines: how much work the pruning saved.
        System.out.printf("%n%d rows; pairs evaluated: %.4f of the %d requested%n", descriptors.rows(),
                backend.pairsRequested() == 0 ? 1.0 : (double) backend.pairsEvaluated() / backend.pairsRequested(),
                backend.pairsRequested());
        backend.close();
    }

    @Benchmark
    public double entropy() {
        return kde.entropy(descriptors, Bandwidth.DEFAULT).entropy();
    }
}
