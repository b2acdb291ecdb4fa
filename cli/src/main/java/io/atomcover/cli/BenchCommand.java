package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Dataset;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.Backends;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.select.MscSelector;
import io.atomcover.select.SelectionSize;
import io.atomcover.util.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover bench}: throughput of the hot paths on a dataset, for comparing machines. */
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
                        + "the machine (cores, CPU, OS, JVM). For statistically careful numbers use the JMH "
                        + "benchmarks (jmh/target/benchmarks.jar, see docs/benchmarks.md).",
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

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
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

        long t0 = System.nanoTime();
        Dataset ds = Inputs.readDataset(input);
        double readSeconds = secondsSince(t0);
        var q = Inputs.descriptor(descriptor);
        int threads = common.threads;

        Descriptors[] last = new Descriptors[1];
        Stage desc = measure("descriptors", err, () -> last[0] = q.compute(ds.structures(), threads, ProgressListener.NONE));
        Descriptors d = last[0];
        long n = d.rows();
        double[] sums = new double[d.rows()];
        EntropyResult[] entropy = new EntropyResult[1];
        Stage kernel;
        Stage ent;
        double evaluatedFraction;
        String backendName;
        MscStage msc = null;
        Stage mscHalf;
        int half;
        try (KdeBackend backend = bruteForce ? new CpuKdeBackend(threads, false) : backendOptions.open(common, err)) {
            RowBlock all = RowBlock.of(d);
            CpuKdeBackend cpu = backend instanceof CpuKdeBackend c ? c : null;
            if (cpu != null) cpu.resetCounters();
            kernel = measure("kernel sums", err, () -> backend.kernelSums(all, all, h, sums));
            // Accelerated backends evaluate every pair.
            evaluatedFraction = cpu == null || cpu.pairsRequested() == 0 ? 1 : (double) cpu.pairsEvaluated() / cpu.pairsRequested();
            InformationMetrics kde = new InformationMetrics(backend);
            ent = measure("entropy", err, () -> entropy[0] = kde.entropy(d, h));
            // MSC at 50 % of the file, default mode: structure entropies once, the selection timed.
            double[] structureEntropies = kde.structureEntropies(d, h, threads, ProgressListener.NONE);
            half = SelectionSize.resolve(0.5, d.structureCount());
            MscSelector selector = new MscSelector(backend, h, MscSelector.Mode.DEFAULT);
            mscHalf = measure("msc 50 %", err, () -> selector.select(d, structureEntropies, half));
            if (mscFile != null) msc = mscStage(mscFile, q, backend, err);
            // After the work: under auto a device that failed in mid-run has handed it to the CPU.
            backendName = backend.name();
        }
        double envsPerSecond = n / desc.median();
        double pairsPerSecond = (double) n * n / kernel.median();

        if (json != null) {
            ObjectNode report = Json.object();
            report.put("file", input.toString());
            report.put("n_structs", ds.size());
            report.put("n_envs", n);
            report.put("dim", d.dim());
            report.put("k", descriptor.k);
            report.put("cutoff", descriptor.cutoff);
            report.put("bandwidth", h);
            report.put("threads", threads);
            report.put("repeat", repeat);
            report.put("warmup_seconds", warmup);
            report.put("read_seconds", readSeconds);
            report.put("descriptors_seconds", desc.median());
            report.put("descriptors_envs_per_second", envsPerSecond);
            report.put("kernel_sums_seconds", kernel.median());
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
            report.put("entropy_seconds", ent.median());
            report.put("entropy", entropy[0].entropy());
            report.put("msc_half_size", half);
            report.put("msc_half_seconds", mscHalf.median());
            ObjectNode samples = report.putObject("samples_seconds");
            samples.set("descriptors", desc.toJson());
            samples.set("kernel_sums", kernel.toJson());
            samples.set("entropy", ent.toJson());
            samples.set("msc_half", mscHalf.toJson());
            report.set("machine", machine.toJson());
            report.put("atomcover_version", VersionProvider.version());
            Json.write(json, report, out());
            if (Json.STDOUT.equals(json)) return;
        }
        PrintWriter o = out();
        o.println(Text.format("%s: %d structures, %d environments (k=%d, cutoff=%s, dim %d, h=%s)",
                input, ds.size(), n, descriptor.k, Double.toString(descriptor.cutoff), d.dim(), Double.toString(h)));
        Text.line(o, "machine", machine.describe());
        Text.line(o, "threads", Integer.toString(threads));
        Text.line(o, "backend", backendName);
        Text.line(o, "runs", Text.format("median of %d, after %s s of warm-up per stage", repeat, Double.toString(warmup)));
        Text.line(o, "read", Text.seconds(readSeconds) + " (once)");
        Text.line(o, "descriptors", Text.seconds(desc.median()) + "  " + Text.rate(envsPerSecond) + " environments/s");
        Text.line(o, "kernel sums", Text.seconds(kernel.median()) + "  " + Text.rate(pairsPerSecond)
                + " pair evaluations/s (" + n + "^2 pairs; "
                + (evaluatedFraction >= 1 ? "all evaluated)" : Text.format("%.1f%% evaluated, the rest pruned)", 100 * evaluatedFraction)));
        Text.line(o, "entropy", Text.seconds(ent.median()) + "  (H = " + Text.precise(entropy[0].entropy()) + " nats)");
        Text.line(o, "msc 50 %", Text.seconds(mscHalf.median()) + Text.format("  (%d of %d structures, default mode; structure entropies not included)",
                half, ds.size()));
        if (msc != null)
            Text.line(o, "msc", Text.format("%s full ordering of %s (%d structures, %d environments, once); structure entropies %s",
                    Text.seconds(msc.orderingSeconds()), msc.file().getFileName(), msc.structures(), msc.envs(),
                    Text.seconds(msc.entropySeconds())));
    }

    /** The timed MSC run: structure entropies, then the full default-mode ordering. */
    record MscStage(Path file, int structures, long envs, double entropySeconds, double orderingSeconds) {
    }

    private MscStage mscStage(Path path, QuestsDescriptor q, KdeBackend backend, PrintWriter err) {
        err.println("bench: msc, reading " + path);
        err.flush();
        Dataset ds = Inputs.readDataset(path);
        Descriptors d = q.compute(ds.structures(), common.threads, ProgressListener.NONE);
        err.println(Text.format("bench: msc, structure entropies of %d structures (once)", d.structureCount()));
        err.flush();
        long t0 = System.nanoTime();
        double[] entropies = new InformationMetrics(backend).structureEntropies(d, h, common.threads, ProgressListener.NONE);
        double entropySeconds = secondsSince(t0);
        err.println(Text.format("bench: msc, full ordering of %d structures on %s (once)", d.structureCount(), backend.name()));
        err.flush();
        t0 = System.nanoTime();
        new MscSelector(backend, h, MscSelector.Mode.DEFAULT).select(d, entropies, d.structureCount());
        return new MscStage(path, d.structureCount(), d.rows(), entropySeconds, secondsSince(t0));
    }

    private Stage measure(String name, PrintWriter err, Work work) throws Exception {
        if (warmup > 0) {
            err.println(Text.format("bench: %s, warming up for %s s", name, Double.toString(warmup)));
            err.flush();
            long start = System.nanoTime();
            do {
                work.run();
            } while (secondsSince(start) < warmup);
        }
        double[] samples = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            err.println(Text.format("bench: %s, run %d/%d", name, i + 1, repeat));
            err.flush();
            long t = System.nanoTime();
            work.run();
            samples[i] = secondsSince(t);
        }
        return new Stage(samples);
    }
}
