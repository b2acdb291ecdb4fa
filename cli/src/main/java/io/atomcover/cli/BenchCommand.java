package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atomcover bench}: throughput of the hot paths on a dataset, for comparing machines. Every
 * stage is a benchmark of the JMH module ({@code io.atomcover.jmh}) run in this JVM by
 * {@link Harness} with settings from the options, so {@code bench} and {@code benchmarks.jar} time
 * the same code.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Speed of this machine: descriptors, kernel sums, entropy, MSC.",
        description = {
                "Measure the speed of this machine on a dataset (default: the bundled mlearn Si-train set): "
                        + "QUESTS descriptors (environments per second), the all-pairs kernel sums of the dataset "
                        + "(pair evaluations per second, N^2 / time), the dataset entropy (seconds) and an MSC selection "
                        + "of half its structures (default mode, seconds; the structure entropies it needs are computed "
                        + "once, untimed), on the backend --backend chooses (cpu, or a GPU through opencl).",
                "",
                "With --qm7 FILE, or without FILE when QM7 is found (shared/data/qm7/qm7.extxyz in a folder above the "
                        + "installation, or -Datomcover.qm7=PATH), it also times the full MSC ordering of QM7 (default mode; "
                        + "structure entropies timed separately), once; --no-msc skips it.",
                "",
                "Each stage is run untimed for WARMUP seconds and then REPEAT times; the medians are reported with "
                        + "the machine (cores, CPU, OS, JVM). The stages are the JMH benchmarks DescriptorBenchmark.quests, "
                        + "KernelSumBenchmark.allPairsLinear, EntropyBenchmark.entropy and MscBenchmark.select "
                        + "(EntropyBenchmark.structureEntropies and MscBenchmark.select with size=1.0 for QM7), run in this "
                        + "JVM without a fork; for statistically careful numbers run them forked from "
                        + "jmh/target/benchmarks.jar (docs/benchmarks.md).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover bench",
                "  atomcover bench --repeat 3 --threads 1 --json bench-1thread.json",
                "  atomcover bench my-dataset.extxyz",
                "  atomcover bench --backend opencl --device 0 --no-msc",
                "  atomcover bench --backend opencl --qm7 qm7.extxyz --repeat 3"})
