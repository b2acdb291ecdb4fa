package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.metrics.Bandwidth;
import io.atomcover.backend.KdeBackend;
import io.atomcover.metrics.EntropyResult;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover entropy}: dataset entropy and diversity. */
@Command(name = "entropy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Dataset entropy and diversity.",
        description = {
                "Information entropy H and diversity D of a dataset (nats).",
                "",
                "Every atom's environment is described by a QUESTS descriptor x_i; with the Gaussian kernel "
                        + "k(x, y) = exp(-|x - y|^2 / 2h^2) and p_i = sum_j k(x_i, x_j) over all N environments "
                        + "(self term included), H = -(1/N) sum_i log(p_i / N) and D = log sum_i 1/p_i.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover entropy examples/mlearn-si/Si-train.extxyz",
                "  atomcover entropy Si-train.extxyz --bandwidth-rule gaussian --json si.json",
                "  atomcover entropy descriptors.npy -b 0.02"})
final class EntropyCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Structures (.extxyz or .xyz), or a descriptor matrix (.npy, environments x values) such as "
                    + "'atomcover descriptors' writes.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    BandwidthOptions bandwidth = new BandwidthOptions();

    @Mixin
    DescriptorOptions descriptor;

    @Option(names = "--json", paramLabel = "OUT.json",
            description = "Also write a JSON report (entropy, diversity, n_envs, n_structs, bandwidth, seconds, ...); '-' prints it on stdout instead of the summary.")
    Path json;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    SparkOption spark;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        if (bandwidth.value != null && !BandwidthOptions.valid(bandwidth.value))
            throw usage("--bandwidth must be a positive number, got " + bandwidth.value);
        if (bandwidth.rule != null && Inputs.isNpy(file))
            throw usage("--bandwidth-rule needs structures (cell volumes); a .npy descriptor file has none: give -b");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        files.output("--json", json, FilePlan.Names.JSON);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Loaded in = Inputs.load(file, descriptor, common);
        double h = bandwidth.rule == null ? bandwidth.fixed() : Bandwidth.gaussian(Inputs.volumePerAtom(in.dataset()));
        EntropyResult r;
        try (KdeBackend backend = spark.open(backendOptions, common, err())) {
            r = new Atomcover(backend, common.threads, Progress.phases(common.showProgress())).entropy(in.descriptors(), h);
        }
        double seconds = secondsSince(t0);

        ObjectNode report = Json.object();
        report.put("entropy", r.entropy());
        report.put("diversity", r.diversity());
        report.put("n_envs", in.descriptors().rows());
        if (in.fromNpy()) report.putNull("n_structs");
        else report.put("n_structs", in.structureCount());
        report.put("bandwidth", h);
        report.put("bandwidth_rule", bandwidth.rule == null ? "fixed" : bandwidth.rule.name());
        report.put("seconds", seconds);
        report.put("file", file.toString());
        report.put("dim", in.descriptors().dim());
        if (!in.fromNpy()) {
            report.put("k", descriptor.k);
            report.put("cutoff", descriptor.cutoff);
            report.put("multicomponent", descriptor.multicomponent);
        }
        report.put("threads", common.threads);

        if (json != null) Json.write(json, report, out());
        if (Json.STDOUT.equals(json)) return;
        var o = out();
        o.println(file + ": " + (in.fromNpy() ? "descriptor matrix, " : in.structureCount() + " structures, ")
                + in.descriptors().rows() + " environments, descriptor dim " + in.descriptors().dim());
        Text.line(o, "bandwidth", Double.toString(h) + (bandwidth.rule == null ? "" : " (" + bandwidth.rule + " rule)"));
        Text.line(o, "entropy", Text.precise(r.entropy()) + " nats");
        Text.line(o, "diversity", Text.precise(r.diversity()) + " nats");
        Text.line(o, "time", Text.seconds(seconds));
    }
}
