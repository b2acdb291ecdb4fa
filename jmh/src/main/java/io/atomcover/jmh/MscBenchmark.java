package io.atomcover.jmh;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.SelectionSize;
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
 * How long does an MSC selection take, from descriptors and structure entropies computed once in
 * the setup (h = 0.015)? Default: the bundled Si-train at 50 % (107 of 214 structures), whose target
 * is 0.2 s on 2 cores. {@code -p dataset=qm7 -p size=1.0} times QM7's full ordering
 * (pass {@code -wi 1 -i 1}: one run takes seconds). The selection counts as part of the work: the
 * cover session (the index over all rows) is built inside every call. Notes the {@code picks}, and
 * the {@code backend_calls} and {@code pairs} requested by the last selection, at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class MscBenchmark {
    /** A fraction (0 < s < 1, rounded as NumPy does) or, from 1 on, a count; 1.0 is the full ordering. */
    @Param({"0.5"})
    public double size;

    /** default or compat. */
    @Param({"default"})
    public String mode;

    private Descriptors descriptors;
    private double[] entropies;
    private MscSelector selector;
    private int picks;
    private MscResult last;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        descriptors = input.descriptors();
        selector = new MscSelector(input.backend(), input.bandwidth,
                mode.equals("compat") ? MscSelector.Mode.COMPAT : MscSelector.Mode.DEFAULT);
        entropies = BenchmarkData.structureEntropies(descriptors, input.bandwidth, input.backend(), input.workers());
        int total = descriptors.structureCount();
        picks = size == 1.0 ? total : size > 1 ? (int) size : SelectionSize.resolve(size, total);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TrialNotes.note("picks", picks);
        if (last == null) return;
        TrialNotes.note("backend_calls", last.backendCalls());
        TrialNotes.note("pairs", last.pairs());
    }

    @Benchmark
    public MscResult select() {
        return last = selector.select(descriptors, entropies, picks);
    }
}
