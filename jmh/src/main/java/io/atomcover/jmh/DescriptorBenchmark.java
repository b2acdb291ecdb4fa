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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long do the QUESTS descriptors (k = 32, rc = 5 Å) of a whole dataset take? Environments per
 * second = environments / score (Si-train: 13,233; QM7: 110,650). Notes the dataset's
 * {@code structures}, {@code environments} and descriptor {@code dim} at the end of the trial, and
 * keeps the last descriptors for the kernel-sum benchmarks that follow in the same JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class DescriptorBenchmark {
    /** Which dataset; qm7 is dropped by {@link BenchMain} when the file is absent; or the path of an extxyz file. */
    @Param({BenchmarkData.SI_TRAIN, BenchmarkData.QM7})
    public String dataset;

    /** Nearest neighbours per environment. */
    @Param({"32"})
    public int k;

    /** Cutoff radius, Å. */
    @Param({"5.0"})
    public double cutoff;

    /** One descriptor block per species appended. */
    @Param({"false"})
    public boolean multicomponent;

    /** Worker threads; 0 = all available processors. */
    @Param({"0"})
    public int threads;

    private Dataset data;
    private QuestsDescriptor quests;
    private int workers;
    private Descriptors last;

    @Setup(Level.Trial)
    public void load() {
        data = BenchmarkData.read(dataset);
        quests = BenchmarkData.quests(k, cutoff, multicomponent);
        workers = BenchmarkData.threads(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (last == null) return;
        TrialNotes.note("structures", last.structureCount());
        TrialNotes.note("environments", last.rows());
        TrialNotes.note("dim", last.dim());
        BenchmarkData.keepDescriptors(dataset, k, cutoff, multicomponent, last);
    }

    @Benchmark
    public Descriptors quests() {
        return last = quests.compute(data.structures(), workers, ProgressListener.NONE);
    }
}
