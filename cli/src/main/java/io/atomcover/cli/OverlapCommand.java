package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.DifferentialEntropies;
import io.atomcover.metrics.InformationMetrics;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover overlap}: how much of TEST is already covered by REF. */
@Command(name = "overlap",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Fraction of TEST environments already covered by REF, with dH statistics.",
        description = {
                "Overlap of a TEST dataset with a REF dataset: the fraction of TEST environments y whose "
                        + "differential entropy dH(y | REF) = -log sum_x k(y, x) is below EPS (environments that REF "
                        + "already covers). Also reports the mean and maximum dH over finite values and how many "
                        + "environments are infinitely far (their kernel sum underflows to 0).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  cd examples/mlearn-si",
                "  atomcover overlap Si-test.extxyz Si-train.extxyz",
                "  atomcover overlap test.extxyz train.extxyz -e 1e-3 -o overlap.json"})
final class OverlapCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TEST", description = "Dataset to test: structures (any format of docs/formats.md) or descriptors (.npy).")
    Path test;

    @Parameters(index = "1", paramLabel = "REF", description = "Reference dataset: structures (any format of docs/formats.md) or descriptors (.npy).")
    Path ref;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Option(names = {"-e", "--eps"}, paramLabel = "EPS",
            description = "dH threshold below which a TEST environment counts as covered. Default: ${DEFAULT-VALUE}.")
    double eps = InformationMetrics.DEFAULT_OVERLAP_EPS;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    JsonOutputOption json;

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

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        tolerance.validate();
        json.validate();
        if (Double.isNaN(eps)) throw usage("--eps must be a number");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(test);
        files.input(ref);
        json.declare(files);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        DifferentialEntropies r = DhCommand.compute(test, ref, types.options(), bandwidth.h, tolerance.rel, descriptor, backendOptions, spark, common, err());
        double overlap = r.overlap(eps);
        double seconds = secondsSince(t0);

        ObjectNode report = Json.object();
        report.put("overlap", overlap);
        report.put("n_test_envs", r.values().length);
        report.put("n_ref_envs", r.referenceEnvs());
        Json.putFinite(report, "dH_mean", r.finiteMean());
        Json.putFinite(report, "dH_max", r.finiteMax());
        report.put("n_infinite", r.infinite());
        tolerance.putJson(report, "dH_bound");
        if (tolerance.rel > 0) {
            // Values within the bound of eps may fall on either side of it.
            report.put("overlap_low", r.overlap(eps - tolerance.bound()));
            report.put("overlap_high", r.overlap(eps + tolerance.bound()));
        }
        report.put("seconds", seconds);
        report.put("eps", eps);
        report.put("bandwidth", bandwidth.h);
        report.put("test", test.toString());
        report.put("ref", ref.toString());
        report.put("k", descriptor.k);
        report.put("cutoff", descriptor.cutoff);
        report.put("multicomponent", descriptor.multicomponent);
        report.put("threads", common.threads);

        if (json.file() != null) Json.write(json.file(), report, out());
        if (json.toStdout()) return;
        var o = out();
        o.println(test + " against " + ref + ": " + r.values().length + " test environments, " + r.referenceEnvs() + " reference environments");
        Text.line(o, "overlap", Text.precise(overlap) + Text.format(" (%d of %d with dH < %s)",
                Math.round(overlap * r.values().length), r.values().length, Double.toString(eps)));
        Text.line(o, "dH mean", Text.precise(r.finiteMean()) + " (finite values)");
        Text.line(o, "dH max", Text.precise(r.finiteMax()) + " (finite values)");
        Text.line(o, "dH infinite", Long.toString(r.infinite()));
        tolerance.printLine(o, "dH");
        if (tolerance.rel > 0)
            Text.line(o, "overlap range", "[" + Text.precise(r.overlap(eps - tolerance.bound())) + ", "
                    + Text.precise(r.overlap(eps + tolerance.bound())) + "] (dH within the bound of eps may fall either side)");
        Text.line(o, "bandwidth", Double.toString(bandwidth.h));
        Text.line(o, "time", Text.seconds(seconds));
    }
}
