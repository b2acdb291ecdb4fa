package io.atomcover.jmh;

import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
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
 * What do the backend's kernel sums cost, linear against log space? All-pairs sums of the bundled
 * Si-train (13,233² ≈ 1.75e8 pair evaluations per call; evaluations per second = 1.75e8 / score) and
 * Si-test against Si-train (the dH / overlap shape).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class KernelSumBenchmark {
    /** Worker threads; 0 = all available processors. */
    @Param({"0"})
    public int threads;

    /** Exact pruning of negligible pairs (the default); false evaluates every pair ({@code -p pruning=true,false} compares). */
    @Param({"true"})
    public boolean pruning;

    private RowBlock train;
    private RowBlock test;
    private double[] trainOut;
    private double[] testOut;
    private CpuKdeBackend backend;

    @Setup(Level.Trial)
    public void setUp() {
        int workers = BenchmarkData.threads(threads);
        QuestsDescriptor quests = new QuestsDescriptor(32, 5.0);
        Descriptors tr = quests.compute(BenchmarkData.read(BenchmarkData.SI_TRAIN).structures(), workers, ProgressListener.NONE);
        Descriptors te = quests.compute(BenchmarkData.read(BenchmarkData.SI_TEST).structures(), workers, ProgressListener.NONE);
        train = RowBlock.of(tr);
        test = RowBlock.of(te);
        trainOut = new double[tr.rows()];
        testOut = new double[te.rows()];
        backend = new CpuKdeBackend(workers, pruning);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    @Benchmark
    public double[] trainAllPairsLinear() {
        backend.kernelSums(train, train, Bandwidth.DEFAULT, trainOut);
        return trainOut;
    }

    @Benchmark
    public double[] trainAllPairsLog() {
        backend.logKernelSums(train, train, Bandwidth.DEFAULT, trainOut);
        return trainOut;
    }

    @Benchmark
    public double[] testAgainstTrainLinear() {
        backend.kernelSums(test, train, Bandwidth.DEFAULT, testOut);
        return testOut;
    }

    @Benchmark
    public double[] testAgainstTrainLog() {
        backend.logKernelSums(test, train, Bandwidth.DEFAULT, testOut);
        return testOut;
    }
}
