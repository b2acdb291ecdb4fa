package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.backend.KdeBackend;
import io.atomcover.metrics.EntropyCurve;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover entropy-curve}: entropy against dataset fraction, with resampling. */
@Command(name = "entropy-curve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Entropy of random samples of the environments against the sampled fraction (mean +- std).",
        description = {
                "For each fraction f, draws RUNS samples of floor(f N) of the N environments and computes the entropy "
                        + "H of each sample on its own (kernel sums within the sample); reports each run, their mean "
                        + "and standard deviation (divisor RUNS). A curve that flattens means more data of the same "
                        + "kind adds little information. Upstream QUESTS's 'learning_curve' computes the same, drawing "
                        + "with replacement, the default here; --without-replacement draws distinct environments "
                        + "(then f = 1 gives the dataset's H in every run).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover entropy-curve examples/mlearn-si/Si-train.extxyz -o curve.json --plot curve.png",
                "  atomcover entropy-curve si.npy -f 0.05,0.1,0.2,0.5,1 -n 5 --seed 7 --without-replacement -o -"})
final class EntropyCurveCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Structures (.extxyz/.xyz) or a descriptor matrix (.npy).")
    Path file;

    @Option(names = {"-f", "--fractions"}, paramLabel = "F,F,...", split = ",",
            description = "Fractions of the environments to sample, each in (0, 1]. Default: 0.1,0.2,...,0.9 (upstream's).")
    double[] fractions = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    @Option(names = "--runs", paramLabel = "RUNS",
            description = "Samples per fraction. Default: ${DEFAULT-VALUE} (upstream's).")
    int runs = 3;

    @Option(names = "--without-replacement",
            description = "Draw distinct environments (upstream draws with replacement, so a sample may repeat one).")
    boolean withoutReplacement;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json",
            description = "Write the JSON report ('-': on stdout instead of the summary).")
    Path output;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg", description = "Also draw mean entropy +- std against the fraction.")
    Path plot;

    @Mixin
    TypesOption types;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    BackendOptions backendOptions;

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
        if (runs < 1) throw usage("--runs must be at least 1, got " + runs);
        if (fractions.length == 0) throw usage("--fractions needs at least one value");
        for (double f : fractions)
            if (!(f > 0 && f <= 1)) throw usage("--fractions: every fraction must be in (0, 1], got " + f);
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        files.output("-o", output, FilePlan.Names.JSON);
        files.output("--plot", plot, FilePlan.Names.PLOT);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Loaded in = Inputs.load(file, types.options(), descriptor, common);
        int n = in.descriptors().rows();
        for (double f : fractions)
            if (Math.floor(f * n) < 1)
                throw new CliFailure(file + ": fraction " + f + " of its " + n + " environments is an empty sample");
        EntropyCurve curve;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            curve = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()))
                    .entropyCurve(in.descriptors(), bandwidth.h, fractions, runs, !withoutReplacement, seed);
        }
        double seconds = secondsSince(t0);
        if (output != null) Json.write(output, report(in, curve, seconds), out());
        List<Path> plots = plot != null && writePlot(plot, () -> EntropyCurvePlot.write(plot, curve, file.getFileName().toString()))
                ? List.of(plot) : List.of();
        if (Json.STDOUT.equals(output)) return;
        var o = out();
        o.println(Text.format("%s: %d environments, %d runs per fraction, %s replacement, seed %d, h = %s",
                file, n, runs, withoutReplacement ? "without" : "with", seed, bandwidth.h));
        o.println(Text.format("%9s %8s %16s %12s %12s", "fraction", "size", "mean H (nats)", "std", "log size"));
        for (EntropyCurve.Point p : curve.points())
            o.println(Text.format("%9.4f %8d %16.6f %12.6f %12.6f", p.fraction(), p.size(), p.mean(), p.std(), Math.log(p.size())));
        Text.line(o, "time", Text.seconds(seconds));
        for (Path p : plots) Text.line(o, "plot", p.toString());
        if (output != null) Text.line(o, "report", output.toString());
    }

    private ObjectNode report(Inputs.Loaded in, EntropyCurve curve, double seconds) {
        ObjectNode r = Json.object();
        r.put("file", file.toString());
        r.put("n_envs", curve.population());
        r.put("bandwidth", bandwidth.h);
        if (!in.fromNpy()) {
            r.put("k", descriptor.k);
            r.put("cutoff", descriptor.cutoff);
            r.put("multicomponent", descriptor.multicomponent);
        }
        r.put("num_runs", runs);
        r.put("with_replacement", curve.withReplacement());
        r.put("seed", seed);
        r.put("threads", common.threads);
        r.put("seconds", seconds);
        ArrayNode fr = r.putArray("fractions");
        for (double f : fractions) fr.add(f);
        ArrayNode lc = r.putArray("learning_curve");
        for (EntropyCurve.Point p : curve.points()) {
            ObjectNode o = lc.addObject();
            o.put("fraction", p.fraction());
            o.put("size", p.size());
            ArrayNode e = o.putArray("entropies");
            for (double v : p.entropies()) e.add(v);
            o.put("mean_entropy", p.mean());
            o.put("std_entropy", p.std());
            o.put("max_entropy", Math.log(p.size()));
        }
        return r;
    }
}
