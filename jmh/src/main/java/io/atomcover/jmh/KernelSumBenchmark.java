package io.atomcover.jmh;

import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What do the backend's kernel sums cost, linear against log space? All-pairs sums of a dataset
 * (default: the bundled Si-train, 13,233² ≈ 1.75e8 pair evaluations per call; evaluations per second
 * = 1.75e8 / score) and the bundled Si-test against it (the dH / overlap shape).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class KernelSumBenchmark {
    /** The rows of the bundled Si-test, with the descriptor settings of the reference dataset. */
    @State(Scope.Benchmark)
    public static class SiTestQuery {
        RowBlock rows;
        double[] out;

        @Setup(Level.Trial)
        public void setUp(DescriptorsOnBackend ref) {
            Descriptors d = BenchmarkData.quests(ref.k, ref.cutoff, ref.multicomponent)
                    .compute(BenchmarkData.readAside(BenchmarkData.SI_TEST).structures(), ref.workers(), ProgressListener.NONE);
            rows = RowBlock.of(d);
            out = new double[d.rows()];
        }
    }

    private RowBlock all;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp(DescriptorsOnBackend input) {
        all = RowBlock.of(input.descriptors());
        out = new double[input.descriptors().rows()];
    }

    @Benchmark
    public double[] allPairsLinear(DescriptorsOnBackend input) {
        input.backend().kernelSums(all, all, input.bandwidth, out);
        return out;
    }

    @Benchmark
    public double[] allPairsLog(DescriptorsOnBackend input) {
        input.backend().logKernelSums(all, all, input.bandwidth, out);
        return out;
    }

    @Benchmark
    public double[] siTestAgainstLinear(DescriptorsOnBackend input, SiTestQuery query) {
        input.backend().kernelSums(query.rows, all, input.bandwidth, query.out);
        return query.out;
    }

    @Benchmark
    public double[] siTestAgainstLog(DescriptorsOnBackend input, SiTestQuery query) {
        input.backend().logKernelSums(query.rows, all, input.bandwidth, query.out);
        return query.out;
    }
}
