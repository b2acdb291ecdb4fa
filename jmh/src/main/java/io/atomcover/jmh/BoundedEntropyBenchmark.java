package io.atomcover.jmh;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.metrics.SampledEntropy;
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
 * What does a tolerance save on the entropy, and what does a sampled estimate cost? {@link #entropy}
 * sums within {@code tolerance} ({@code atomcover entropy --tolerance}); {@link #sampled} estimates H
 * from {@code sample} environments ({@code atomcover entropy --sample}). Notes the value, and on the
 * CPU backend the share of requested pairs aggregated ({@code aggregated_fraction}) beside the
 * evaluated share that {@link DescriptorsOnBackend} notes. Meant for single shots on the scale data:
 * {@code -bm ss -wi 0 -i 1 -p 'dataset=si-train*8'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class BoundedEntropyBenchmark {
    /** Relative error allowed in every kernel sum (0: exact). */
    @Param({"0", "1e-6", "1e-4"})
    public double tolerance;

    /** Environments drawn by {@link #sampled}. */
    @Param({"10000"})
    public int sample;

    private Descriptors descriptors;
    private KdeBackend backend;
    private InformationMetrics kde;
    private double bandwidth;
    private Object last;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        descriptors = input.descriptors();
        backend = input.backend();
        kde = new InformationMetrics(backend);
        bandwidth = input.bandwidth;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (last instanceof EntropyResult r) TrialNotes.note("entropy", r.entropy());
        if (last instanceof SampledEntropy s) TrialNotes.note("sampled_entropy", s);
        if (backend instanceof CpuKdeBackend cpu && cpu.pairsRequested() > 0)
            TrialNotes.note("aggregated_fraction", (double) cpu.pairsAggregated() / cpu.pairsRequested());
    }

    @Benchmark
    public EntropyResult entropy() {
        EntropyResult r = kde.entropy(descriptors, bandwidth, tolerance, ProgressListener.NONE);
        last = r;
        return r;
    }

    @Benchmark
    public SampledEntropy sampled() {
        SampledEntropy s = kde.sampledEntropy(descriptors, bandwidth, Math.min(sample, descriptors.rows()), 0, tolerance,
                ProgressListener.NONE);
        last = s;
        return s;
    }
}
