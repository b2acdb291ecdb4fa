package io.atomcover.jmh;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.MscSelector;
import io.atomcover.select.SelectionCurve;
import java.util.Arrays;
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
 * How long does the selection curve of an ordering take (entropy, diversity and overlap of every
 * prefix, as {@code compress --curve} reports it)? The ordering is built once in the setup: the full
 * default-mode MSC ordering, or the structures in file order ({@code -p ordering=index}, the shape of
 * {@code --optimal}'s reference curves). Default: the bundled Si-train, all 214 prefixes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class SelectionCurveBenchmark {
    /** msc (the full default-mode ordering) or index (file order). */
    @Param({"msc"})
    public String ordering;

    /** Prefixes on the curve: the first this many of the ordering; 0 = all structures. */
    @Param({"0"})
    public int prefixes;

    /** Overlap of each prefix with the whole dataset as well. */
    @Param({"true"})
    public boolean overlap;

    private Descriptors descriptors;
    private int[] order;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        descriptors = input.descriptors();
        int n = descriptors.structureCount();
        if (ordering.equals("msc")) {
            double[] entropies = BenchmarkData.structureEntropies(descriptors, input.bandwidth, input.backend(), input.workers());
            order = new MscSelector(input.backend(), input.bandwidth, MscSelector.Mode.DEFAULT).select(descriptors, entropies, n).indices();
        } else if (ordering.equals("index")) {
            order = new int[n];
            for (int s = 0; s < n; s++) order[s] = s;
        } else {
            throw new IllegalArgumentException("ordering must be msc or index, got '" + ordering + "'");
        }
        order = Arrays.copyOf(order, prefixes > 0 ? Math.min(prefixes, n) : n);
    }

    @Benchmark
    public SelectionCurve curve(DescriptorsOnBackend input) {
        return SelectionCurve.of(input.backend(), descriptors, order, input.bandwidth, overlap);
    }
}
