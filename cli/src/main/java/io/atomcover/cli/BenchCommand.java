package io.atomcover.cli;

import io.atomcover.io.ReadOptions;
import io.atomcover.backend.Backends;
import io.atomcover.jmh.Harness;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atomcover bench}: throughput of the hot paths on a dataset, for comparing machines. Every
 * stage is a benchmark of the JMH module ({@code io.atomcover.jmh}) run in this JVM
 * ({@link BenchStages}), so {@code bench} and {@code benchmarks.jar} time the same code;
 * {@link BenchReport} prints and writes the figures. {@code --scale} measures large replicated datasets
 * instead ({@link ScaleStages}, {@link ScaleReport}).
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
                "",
                "With --scale, it measures scale instead: the dataset x R for each R (Si-train x 8, 40, 80: about 10^5, "
                        + "5*10^5 and 10^6 environments), each stage once (DescriptorBenchmark.quests, EntropyBenchmark.entropy, "
                        + "CompressBenchmark.compress), with the peak heap per size; stages expected to pass --scale-limit are skipped.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover bench",
                "  atomcover bench --repeat 3 --threads 1 -o bench-1thread.json",
                "  atomcover bench my-dataset.extxyz",
                "  atomcover bench --backend opencl --device 0 --no-msc",
                "  atomcover bench --backend opencl --qm7 qm7.extxyz --repeat 3",
                "  atomcover bench --scale --replicas 8,40 --scale-limit 600 -o scale.json",
                "  atomcover bench --scale --replicas 8 --write-scale-data scale-data/"})
final class BenchCommand extends BaseCommand {
    /** The replica counts of {@code --scale} without {@code --replicas}: about 10^5, 5·10^5 and 10^6 environments of Si-train. */
    static final String DEFAULT_SCALE = "8,40,80";

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

    @Option(names = "--scale",
            description = "Instead of the stages above: the dataset x R for each R of --replicas (Si-train x 8 has 105,864 "
                    + "environments), every structure repeated R times with seeded Gaussian displacements of every atom "
                    + "(sigma 0.01 A in the first replica rising to 0.10 A in the last), each stage timed once: descriptors, "
                    + "entropy, compress -s 0.1 --no-compat-check (selection and metrics separately), and the peak heap.")
    boolean scale;

    // A separate option rather than an optional value of --scale, which would swallow a FILE after it.
    @Option(names = "--replicas", paramLabel = "R1,R2,...",
            description = "With --scale: the replica counts R. Default: " + DEFAULT_SCALE + ".")
    String replicaList;

    @Option(names = "--scale-limit", paramLabel = "SECONDS",
            description = "With --scale: skip a stage whose time, extrapolated from the previous size, would pass this, and that stage of every larger size. Default: ${DEFAULT-VALUE}.")
    double scaleLimit = 3600;

    @Option(names = "--write-scale-data", paramLabel = "DIR",
            description = "With --scale: also write each dataset x R to DIR as extxyz (NAME-xR.extxyz; forces dropped, info gains replica and sigma).")
    Path scaleData;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    JsonOutputOption json;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        json.validate();
        if (repeat < 1) throw usage("--repeat must be at least 1, got " + repeat);
        if (!(warmup >= 0) || Double.isInfinite(warmup)) throw usage("--warmup must be a number of seconds, at least 0, got " + warmup);
        if (!BandwidthOptions.valid(h)) throw usage("--bandwidth must be a positive number, got " + h);
        if (!scale && (scaleData != null || scaleLimit != 3600 || replicaList != null))
            throw usage("--replicas, --scale-limit and --write-scale-data go with --scale");
        if (scale) {
            replicas = replicaCounts(replicaList == null ? DEFAULT_SCALE : replicaList);
            if (qm7 != null) throw usage("--scale does not combine with --qm7");
            if (!(scaleLimit > 0)) throw usage("--scale-limit must be a positive number of seconds, got " + scaleLimit);
        }
        if (bruteForce && !Backends.CPU.equals(backendOptions.backend) && !Backends.AUTO.equals(backendOptions.backend))
            throw usage("--brute-force measures the CPU backend; it does not combine with --backend " + backendOptions.backend);
    }

    /** The replica counts of --scale, ascending and distinct; null without --scale. */
    private int[] replicas;

    /** {@code --replicas}' list: positive counts, returned ascending and distinct. */
    private int[] replicaCounts(String list) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (String part : list.split(",", -1)) {
            int r;
            try {
                r = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw usage("--replicas takes replica counts such as " + DEFAULT_SCALE + ", got '" + list + "'");
            }
            if (r < 1) throw usage("--replicas: a replica count must be at least 1, got " + r);
            counts.add(r);
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The dataset measured on and the one of the MSC stage (null: none), as {@link #declareFiles} resolved them. */
    private Path input;
    private Path mscFile;

    @Override
    void declareFiles(FilePlan files) {
        input = file != null ? file : Locations.bundledSiTrain();
        mscFile = noMsc || scale ? null : qm7 != null ? qm7 : file == null ? Locations.qm7() : null;
        files.input(input);
        files.input(mscFile);
        json.declare(files);
        if (scaleData != null) files.outputFolder("--write-scale-data", scaleData);
    }

    @Override
    void run() throws Exception {
        Machine machine = Machine.current();
        backendOptions.precision(); // a bad --precision fails here, before any stage runs
        long t0 = System.nanoTime();
        Dataset ds = Inputs.readDataset(input, ReadOptions.DEFAULT);
        double readSeconds = secondsSince(t0);
        BenchStages stages = new BenchStages(descriptor, common.threads, h, bruteForce, backendOptions, err());
        if (replicas != null) {
            List<ScaleReport.Size> sizes = new ScaleStages(stages, err()).measure(input, ds, replicas, scaleLimit, scaleData);
            ScaleReport report = new ScaleReport(input, ds.size(), ds.atomCount(), descriptor, h, common.threads, scaleLimit,
                    readSeconds, sizes, machine);
            if (json.file() != null) {
                Json.write(json.file(), report.toJson(), out());
                if (json.toStdout()) return;
            }
            report.print(out());
            return;
        }
        BenchReport.Figures figures = stages.measure(input, ds, Harness.Plan.repeated(warmup, repeat));
        BenchReport.MscFull msc = mscFile == null ? null : stages.mscFull(mscFile, figures.backend());
        BenchReport report = new BenchReport(input, ds.size(), descriptor, h, common.threads, repeat, warmup, readSeconds,
                figures, msc, machine);
        if (json.file() != null) {
            Json.write(json.file(), report.toJson(), out());
            if (json.toStdout()) return;
        }
        report.print(out());
    }
}
