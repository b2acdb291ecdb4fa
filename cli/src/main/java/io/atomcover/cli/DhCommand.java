package io.atomcover.cli;

import io.atomcover.io.ReadOptions;
import io.atomcover.api.Atomcover;
import io.atomcover.api.ApproximateDifferentialEntropies;
import io.atomcover.api.ApproximationCheck;
import io.atomcover.api.DifferentialEntropies;
import io.atomcover.descriptor.Descriptors;
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
                "  atomcover dh Si-test.extxyz Si-train.extxyz -o dH-approx.npy --approx --check-recall",
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
    ApproxOptions approx;

    @Option(names = "--check-recall",
            description = "With --approx: also find the exact K nearest neighbours and the exact dH (as slow as without "
                    + "--approx) and print the index's recall and the largest dH differences.")
    boolean checkRecall;

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
        approx.validate();
        if (checkRecall && !approx.approx) throw usage("--check-recall needs --approx");
        if (approx.approx && tolerance.rel != 0.0) throw usage("--approx and --tolerance exclude each other");
        if (approx.approx && spark.master != null) throw usage("--approx runs on this machine only; leave out --spark");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(test);
        files.input(ref);
        files.output("-o", output, FilePlan.Names.NPY);
    }

    @Override
    void run() throws Exception {
        if (approx.approx) {
            runApproximate();
            return;
        }
        long t0 = System.nanoTime();
        DifferentialEntropies r = compute(test, ref, types.options(), bandwidth.h, tolerance.rel, descriptor, backendOptions, spark, common, err());
        Npy.write(output, r.values(), new long[] {r.values().length});
        double seconds = secondsSince(t0);
        out().println(Text.format("%s against %s: %d values, mean %s and max %s over finite values, %d infinite, %.3f s -> %s",
                test, ref, r.values().length, Text.precise(r.finiteMean()), Text.precise(r.finiteMax()), r.infinite(), seconds, output));
        tolerance.printLine(out(), "dH");
    }

    private void runApproximate() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Pair pair = Inputs.loadPair(test, ref, types.options(), descriptor, common);
        Descriptors y = pair.first().descriptors();
        Descriptors x = pair.second().descriptors();
        ApproximateDifferentialEntropies r;
        ApproximationCheck check = null;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            Atomcover api = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()));
            r = api.approximateDifferentialEntropies(y, x, bandwidth.h, approx.k, approx.parameters());
            Npy.write(output, r.values(), new long[] {r.values().length});
            if (checkRecall) check = api.checkApproximation(y, x, bandwidth.h, r);
        }
        double seconds = secondsSince(t0);
        DifferentialEntropies d = new DifferentialEntropies(r.values(), x.rows());
        var o = out();
        o.println(Text.format("%s against %s: %d values, mean %s and max %s over finite values, %d infinite, %.3f s -> %s",
                test, ref, r.values().length, Text.precise(d.finiteMean()), Text.precise(d.finiteMax()), d.infinite(), seconds, output));
        var p = approx.parameters();
        Text.line(o, "approximate", Text.format("from the %d nearest of %d reference environments (HNSW m %d, ef_construction %d, ef %d): "
                + "index %.3f s, queries %.3f s", r.neighbours().k(), x.rows(), p.m(), p.efConstruction(), p.ef(), r.indexSeconds(), r.querySeconds()));
        if (check != null) {
            Text.line(o, "recall", Text.format("%.6f of the returned neighbours are among the exact %d nearest", check.recall(), r.neighbours().k()));
            Text.line(o, "vs exact kNN", Text.format("max |dH difference| %.3g (what the index missed)", check.maxTruncatedError()));
            Text.line(o, "vs exact dH", Text.format("max |dH difference| %.3g, mean %.3g (missed neighbours and the terms beyond K)",
                    check.maxError(), check.meanError()));
        }
    }
}
