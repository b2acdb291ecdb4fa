package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.metrics.Bandwidth;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover bandwidth}: the kernel bandwidth that upstream QUESTS's rules give a volume per atom. */
@Command(name = "bandwidth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Kernel bandwidth h from the volume per atom, by both of upstream QUESTS's rules.",
        description = {
                "Prints h for a volume per atom v (angstrom^3/atom), given as VOLUME or measured as the mean "
                        + "cell volume per atom of the periodic structures of --from FILE, by the two rules of "
                        + "upstream QUESTS (its 'quests bandwidth' command and get_bandwidth):",
                "  gaussian: h = 0.0897141 exp(-(v/10.896)^2 / 2) + 0.0119417",
                "  cutoff:   h = 0.086164 (1 - (z/11.61172)^2)^2 + 0.016, z = min((ln v)^2, 11.61172)",
                "Denser materials get a wider kernel. --rule marks the one reported as 'bandwidth'; both are "
                        + "always printed. 'entropy --bandwidth-rule RULE' applies a rule directly.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover bandwidth 20.0",
                "  atomcover bandwidth --from examples/mlearn-si/Si-train.extxyz --rule cutoff -o -",
                "  atomcover entropy examples/mlearn-si/Si-train.extxyz --bandwidth-rule cutoff"})
final class BandwidthCommand extends BaseCommand {
    /** Where the volume comes from: a number or a structure file. */
    static final class Source {
        @Parameters(index = "0", paramLabel = "VOLUME", description = "Volume per atom, in angstrom^3/atom.")
        Double volume;

        @Option(names = "--from", paramLabel = "FILE",
                description = "Measure v as the mean cell volume per atom of the periodic structures of FILE (.extxyz/.xyz).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Rule reported as 'bandwidth': ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    BandwidthOptions.Rule rule = BandwidthOptions.Rule.gaussian;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json",
            description = "Also write a JSON report (volume_per_atom, bandwidth, rule, gaussian, cutoff); '-' prints it on stdout instead of the summary.")
    Path output;

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
        if (source.volume != null && !(source.volume > 0 && Double.isFinite(source.volume)))
            throw usage("VOLUME must be a positive number of angstrom^3 per atom, got " + source.volume);
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(source.file);
        files.output("-o", output, FilePlan.Names.JSON);
    }

    @Override
    void run() throws Exception {
        double v = source.volume != null ? source.volume : Inputs.volumePerAtom(Inputs.readDataset(source.file, types.options()));
        double gaussian = Bandwidth.gaussian(v);
        double cutoff = Bandwidth.cutoff(v);
        ObjectNode report = Json.object();
        report.put("volume_per_atom", v);
        report.put("rule", rule.name());
        report.put("bandwidth", rule.apply(v));
        report.put("gaussian", gaussian);
        report.put("cutoff", cutoff);
        if (source.file != null) report.put("file", source.file.toString());
        if (output != null) Json.write(output, report, out());
        if (Json.STDOUT.equals(output)) return;
        var o = out();
        Text.line(o, "volume", Text.format("%.4f A^3/atom%s", v, source.file == null ? "" : " (mean over the periodic structures of " + source.file + ")"));
        Text.line(o, "gaussian", Text.format("h = %.6f", gaussian) + (rule == BandwidthOptions.Rule.gaussian ? "  <- bandwidth" : ""));
        Text.line(o, "cutoff", Text.format("h = %.6f", cutoff) + (rule == BandwidthOptions.Rule.cutoff ? "  <- bandwidth" : ""));
    }
}
