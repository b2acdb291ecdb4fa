package io.atomcover.jmh;

import io.atomcover.api.Atomcover;
import io.atomcover.api.Compression;
import io.atomcover.api.CompressionOptions;
import io.atomcover.api.Phases;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.SelectionMethod;
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
 * How long does {@code compress -s SIZE --no-compat-check} take through the engine facade, from
 * descriptors computed once in the setup? The call is the whole command's work: structure
 * entropies, the MSC selection and the report's metrics. Default: the bundled Si-train at 10 %;
 * {@code -p dataset='si-train*8'} is the scale data (one run takes seconds to minutes: pass
 * {@code -bm ss -wi 0 -i 1}). Notes the {@code picks} and the facade's own split of the last call,
 * {@code selection_seconds} (structure entropies and selection) and {@code metrics_seconds}, at the
 * end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class CompressBenchmark {
    /** A fraction of the structures (0 < s < 1, rounded as NumPy does) or, from 1 on, a count. */
    @Param({"0.1"})
    public double size;

    private Descriptors descriptors;
    private Atomcover engine;
    private CompressionOptions options;
    private Compression last;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        descriptors = input.descriptors();
        // The facade over the trial's backend, which DescriptorsOnBackend closes.
        engine = new Atomcover(input.backend(), input.workers(), Phases.NONE);
        options = CompressionOptions.builder().method(SelectionMethod.MSC).size(size).compatCheck(false)
                .bandwidth(input.bandwidth).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (last == null) return;
        TrialNotes.note("picks", last.selected().size());
        TrialNotes.note("selection_seconds", last.seconds().selection());
        TrialNotes.note("metrics_seconds", last.seconds().metrics());
    }

    @Benchmark
    public Compression compress() {
        return last = engine.compress(descriptors, options);
    }
}
