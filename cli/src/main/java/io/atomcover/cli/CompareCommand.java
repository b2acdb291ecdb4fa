package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.api.Comparison;
import io.atomcover.api.Comparison.Cell;
import io.atomcover.api.ComparisonOptions;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.io.InputException;
import io.atomcover.select.SelectionMethod;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover compare}: every selection method at every size, side by side. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Compare selection methods: entropy, diversity and overlap of each at several sizes.",
        description = {
                "Runs every method (-m) at every size (-s) on FILE and prints a table of the entropy and diversity of "
                        + "each selection and the overlap of the whole dataset with it (see 'atomcover compress --help' "
                        + "for the methods). The seeded methods (mean_fps, k_means, random) run once per seed and are "
                        + "reported as mean ± standard deviation (population, ddof = 0) over the seeds; msc, msc_compat "
                        + "(msc as upstream QUESTS scores it) and fps are deterministic. A '*' marks the best mean of "
                        + "each metric at each size.",
                "",
                "Nested methods (msc, msc_compat, fps, mean_fps, random: the first n picks are the selection of "
                        + "size n) run once to the largest size and are read at every size; k_means runs per size.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover compare examples/mlearn-si/Si-train.extxyz -s 10%%,25%%,50%% --seeds 3 -o si-compare.json --plot si-compare.png",
                "  atomcover compare Si-train.extxyz -s 21,54 -m msc,fps,random --seeds 5",
                "  atomcover compare Si-train.extxyz -s 0.1 -m msc,msc_compat"})
final class CompareCommand extends BaseCommand {
    static final String DEFAULT_METHODS = "msc,msc_compat,fps,mean_fps,k_means,random";

    @Parameters(index = "0", paramLabel = "FILE", description = "Structures to compress: any format of docs/formats.md (extxyz, VASP, LAMMPS), "
            + "FILE@SEL for some frames, - for standard input.")
    Path file;

    @Option(names = {"-s", "--sizes"}, paramLabel = "S", split = ",", required = true,
            description = "Sizes, comma-separated, each as compress -s takes it: a whole count (21), a percentage (10%%) or "
                    + "a fraction 0 < S < 1 (0.1); shares are rounded half to even.")
    List<String> sizeTexts;

    /** -s as parsed by {@link #validate}. */
    final List<SizeArg> sizes = new ArrayList<>();

    @Option(names = {"-m", "--methods"}, paramLabel = "METHOD", split = ",",
            description = "Methods, comma-separated, from " + DEFAULT_METHODS + ". Default: all of them.")
    List<String> methodNames = new ArrayList<>(List.of(DEFAULT_METHODS.split(",")));

    @Option(names = "--seeds", paramLabel = "N",
            description = "Runs of each seeded method (seeds SEED, SEED+1, ...). Default: ${DEFAULT-VALUE}.")
    int seeds = 3;

    @Option(names = "--seed", paramLabel = "SEED", description = "First seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json",
            description = "Write every value (means, standard deviations, per-seed values and selections) as JSON; "
                    + "'-' prints it on stdout instead of the table.")
    Path output;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg",
            description = "Plot entropy, diversity and overlap against size, one panel each, one line per method "
                    + "(error bars: standard deviation over seeds).")
    Path plot;

    @Mixin
    CoverageEpsOption coverage;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    TypesOption types;

    @Mixin
    CommonOptions common;

    final List<SelectionMethod> methods = new ArrayList<>();

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        for (String name : methodNames) {
            SelectionMethod m = SelectionMethod.byId(name);
            if (m == null) throw usage("unknown method '" + name + "': choose from " + SelectionMethod.ids());
            if (!methods.contains(m)) methods.add(m);
        }
        for (String t : sizeTexts) {
            try {
                sizes.add(SizeArg.parse("-s", t));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (seeds < 1) throw usage("--seeds must be at least 1, got " + seeds);
        if (Inputs.isNpy(file)) throw usage("compare selects structures: FILE must hold structures, not a descriptor matrix");
        coverage.validate();
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
        Inputs.Source src = Inputs.open(file, types.options());
        Dataset ds = src.dataset();
        for (int s = 0; s < ds.size(); s++)
            if (ds.get(s).size() == 0) throw new InputException(file, 0, "frame " + s + " (0-based) has no atoms; every structure needs one");
        int total = ds.size();
        int[] n = new int[sizes.size()];
        for (int i = 0; i < n.length; i++) {
            try {
                n[i] = sizes.get(i).resolve(total);
            } catch (IllegalArgumentException e) {
                throw usage("-s: " + e.getMessage() + " in " + file);
            }
            if (n[i] == 0) throw usage("-s " + sizes.get(i) + " selects no structure of the " + total + " in " + file);
            for (int j = 0; j < i; j++)
                if (n[j] == n[i]) throw usage("-s " + sizes.get(j).text() + " and " + sizes.get(i).text() + " both mean " + n[i] + " structures");
        }

        Descriptors d = Inputs.compute(ds, Inputs.descriptor(descriptor), common);
        double tDescriptors = secondsSince(t0);
        double[] requested = new double[n.length];
        for (int i = 0; i < n.length; i++) requested[i] = n[i];
        ComparisonOptions options = new ComparisonOptions(methods, requested, seeds, seed, bandwidth.h, coverage.eps);
        Comparison result;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            result = new Atomcover(backend, common.threads, Progress.phases(common.showProgress())).compare(d, options);
        }
        List<Cell> cells = result.cells();
        ObjectNode report = CompareReport.json(this, total, d.rows(), n, result, tDescriptors);
        ((ObjectNode) report.get("seconds")).put("total", secondsSince(t0));
        if (output != null) Json.write(output, report, out());
        // After the report, before the table: see writePlot.
        boolean plotted = plot != null && writePlot(plot, () -> Plots.write(plot, ComparePlot.panels(methods, cells, seeds), 3));
        if (Json.STDOUT.equals(output)) return;
        CompareReport.print(this, total, d.rows(), n, cells, plotted, secondsSince(t0));
    }
}
