package io.atomcover.cli;

import io.atomcover.io.ReadOptions;
import io.atomcover.api.Atomcover;
import io.atomcover.api.DifferentialEntropies;
import io.atomcover.backend.KdeBackend;
import io.atomcover.io.Npy;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover dh}: per-environment differential entropy of TEST against REF. */
@Command(name = "dh",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Differential entropy dH of every TEST environment against REF, saved as .npy.",
        description = {
                "Differential entropy dH(y | REF) = -log sum_x exp(-|y - x|^2 / 2h^2) of every TEST environment y "
                        + "against all REF environments x, saved as a float64 .npy vector in TEST's atom order. "
                        + "Large dH means novel; dH is +inf (kept as IEEE infinity) when every kernel term "
                        + "underflows, and may be negative when y has several close neighbours in REF.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  cd examples/mlearn-si",
                "  atomcover dh Si-test.extxyz Si-train.extxyz -o dH.npy",
                "  python3 -c \"import numpy; print(numpy.load('dH.npy').max())\""})
final class DhCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TEST", description = "Dataset whose environments are scored: structures (any format of docs/formats.md) or descriptors (.npy).")
    Path test;

    @Parameters(index = "1", paramLabel = "REF", description = "Reference dataset: structures (any format of docs/formats.md) or descriptors (.npy).")
    Path ref;

    @Option(names = {"-o", "--output"}, paramLabel = "dH.npy", required = true,
            description = "Where to write the dH vector (float64, one value per TEST environment; replaced atomically).")
    Path output;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    ToleranceOption tolerance;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    SparkOption spark;

    @Mixin
    TypesOption types;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    /** Loads both inputs and computes dH of every TEST environment against REF. */
    static DifferentialEntropies compute(Path test, Path ref, ReadOptions read, double h, double tolerance, DescriptorOptions descriptor,
                                         BackendOptions backendOptions, SparkOption spark, CommonOptions common, PrintWriter err) {
        Inputs.Pair pair = Inputs.loadPair(test, ref, read, descriptor, common);
        try (KdeBackend backend = spark.open(backendOptions, common, err)) {
            return new Atomcover(backend, common.threads, Progress.phases(common.showProgress()))
                    .differentialEntropies(pair.first().descriptors(), pair.second().descriptors(), h, tolerance);
        }
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        tolerance.validate();
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(test);
        files.input(ref);
        files.output("-o", output, FilePlan.Names.NPY);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        DifferentialEntropies r = compute(test, ref, types.options(), bandwidth.h, tolerance.rel, descriptor, backendOptions, spark, common, err());
        Npy.write(output, r.values(), new long[] {r.values().length});
        double seconds = secondsSince(t0);
        out().println(Text.format("%s against %s: %d values, mean %s and max %s over finite values, %d infinite, %.3f s -> %s",
                test, ref, r.values().length, Text.precise(r.finiteMean()), Text.precise(r.finiteMax()), r.infinite(), seconds, output));
        tolerance.printLine(out(), "dH");
    }
}
