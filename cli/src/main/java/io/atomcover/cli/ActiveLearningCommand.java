package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.api.Scoring;
import io.atomcover.backend.KdeBackend;
import io.atomcover.generate.ActiveLearning;
import io.atomcover.generate.McmcParameters;
import io.atomcover.generate.McmcRun;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover active-learning}: generations of Monte Carlo chains that grow a dataset. */
@Command(name = "active-learning",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Generations of Monte Carlo chains whose new structures join the reference of the next generation.",
        description = {
                "As upstream QUESTS's 'active_learning': in each of --generations generations, draws --structures "
                        + "starting structures without replacement from REF plus every structure generated so far, runs "
                        + "one 'atomcover mcmc' chain from each against that whole pool, and adds the chains' best "
                        + "structures to the pool. Writes the generated structures (with generation, source_index, "
                        + "mcmc_score and mcmc_step in their info), or REF followed by them with --full. "
                        + "dH is exact unless --approx (upstream scores with an approximate index); with exact dH the "
                        + "same --seed gives the same structures.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover active-learning examples/mlearn-si/Si-train.extxyz -g 2 -s 3 -n 100 -t 5 --seed 1 -o new.extxyz --log al.json",
                "  atomcover active-learning big.extxyz -g 10 -s 20 --approx --full -o grown.extxyz"})
final class ActiveLearningCommand extends BaseCommand {
    private static final FilePlan.Names FRAMES = FilePlan.Names.of(".extxyz", ".xyz");

    @Parameters(index = "0", paramLabel = "REF", description = "Reference structures (.extxyz/.xyz).")
    Path reference;

    @Option(names = {"-g", "--generations"}, paramLabel = "G", description = "Generations. Default: ${DEFAULT-VALUE}.")
    int generations = 10;

    @Option(names = "--structures", paramLabel = "S",
            description = "Chains (starting structures) per generation; at most the structures of REF. Default: ${DEFAULT-VALUE}.")
    int structures = 1;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.extxyz", required = true,
            description = "Where to write the generated structures (.extxyz/.xyz; replaced atomically).")
    Path output;

    @Option(names = "--full", description = "Write REF's structures before the generated ones.")
    boolean full;

    @Option(names = "--log", paramLabel = "LOG.json",
            description = "Write a JSON log: settings and, per generation, the starts and every chain's steps ('-': stdout).")
    Path log;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the start draws and the chains. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    TypesOption types;

    @Mixin
    McmcOptions mcmc;

    @Mixin
    ApproxOptions approx;

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
        approx.validate();
        if (generations < 1) throw usage("--generations must be at least 1, got " + generations);
        if (structures < 1) throw usage("--structures must be at least 1, got " + structures);
        if (Inputs.isNpy(reference)) throw usage("REF must be structures (.extxyz/.xyz): the chains move atoms");
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
        if (structures > ref.dataset().size())
            throw new CliFailure(reference + ": --structures " + structures + " is more than its " + ref.dataset().size() + " structures");
        McmcParameters p = mcmc.parameters();
        Scoring scoring = approx.approx ? Scoring.approximate(approx.k, approx.parameters()) : Scoring.EXACT;
        ActiveLearning.Run run;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            run = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()))
                    .activeLearning(ref.dataset(), ref.rows(), ref.descriptor(), bandwidth.h, p, scoring, generations, structures, seed);
        }
        double seconds = secondsSince(t0);
        List<Structure> frames = new ArrayList<>();
        if (full) frames.addAll(ref.dataset().structures());
        frames.addAll(run.generated());
        ExtXyzWriter.write(output, frames);
        if (log != null) Json.write(log, report(p, run, seconds), out());
        if (Json.STDOUT.equals(log)) return;
        var o = out();
        o.println(Text.format("%s: %d generations of %d chains of %d steps, target dH %s, %s dH, seed %d",
                reference, generations, structures, p.steps(), p.target(), approx.approx ? "approximate" : "exact", seed));
        o.println(Text.format("%10s %s", "generation", "best scores (mean |dH - target|)"));
        for (int g = 0; g < run.generations().size(); g++) {
            StringBuilder sb = new StringBuilder();
            for (McmcRun r : run.generations().get(g).chains()) sb.append(Text.format(" %.4f", r.bestScore()));
            o.println(Text.format("%10d%s", g + 1, sb));
        }
        Text.line(o, "time", Text.seconds(seconds));
        Text.line(o, "written", output + ": " + frames.size() + " structures" + (full ? " (REF, then the generated ones)" : ""));
    }

    private ObjectNode report(McmcParameters p, ActiveLearning.Run run, double seconds) {
        ObjectNode j = Json.object();
        j.put("reference_file", reference.toString());
        j.put("generations", generations);
        j.put("structures", structures);
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
        j.put("approximate", approx.approx);
        if (approx.approx) {
            j.put("approx_k", approx.k);
            j.put("hnsw_m", approx.parameters().m());
            j.put("hnsw_ef_construction", approx.parameters().efConstruction());
            j.put("hnsw_ef", approx.parameters().ef());
        }
        j.put("full", full);
        j.put("output", output.toString());
        j.put("seconds", seconds);
        ArrayNode gens = j.putArray("log");
        for (int g = 0; g < run.generations().size(); g++) {
            ActiveLearning.Generation gen = run.generations().get(g);
            ObjectNode go = gens.addObject();
            go.put("generation", g + 1);
            ArrayNode chains = go.putArray("chains");
            for (int c = 0; c < gen.chains().size(); c++) {
                ObjectNode co = chains.addObject();
                co.put("start_index", gen.starts()[c]);
                GenerationSetup.chain(co, gen.chains().get(c));
            }
        }
        return j;
    }
}