final class BenchCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Structures (.extxyz/.xyz) to measure on. Default: examples/mlearn-si/Si-train.extxyz of this source tree.")
    Path file;

    @Option(names = "--repeat", paramLabel = "N", description = "Timed runs of each stage; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeat = 5;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Untimed runs of each stage first, repeated for at least this long, so the JIT has compiled the hot code; 0 skips them. Default: ${DEFAULT-VALUE}.")
    double warmup = 3;

    @Option(names = {"-b", "--bandwidth"}, paramLabel = "H", description = "Kernel bandwidth h. Default: ${DEFAULT-VALUE}.")
    double h = io.atomcover.metrics.Bandwidth.DEFAULT;

    @Option(names = "--brute-force",
            description = "CPU backend only: evaluate every pair with Math.exp instead of the pruned, exact-to-1e-12 default kernel sums, for comparison.")
    boolean bruteForce;

    @Option(names = "--qm7", paramLabel = "FILE",
            description = "QM7 (or any dataset) for the MSC stage: time its full MSC ordering once.")
    Path qm7;

    @Option(names = "--no-msc", description = "Skip the MSC stage even when QM7 is found.")
    boolean noMsc;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    DescriptorOptions descriptor;

    @Option(names = "--json", paramLabel = "OUT.json",
            description = "Also write the figures, every sample and the machine description as JSON; '-' prints it on stdout instead.")
    Path json;

    /** One timed stage: its samples (seconds) and median. */
    record Stage(double[] samples) {
        double median() {
            double[] s = samples.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }

        ArrayNode toJson() {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (double v : samples) a.add(v);
            return a;
        }
    }

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        if (repeat < 1) throw usage("--repeat must be at least 1, got " + repeat);
        if (!(warmup >= 0) || Double.isInfinite(warmup)) throw usage("--warmup must be a number of seconds, at least 0, got " + warmup);
        if (!BandwidthOptions.valid(h)) throw usage("--bandwidth must be a positive number, got " + h);
        if (bruteForce && !Backends.CPU.equals(backendOptions.backend) && !Backends.AUTO.equals(backendOptions.backend))
            throw usage("--brute-force measures the CPU backend; it does not combine with --backend " + backendOptions.backend);
    }

    /** The dataset measured on and the one of the MSC stage (null: none), as {@link #declareFiles} resolved them. */
    private Path input;
    private Path mscFile;

    @Override
    void declareFiles(FilePlan files) {
        input = file != null ? file : Locations.bundledSiTrain();
        mscFile = noMsc ? null : qm7 != null ? qm7 : file == null ? Locations.qm7() : null;
        files.input(input);
        files.input(mscFile);
        files.output("--json", json, FilePlan.Names.JSON);
    }

    @Override
    void run() throws Exception {
        Machine machine = Machine.current();
        PrintWriter err = err();
        backendOptions.precision();

        long t0 = System.nanoTime();
        Dataset ds = Inputs.readDataset(input);
        double readSeconds = secondsSince(t0);
        BenchmarkData.preload(input, ds);
        int threads = common.threads;

        Harness.Plan plan = Harness.Plan.repeated(warmup, repeat);
        Map<String, String> data = datasetParams(input);
        Measured desc = measure("descriptors", DescriptorBenchmark.class, "quests", data, plan, err);
        Map<String, String> onBackend = backendParams(data);
        Measured kernel = measure("kernel sums", KernelSumBenchmark.class, "allPairsLinear", onBackend, plan, err);
        Measured ent = measure("entropy", EntropyBenchmark.class, "entropy", onBackend, plan, err);
        // MSC at 50 % of the file, default mode: structure entropies once in the set-up, the selection timed.
        Map<String, String> half = new LinkedHashMap<>(onBackend);
        half.put("size", "0.5");
        half.put("mode", "default");
        Measured mscHalf = measure("msc 50 %", MscBenchmark.class, "select", half, plan, err);
        String backendName = (String) mscHalf.notes().get("backend");
        MscStage msc = null;
        if (mscFile != null) {
            msc = mscStage(mscFile, backendName, err);
            backendName = msc.backend();
        }

        long n = ((Number) desc.notes().get("environments")).longValue();
        int dim = ((Number) desc.notes().get("dim")).intValue();
        // Accelerated backends evaluate every pair, and note no fraction.
        double evaluatedFraction = ((Number) kernel.notes().getOrDefault("evaluated_fraction", 1.0)).doubleValue();
        double entropy = ((Number) ent.notes().get("entropy")).doubleValue();
        int halfSize = ((Number) mscHalf.notes().get("picks")).intValue();
        double envsPerSecond = n / desc.stage().median();
        double pairsPerSecond = (double) n * n / kernel.stage().median();

        if (json != null) {
            ObjectNode report = Json.object();
            report.put("file", input.toString());
            report.put("n_structs", ds.size());
            report.put("n_envs", n);
            report.put("dim", dim);
            report.put("k", descriptor.k);
            report.put("cutoff", descriptor.cutoff);
            report.put("bandwidth", h);
            report.put("threads", threads);
            report.put("repeat", repeat);
            report.put("warmup_seconds", warmup);
            report.put("read_seconds", readSeconds);
            report.put("descriptors_seconds", desc.stage().median());
            report.put("descriptors_envs_per_second", envsPerSecond);
            report.put("kernel_sums_seconds", kernel.stage().median());
            report.put("kernel_sums_pairs_per_second", pairsPerSecond);
            report.put("kernel_sums_evaluated_fraction", evaluatedFraction);
            report.put("backend", backendName);
            if (msc != null) {
                report.put("msc_file", msc.file().toString());
                report.put("msc_n_structs", msc.structures());
                report.put("msc_n_envs", msc.envs());
                report.put("msc_structure_entropies_seconds", msc.entropySeconds());
                report.put("msc_full_ordering_seconds", msc.orderingSeconds());
            }
            report.put("entropy_seconds", ent.stage().median());
            report.put("entropy", entropy);
            report.put("msc_half_size", halfSize);
            report.put("msc_half_seconds", mscHalf.stage().median());
            ObjectNode samples = report.putObject("samples_seconds");
            samples.set("descriptors", desc.stage().toJson());
            samples.set("kernel_sums", kernel.stage().toJson());
            samples.set("entropy", ent.stage().toJson());
            samples.set("msc_half", mscHalf.stage().toJson());
            report.set("machine", machine.toJson());
            report.put("atomcover_version", VersionProvider.version());
            Json.write(json, report, out());
            if (Json.STDOUT.equals(json)) return;
        }
        PrintWriter o = out();
        o.println(Text.format("%s: %d structures, %d environments (k=%d, cutoff=%s, dim %d, h=%s)",
                input, ds.size(), n, descriptor.k, Double.toString(descriptor.cutoff), dim, Double.toString(h)));
        Text.line(o, "machine", machine.describe());
        Text.line(o, "threads", Integer.toString(threads));
        Text.line(o, "backend", backendName);
        Text.line(o, "runs", Text.format("median of %d, after %s s of warm-up per stage", repeat, Double.toString(warmup)));
        Text.line(o, "read", Text.seconds(readSeconds) + " (once)");
        Text.line(o, "descriptors", Text.seconds(desc.stage().median()) + "  " + Text.rate(envsPerSecond) + " environments/s");
        Text.line(o, "kernel sums", Text.seconds(kernel.stage().median()) + "  " + Text.rate(pairsPerSecond)
                + " pair evaluations/s (" + n + "^2 pairs; "
                + (evaluatedFraction >= 1 ? "all evaluated)" : Text.format("%.1f%% evaluated, the rest pruned)", 100 * evaluatedFraction)));
        Text.line(o, "entropy", Text.seconds(ent.stage().median()) + "  (H = " + Text.precise(entropy) + " nats)");
        Text.line(o, "msc 50 %", Text.seconds(mscHalf.stage().median()) + Text.format("  (%d of %d structures, default mode; structure entropies not included)",
                halfSize, ds.size()));
        if (msc != null)
            Text.line(o, "msc", Text.format("%s full ordering of %s (%d structures, %d environments, once); structure entropies %s",
                    Text.seconds(msc.orderingSeconds()), msc.file().getFileName(), msc.structures(), msc.envs(),
                    Text.seconds(msc.entropySeconds())));
    }

    /** The benchmark parameters of the dataset and its descriptors. */
    private Map<String, String> datasetParams(Path file) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dataset", file.toString());
        p.put("k", Integer.toString(descriptor.k));
        p.put("cutoff", Double.toString(descriptor.cutoff));
        p.put("multicomponent", Boolean.toString(descriptor.multicomponent));
        p.put("threads", Integer.toString(common.threads));
        return p;
    }

    /** {@code data} and where the kernel sums run: --backend, --device, --precision, --bandwidth, --brute-force. */
    private Map<String, String> backendParams(Map<String, String> data) {
        Map<String, String> p = new LinkedHashMap<>(data);
        p.put("bandwidth", Double.toString(h));
        p.put("backend", bruteForce ? Backends.CPU : backendOptions.backend);
        p.put("pruning", Boolean.toString(!bruteForce));
        p.put("device", Integer.toString(backendOptions.device));
        p.put("precision", backendOptions.precision);
        return p;
    }

    /** One stage's samples and what its trial noted. */
    private record Measured(Stage stage, Map<String, Object> notes) {
    }

    /** Warnings already printed: every stage opens the backend, an auto fallback is told once. */
    private final Set<String> warned = new HashSet<>();

    private Measured measure(String name, Class<?> benchmark, String method, Map<String, String> params, Harness.Plan plan,
                             PrintWriter err) {
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
            return new Measured(new Stage(r.samplesSeconds()), r.notes());
        } catch (BackendUnavailableException e) {
            throw new CliFailure("--backend " + backendOptions.backend + ": " + e.getMessage());
        }
    }

    /** The timed MSC run: structure entropies, then the full default-mode ordering. */
    record MscStage(Path file, int structures, long envs, double entropySeconds, double orderingSeconds, String backend) {
    }

    private MscStage mscStage(Path path, String backendName, PrintWriter err) {
        err.println("bench: msc, reading " + path);
        err.flush();
        Dataset ds = Inputs.readDataset(path);
        BenchmarkData.preload(path, ds);
        Map<String, String> params = backendParams(datasetParams(path));
        err.println(Text.format("bench: msc, structure entropies of %d structures (once)", ds.size()));
        err.flush();
        Measured entropies = measure("msc", EntropyBenchmark.class, "structureEntropies", params, Harness.Plan.once(), err);
        err.println(Text.format("bench: msc, full ordering of %d structures on %s (once)", ds.size(), backendName));
        err.flush();
        params.put("size", "1.0");
        params.put("mode", "default");
        Measured ordering = measure("msc", MscBenchmark.class, "select", params, Harness.Plan.once(), err);
        return new MscStage(path, ds.size(), ((Number) ordering.notes().get("environments")).longValue(),
                entropies.stage().samples()[0], ordering.stage().samples()[0], (String) ordering.notes().get("backend"));
    }
}
