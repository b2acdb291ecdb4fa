package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.backend.KdeBackend;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.SampledEntropy;
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
                "  atomcover entropy Si-train.extxyz --bandwidth-rule gaussian -o si.json",
                "  atomcover entropy descriptors.npy -b 0.02",
                "  atomcover entropy big.extxyz --tolerance 1e-6",
                "  atomcover entropy big.extxyz --sample 20000 --seed 3"})
final class EntropyCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Structures (any format of docs/formats.md; FILE@SEL for some frames, - for standard "
                    + "input), or a descriptor matrix (.npy, environments x values) such as "
                    + "'atomcover descriptors' writes.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    BandwidthOptions bandwidth = new BandwidthOptions();

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    JsonOutputOption json;

    @Mixin
    ToleranceOption tolerance;

    @Option(names = "--sample", paramLabel = "N",
            description = "Estimate H from N environments drawn uniformly without replacement (each summed against all "
                    + "environments): the sample mean of -log(p_i / N_total) with a 95%% Student-t interval, using the "
                    + "finite-population correction sqrt(1 - N/N_total) and widened by the --tolerance bound. "
                    + "D is not estimated. N from 2 to the number of environments.")
    Integer sample;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the --sample draw. Default: ${DEFAULT-VALUE}.")
    long seed;

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
        tolerance.validate();
        json.validate();
        if (sample != null && sample < 2) throw usage("--sample must be at least 2, got " + sample);
        if (bandwidth.value != null && !BandwidthOptions.valid(bandwidth.value))
            throw usage("--bandwidth must be a positive number, got " + bandwidth.value);
        if (bandwidth.rule != null && Inputs.isNpy(file))
            throw usage("--bandwidth-rule needs structures (cell volumes); a .npy descriptor file has none: give -b");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        json.declare(files);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Loaded in = Inputs.load(file, types.options(), descriptor, common);
        double h = bandwidth.rule == null ? bandwidth.fixed() : bandwidth.rule.apply(Inputs.volumePerAtom(in.dataset()));
        int envs = in.descriptors().rows();
        if (sample != null && sample > envs)
            throw usage("--sample " + sample + " is more than the " + envs + " environments of " + file);
        EntropyResult r = null;
        SampledEntropy s = null;
        try (KdeBackend backend = spark.open(backendOptions, common, err())) {
            Atomcover api = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()));
            if (sample == null) r = api.entropy(in.descriptors(), h, tolerance.rel);
            else s = api.sampledEntropy(in.descriptors(), h, sample, seed, tolerance.rel);
        }
        double seconds = secondsSince(t0);

        ObjectNode report = Json.object();
        if (s == null) {
            report.put("entropy", r.entropy());
            report.put("diversity", r.diversity());
        } else {
            report.put("entropy", s.estimate());
            report.putNull("diversity");
            ObjectNode o = report.putObject("sample");
            o.put("n", s.samples());
            o.put("seed", s.seed());
            o.put("standard_error", s.standardError());
            o.put("ci_low", s.low());
            o.put("ci_high", s.high());
            o.put("confidence", s.confidence());
            o.put("interval", "student-t, finite-population correction, widened by entropy_bound");
        }
        tolerance.putJson(report, "entropy_bound");
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

        if (json.file() != null) Json.write(json.file(), report, out());
        if (json.toStdout()) return;
        var o = out();
        o.println(file + ": " + (in.fromNpy() ? "descriptor matrix, " : in.structureCount() + " structures, ")
                + in.descriptors().rows() + " environments, descriptor dim " + in.descriptors().dim());
        Text.line(o, "bandwidth", Double.toString(h) + (bandwidth.rule == null ? "" : " (" + bandwidth.rule + " rule)"));
        if (s == null) {
            Text.line(o, "entropy", Text.precise(r.entropy()) + " nats");
            Text.line(o, "diversity", Text.precise(r.diversity()) + " nats");
        } else {
            Text.line(o, "entropy", Text.precise(s.estimate()) + Text.format(" nats, estimated from %d of %d environments (seed %d)",
                    s.samples(), s.population(), s.seed()));
            Text.line(o, "95% interval", Text.format("[%s, %s] nats (standard error %.3g, finite-population corrected)",
                    Text.precise(s.low()), Text.precise(s.high()), s.standardError()));
        }
        tolerance.printLine(o, "entropy");
        Text.line(o, "time", Text.seconds(seconds));
    }
}
