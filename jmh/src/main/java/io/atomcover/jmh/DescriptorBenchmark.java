package io.atomcover.jmh;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Dataset;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long do the QUESTS descriptors (k = 32, rc = 5 Å) of a whole dataset take? Environments per
 * second = environments / score (Si-train: 13,233; QM7: 110,650).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class DescriptorBenchmark {
    /** Which dataset; qm7 is dropped by {@link BenchMain} when the file is absent. */
    @Param({BenchmarkData.SI_TRAIN, BenchmarkData.QM7})
    public String dataset;

    /** Worker threads; 0 = all available processors. */
    @Param({"0"})
    public int threads;

    private Dataset data;
    private QuestsDescriptor quests;
    private int workers;

    @Setup(Level.Trial)
    public void load() {
        data = BenchmarkData.read(dataset);
        quests = new QuestsDescriptor(32, 5.0);
        workers = BenchmarkData.threads(threads);
    }

    @Benchmark
    public Descriptors quests() {
        return quests.compute(data.structures(), workers, ProgressListener.NONE);
    }
}
