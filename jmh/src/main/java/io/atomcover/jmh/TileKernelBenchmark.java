package io.atomcover.jmh;

import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.KernelProbe;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.Bandwidth;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many kernel evaluations per second does the CPU backend's tile kernel give, brute force? Every
 * thread evaluates all pairs of a block of {@value #BLOCK} Si-train rows (QUESTS, d = 63) against
 * themselves with the arithmetic of the pruned kernel sums ({@link KernelProbe}); the score is pair
 * evaluations per second, summed over the threads (all processors by default, {@code -t N} to
 * change). {@code strip=64} passes one 64-row leaf per kernel call, the tile of the sessions;
 * {@code strip=256} passes strips of four leaves, as the backend's kernel sums do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(Threads.MAX)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class TileKernelBenchmark {
    /** Rows of the block (pairs per call: the square). */
    static final int BLOCK = 1024;

    /** Reference columns per kernel pass. */
    @Param({"64", "256"})
    public int strip;

    private KernelProbe probe;

    @Setup(Level.Trial)
    public void setUp() {
        Descriptors d = BenchmarkData.descriptors(BenchmarkData.SI_TRAIN, 32, 5.0, false, 1);
        // Rows spread evenly over the dataset (the rate does not depend on the values: no branches).
        int step = d.rows() / BLOCK;
        double[] rows = new double[BLOCK * d.dim()];
        for (int i = 0; i < BLOCK; i++) System.arraycopy(d.data(), i * step * d.dim(), rows, i * d.dim(), d.dim());
        RowBlock block = new RowBlock(rows, d.dim(), 0, BLOCK);
        probe = new KernelProbe(block, block, Bandwidth.DEFAULT, strip);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK * BLOCK)
    public double allPairs() {
        return probe.run();
    }
}
