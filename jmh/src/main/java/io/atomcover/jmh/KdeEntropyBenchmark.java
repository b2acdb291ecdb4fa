package io.atomcover.jmh;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.kde.CpuKdeBackend;
import io.atomcover.kde.EntropyResult;
import io.atomcover.kde.Kde;
import io.atomcover.util.ProgressListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Dataset entropy (all-pairs kernel sums) of a real descriptor set, default the mlearn Si-train
 * example (13,233 rows; 1.75e8 pairs). Run from the repository root:
 * <pre>java -jar jmh/target/benchmarks.jar KdeEntropyBenchmark -f 1 -wi 3 -i 5</pre>
 * Equivalent kernel evaluations per second = rows² / score. {@code -p file=...} picks another
 * extxyz file, {@code -p pruning=false} the brute-force path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KdeEntropyBenchmark {
    @Param("examples/mlearn-si/Si-train.extxyz")
    public String file;
    @Param("2")
    public int threads;
    @Param("true")
    public boolean pruning;
    @Param("0.015")
    public double bandwidth;

    private Descriptors descriptors;
    private CpuKdeBackend backend;
    private Kde kde;

    @Setup(Level.Trial)
    public void setUp() {
        descriptors = new QuestsDescriptor().compute(ExtXyzReader.read(Path.of(file)).structures(), threads, ProgressListener.NONE);
        backend = new CpuKdeBackend(threads, pruning);
        kde = new Kde(backend);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long rows = descriptors.rows();
        System.out.printf("%n%d rows; distance pairs evaluated: %.4f of the %d requested%n", rows,
                (double) backend.pairsEvaluated() / backend.pairsRequested(), backend.pairsRequested());
        backend.close();
    }

    @Benchmark
    public EntropyResult entropy() {
        return kde.entropy(descriptors, bandwidth);
    }
}
