package io.atomcover.jmh;

import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does the entropy of a dataset take (default: the bundled Si-train, h = 0.015, where it
 * must be 5.311017244007958 nats), from descriptors computed once in the setup? Equivalent pair
 * evaluations per second = 13,233² / score. {@link #structureEntropies} times the per-structure
 * entropies H_s that MSC starts from. Notes the last {@code entropy} at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class EntropyBenchmark {
    private Descriptors descriptors;
    private KdeBackend backend;
    private InformationMetrics kde;
    private double bandwidth;
    private int workers;
    private EntropyResult last;
    private double[] lastStructureEntropies;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        descriptors = input.descriptors();
        backend = input.backend();
        kde = new InformationMetrics(backend);
        bandwidth = input.bandwidth;
        workers = input.workers();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (last != null) TrialNotes.note("entropy", last.entropy());
        if (lastStructureEntropies != null) BenchmarkData.keepStructureEntropies(descriptors, bandwidth, backend, lastStructureEntropies);
    }

    @Benchmark
    public EntropyResult entropy() {
        return last = kde.entropy(descriptors, bandwidth);
    }

    @Benchmark
    public double[] structureEntropies() {
        return lastStructureEntropies = kde.structureEntropies(descriptors, bandwidth, workers, ProgressListener.NONE);
    }
}
