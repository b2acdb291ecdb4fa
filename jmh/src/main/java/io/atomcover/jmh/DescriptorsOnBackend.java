package io.atomcover.jmh;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.Bandwidth;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The input every kernel-sum benchmark shares, set up once per trial: the QUESTS descriptors of a
 * dataset and the backend that sums their kernels. Its parameters are those of the benchmarks that
 * take it ({@code -p backend=opencl}, {@code -p dataset=qm7}, ...). At the end of the trial it notes
 * the backend that ran ({@code backend}; under {@code auto} a device that failed has handed the work
 * to the CPU by then), the dataset's {@code environments} and, on the CPU backend, the share of the requested pairs that the pruned sums
 * evaluated ({@code evaluated_fraction}).
 */
@State(Scope.Benchmark)
public class DescriptorsOnBackend {
    /** si-train, si-test, qm7 or the path of an extxyz file (see {@link BenchmarkData}). */
    @Param({BenchmarkData.SI_TRAIN})
    public String dataset;

    /** QUESTS nearest neighbours per environment. */
    @Param({"32"})
    public int k;

    /** QUESTS cutoff radius, Å. */
    @Param({"5.0"})
    public double cutoff;

    /** One descriptor block per species appended. */
    @Param({"false"})
    public boolean multicomponent;

    /** Kernel bandwidth h. */
    @Param({"" + Bandwidth.DEFAULT})
    public double bandwidth;

    /** cpu, cpu-exact (every pair), auto or opencl. */
    @Param({"cpu"})
    public String backend;

    /** OpenCL device number ({@code atomcover devices}); -1: the first GPU, else the first device. */
    @Param({"-1"})
    public int device;

    /** double or float: the arithmetic on a device. */
    @Param({"double"})
    public String precision;

    /** Exact pruning of negligible pairs on the CPU backend (the default); false evaluates every pair. */
    @Param({"true"})
    public boolean pruning;

    /** Worker threads; 0 = all available processors. */
    @Param({"0"})
    public int threads;

    private Descriptors descriptors;
    private KdeBackend kde;
    private int workers;

    @Setup(Level.Trial)
    public void setUp() {
        workers = BenchmarkData.threads(threads);
        descriptors = BenchmarkData.descriptors(dataset, k, cutoff, multicomponent, workers);
        kde = BackendChoice.open(backend, device, precision, workers, pruning);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TrialNotes.note("environments", descriptors.rows());
        TrialNotes.note("backend", kde.name());
        if (kde instanceof CpuKdeBackend cpu)
            TrialNotes.note("evaluated_fraction", cpu.pairsRequested() == 0 ? 1.0 : (double) cpu.pairsEvaluated() / cpu.pairsRequested());
        kde.close();
    }

    /** The descriptors of {@link #dataset}. */
    public Descriptors descriptors() {
        return descriptors;
    }

    /** The open backend. */
    public KdeBackend backend() {
        return kde;
    }

    /** The worker threads {@link #threads} stands for. */
    public int workers() {
        return workers;
    }
}
