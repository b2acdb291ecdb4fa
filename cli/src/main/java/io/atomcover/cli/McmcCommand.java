package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.api.Scoring;
import io.atomcover.backend.KdeBackend;
import io.atomcover.generate.McmcParameters;
import io.atomcover.generate.McmcRun;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.structure.Structure;
import io.atomcover.util.SeededDraw;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover mcmc}: a new structure whose environments reach a target dH against a reference set. */
@Command(name = "mcmc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Monte Carlo generation of a structure whose environments reach a target dH against REF.",
        description = {
                "Starts from one structure of REF (--index, or one drawn with --seed) and runs a Metropolis chain over "
                        + "its atomic positions, as upstream QUESTS's 'mcmc': each step displaces every coordinate by a "
                        + "Gaussian (--displacement), scores the proposal by the mean of |dH_i - target| over its "
                        + "environments (exact dH against all REF environments), draws U in [0, 1) and accepts when "
                        + "exp(-(score - current)/kT) > U. kT is annealed: it falls linearly from --temperature to 0 "
                        + "(floored at 1e-3) within each of --cycles periods. The first proposal is always accepted. "
                        + "The best proposal seen is written (with mcmc_score and mcmc_step in its info); cell and "
                        + "species are kept, forces and energies dropped. The same --seed gives the same structure.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover mcmc examples/mlearn-si/Si-train.extxyz -i 0 -n 200 -t 5 --seed 1 -o new.extxyz --log mcmc.json",
                "  atomcover mcmc ref.extxyz -n 1000 --compare -o start-and-best.extxyz"})
final class McmcCommand extends BaseCommand {
    private static final FilePlan.Names FRAMES = FilePlan.Names.of(".extxyz", ".xyz");

    @Parameters(index = "0", paramLabel = "REF", description = "Reference structures (.extxyz/.xyz); the start is one of them.")
    Path reference;

    @Option(names = {"-i", "--index"}, paramLabel = "I",
            description = "0-based index of the starting structure in REF. Default: one drawn with --seed.")
    Integer index;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.extxyz", required = true,
            description = "Where to write the best structure (.extxyz/.xyz; replaced atomically).")
    Path output;

    @Option(names = "--compare", description = "Write the starting structure before the best one.")
    boolean compare;

    @Option(names = "--log", paramLabel = "LOG.json",
            description = "Write a JSON log: settings, best score and step, and every step's kT, score, U and decision ('-': stdout).")
    Path log;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the start draw and the chain. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    TypesOption types;

    @Mixin
    McmcOptions mcmc;

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
        mcmc.validate();
        if (index != null && index < 0) throw usage("--index must be at least 0, got " + index);
        if (Inputs.isNpy(reference)) throw usage("REF must be structures (.extxyz/.xyz): the chain moves atoms");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(reference);
        files.output("-o", output, FRAMES);
        files.output("--log", log, FilePlan.Names.JSON);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        GenerationSetup.Reference ref = GenerationSetup.load(reference, types.options(), descriptor, common);
        int n = ref.dataset().size();
        if (index != null && index >= n)
            throw new CliFailure(reference + ": --index " + index + " is beyond its " + n + " structures (0.." + (n - 1) + ")");
        // The start and the chain take different seeds from the one given, so neither repeats the other's draws.
        int start = index != null ? index : SeededDraw.withoutReplacement(seed, n, 1)[0];
        McmcParameters p = mcmc.parameters();
        McmcRun run;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            run = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()))
                    .mcmc(ref.dataset().get(start), ref.rows(), ref.descriptor(), bandwidth.h, p, Scoring.EXACT, seed + 1);
        }
        double seconds = secondsSince(t0);
        List<Structure> frames = compare ? List.of(ref.dataset().get(start), run.best()) : List.of(run.best());
        ExtXyzWriter.write(output, frames);
        if (log != null) {
            ObjectNode j = Json.object();
            j.put("reference_file", reference.toString());
            j.put("start_index", start);
            j.put("seed", seed);
            j.put("steps", p.steps());
            j.put("target", p.target());
            j.put("temperature", p.temperature());
            j.put("displacement", p.displacement());
            j.put("cycles", p.cycles());
            j.put("bandwidth", bandwidth.h);
            j.put("k", descriptor.k);
            j.put("cutoff", descriptor.cutoff);
            j.put("multicomponent", descriptor.multicomponent);
            j.put("output", output.toString());
            j.put("seconds", seconds);
            GenerationSetup.chain(j.putObject("chain"), run);
            Json.write(log, j, out());
        }
        if (Json.STDOUT.equals(log)) return;
        var o = out();
        o.println(Text.format("%s: chain of %d steps from structure %d (%d atoms), target dH %s, seed %d",
                reference, p.steps(), start, ref.dataset().get(start).size(), p.target(), seed));
        Text.line(o, "best score", Text.format("%.6f (mean |dH - target|) at step %d", run.bestScore(), run.bestStep()));
        Text.line(o, "accepted", Text.format("%d of %d proposals", run.acceptedCount(), p.steps()));
        Text.line(o, "time", Text.seconds(seconds));
        Text.line(o, "written", output + (compare ? " (start, then best)" : ""));
    }
}
