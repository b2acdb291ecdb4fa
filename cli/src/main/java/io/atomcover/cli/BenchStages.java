package io.atomcover.cli;

import io.atomcover.io.ReadOptions;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.jmh.BenchmarkData;
import io.atomcover.jmh.DescriptorBenchmark;
import io.atomcover.jmh.EntropyBenchmark;
import io.atomcover.jmh.Harness;
import io.atomcover.jmh.KernelSumBenchmark;
import io.atomcover.jmh.MscBenchmark;
import io.atomcover.structure.Dataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stages of {@code bench}, each a JMH benchmark run in this JVM by {@link Harness} with the
 * command's options as benchmark parameters; progress and backend warnings go to {@code err}.
 */
final class BenchStages {
    private final DescriptorOptions descriptor;
    private final int threads;
    private final double bandwidth;
    private final boolean bruteForce;
    private final BackendOptions backend;
    private final PrintWriter err;
    /** Every stage opens the backend: a warning (an auto fallback) is printed the first time only. */
    private final Set<String> warned = new HashSet<>();

    BenchStages(DescriptorOptions descriptor, int threads, double bandwidth, boolean bruteForce, BackendOptions backend,
                PrintWriter err) {
        this.descriptor = descriptor;
        this.threads = threads;
        this.bandwidth = bandwidth;
        this.bruteForce = bruteForce;
        this.backend = backend;
        this.err = err;
    }

    /** Times descriptors, all-pairs kernel sums, entropy and MSC at 50 % of {@code data}, read from {@code file}. */
    BenchReport.Figures measure(Path file, Dataset data, Harness.Plan plan) {
        BenchmarkData.preload(file, data);
        Map<String, String> onData = datasetParams(file);
        Measured desc = run("descriptors", DescriptorBenchmark.class, "quests", onData, plan);
        Map<String, String> onBackend = backendParams(onData);
        Measured kernel = run("kernel sums", KernelSumBenchmark.class, "allPairsLinear", onBackend, plan);
        Measured ent = run("entropy", EntropyBenchmark.class, "entropy", onBackend, plan);
        // MSC at 50 % of the file, default mode: structure entropies once in the set-up, the selection timed.
        Map<String, String> half = new LinkedHashMap<>(onBackend);
        half.put("size", "0.5");
        half.put("mode", "default");
        Measured msc = run("msc 50 %", MscBenchmark.class, "select", half, plan);
        return new BenchReport.Figures(
                number(desc, "environments").longValue(), number(desc, "dim").intValue(),
                desc.samples(), kernel.samples(),
                // Accelerated backends evaluate every pair and note no fraction.
                ((Number) kernel.notes().getOrDefault("evaluated_fraction", 1.0)).doubleValue(),
                ent.samples(), number(ent, "entropy").doubleValue(),
                msc.samples(), number(msc, "picks").intValue(), (String) msc.notes().get("backend"));
    }

    /** Times the structure entropies of {@code file} and then its full default-mode MSC ordering, once each. */
    BenchReport.MscFull mscFull(Path file, String backendName) {
        err.println("bench: msc, reading " + file);
        err.flush();
        Dataset ds = Inputs.readDataset(file, ReadOptions.DEFAULT);
        BenchmarkData.preload(file, ds);
        Map<String, String> params = backendParams(datasetParams(file));
        err.println(Text.format("bench: msc, structure entropies of %d structures (once)", ds.size()));
        err.flush();
        Measured entropies = run("msc", EntropyBenchmark.class, "structureEntropies", params, Harness.Plan.once());
        err.println(Text.format("bench: msc, full ordering of %d structures on %s (once)", ds.size(), backendName));
        err.flush();
        params.put("size", "1.0");
        params.put("mode", "default");
        Measured ordering = run("msc", MscBenchmark.class, "select", params, Harness.Plan.once());
        return new BenchReport.MscFull(file, ds.size(), number(ordering, "environments").longValue(),
                entropies.samples()[0], ordering.samples()[0], (String) ordering.notes().get("backend"));
    }

    /** One stage's samples (seconds) and what its trial noted. */
    record Measured(double[] samples, Map<String, Object> notes) {
    }

    static Number number(Measured m, String note) {
        return (Number) m.notes().get(note);
    }

    /** The benchmark parameters of the dataset and its descriptors. */
    Map<String, String> datasetParams(Path file) {
        // Absolute, so that no file is taken for one of the benchmark module's dataset names (qm7, si-train).
        return datasetParams(file.toAbsolutePath().toString());
    }

    /** The benchmark parameters of a dataset named as the benchmark module names them, and its descriptors. */
    Map<String, String> datasetParams(String dataset) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dataset", dataset);
        p.put("k", Integer.toString(descriptor.k));
        p.put("cutoff", Double.toString(descriptor.cutoff));
        p.put("multicomponent", Boolean.toString(descriptor.multicomponent));
        p.put("threads", Integer.toString(threads));
        return p;
    }

    /** {@code data} and where the kernel sums run: --backend, --device, --precision, --bandwidth, --brute-force. */
    Map<String, String> backendParams(Map<String, String> data) {
        Map<String, String> p = new LinkedHashMap<>(data);
        p.put("bandwidth", Double.toString(bandwidth));
        p.put("backend", bruteForce ? Backends.CPU : backend.backend);
        p.put("pruning", Boolean.toString(!bruteForce));
        p.put("device", Integer.toString(backend.device));
        p.put("precision", backend.precision);
        return p;
    }

    /** Runs one benchmark method as the stage {@code name} (progress and warnings on {@code err}). */
    Measured run(String name, Class<?> benchmark, String method, Map<String, String> params, Harness.Plan plan) {
        Harness.Progress progress = new Harness.Progress() {
            @Override
            public void warmup(double seconds) {
                err.println(Text.format("bench: %s, warming up for %s s", name, Double.toString(seconds)));
                err.flush();
            }

            @Override
            public void sample(int index, int count) {
                if (plan.singleShot()) return;
                err.println(Text.format("bench: %s, run %d/%d", name, index, count));
                err.flush();
            }
        };
        try {
            Harness.Result r = Harness.run(benchmark, method, params, plan, progress, msg -> {
                if (!warned.add(msg)) return;
                err.println("warning: " + msg);
                err.flush();
            });
            return new Measured(r.samplesSeconds(), r.notes());
        } catch (BackendUnavailableException e) {
            throw new CliFailure("--backend " + backend.backend + ": " + e.getMessage());
        }
    }
}
