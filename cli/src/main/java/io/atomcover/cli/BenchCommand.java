package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.io.Dataset;
import io.atomcover.kde.CpuKdeBackend;
import io.atomcover.kde.EntropyResult;
import io.atomcover.kde.Kde;
import io.atomcover.kde.RowBlock;
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
        header = "Speed of this machine: descriptors, kernel sums, entropy.",
        description = {
                "Measure the speed of this machine on a dataset (default: the bundled mlearn Si-train set): "
                        + "QUESTS descriptors (environments per second), the all-pairs kernel sums of the dataset "
                        + "(pair evaluations per second, N^2 / time) and the dataset entropy (seconds).",
                "",
                "Each stage is run untimed for WARMUP seconds and then REPEAT times; the medians are reported with "
                        + "the machine (cores, CPU, OS, JVM). For statistically careful numbers use the JMH "
                        + "benchmarks (jmh/target/benchmarks.jar, see README).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover bench",
                "  atomcover bench --repeat 3 --threads 1 --json bench-1thread.json",
                "  atomcover bench my-dataset.extxyz"})
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
    double h = io.atomcover.kde.Bandwidth.DEFAULT;

    @Option(names = "--brute-force",
            description = "Evaluate every pair with Math.exp instead of the pruned, exact-to-1e-12 default kernel sums, for comparison.")
    boolean bruteForce;

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
    }

    @Override
    void run() throws Exception {
        checkWritable(json);
        Path input = file != null ? file : Locations.bundledSiTrain();
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
        try (CpuKdeBackend backend = new CpuKdeBackend(threads, !bruteForce)) {
            RowBlock all = RowBlock.of(d);
            backend.resetCounters();
            kernel = measure("kernel sums", err, () -> backend.kernelSums(all, all, h, sums));
            evaluatedFraction = backend.pairsRequested() == 0 ? 1 : (double) backend.pairsEvaluated() / backend.pairsRequested();
            Kde kde = new Kde(backend);
            ent = measure("entropy", err, () -> entropy[0] = kde.entropy(d, h));
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
            report.put("backend", bruteForce ? "cpu, brute force" : "cpu");
            report.put("entropy_seconds", ent.median());
            report.put("entropy", entropy[0].entropy());
            ObjectNode samples = report.putObject("samples_seconds");
            samples.set("descriptors", desc.toJson());
            samples.set("kernel_sums", kernel.toJson());
            samples.set("entropy", ent.toJson());
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
        Text.line(o, "runs", Text.format("median of %d, after %s s of warm-up per stage", repeat, Double.toString(warmup)));
        Text.line(o, "read", Text.seconds(readSeconds) + " (once)");
        Text.line(o, "descriptors", Text.seconds(desc.median()) + "  " + Text.rate(envsPerSecond) + " environments/s");
        Text.line(o, "kernel sums", Text.seconds(kernel.median()) + "  " + Text.rate(pairsPerSecond)
                + " pair evaluations/s (" + n + "^2 pairs; "
                + (bruteForce ? "brute force)" : Text.format("%.1f%% evaluated, the rest pruned)", 100 * evaluatedFraction)));
        Text.line(o, "entropy", Text.seconds(ent.median()) + "  (H = " + Text.precise(entropy[0].entropy()) + " nats)");
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
