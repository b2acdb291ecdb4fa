package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.api.Compression;
import io.atomcover.api.CompressionOptions;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.InputException;
import io.atomcover.io.CompressedStreams;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.io.StructureFiles;
import io.atomcover.io.XyzFrames;
import io.atomcover.select.SelectionMethod;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover compress}: choose an informative subset of a dataset's structures. */
@Command(name = "compress",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Compress a dataset: select the structures that keep most of its information.",
        description = {
                "Selects S structures of FILE and reports what the selection keeps: the entropy and diversity "
                        + "of its environments, the overlap of the whole dataset with it (fraction of FILE's environments "
                        + "with dH < EPS against the selection), environment counts and, for datasets with a per-atom "
                        + "'forces' column, how well the tails of the force-magnitude distribution survive (quantiles and "
                        + "a two-sample Kolmogorov-Smirnov test).",
                "",
                "Methods: msc (default) greedy minimum set cover: every step takes the structure with the largest "
                        + "H_s + dH_s, its entropy plus the novelty of its least covered environment; fps farthest-point "
                        + "sampling of structures by mean pairwise environment distance; mean_fps farthest-point sampling "
                        + "of mean descriptors from a seeded random start; k_means one structure per k-means cluster of "
                        + "mean descriptors (seeded); random (seeded).",
                "",
                "msc scores in log space by default, so structures far from everything chosen are ranked by how far "
                        + "they are; --compat quests scores as the upstream QUESTS program does (linear sums: "
                        + "infinitely novel structures tie and the smallest index wins). --compat-check also makes a "
                        + "compat run and reports how many picks differ (compat_deviations, null without it).",
                "",
                "Greedy selections are nested: the first n picks are the selection of size n. --full orders every "
                        + "structure (one ordering answers every size); --curve and --plot give entropy, diversity and "
                        + "overlap of every prefix; --optimal picks the prefix size with the largest entropy x diversity.",
                "",
                "Outputs (-o, repeatable, by extension): .json report; .extxyz/.xyz the selected frames in selection "
                        + "order, copied byte for byte from an extxyz FILE (written as extxyz from other formats; "
                        + ".gz/.xz/.bz2 after the extension compresses them); .txt their 0-based indices, one per line; '-' the JSON on stdout. --plot OUT.png|OUT.svg draws "
                        + "the curve; for datasets with forces a histogram of |F| (log scale), whole set vs selection, "
                        + "goes next to it as OUT-forces.png|svg.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover compress examples/mlearn-si/Si-train.extxyz -s 10%% -o si-10.json -o si-10.txt",
                "  atomcover compress Si-train.extxyz -s 54 -o si-54.extxyz -o si-54.json",
                "  atomcover compress Si-train.extxyz -s 21 --compat quests -o golden-21.json",
                "  atomcover compress Si-train.extxyz -m fps -s 0.25 -o fps.json",
                "  atomcover compress Si-train.extxyz -m random --seed 7 -s 0.1 -o random.extxyz",
                "  atomcover compress Si-train.extxyz --full --curve si-curve.csv --plot si-curve.png",
                "  atomcover compress Si-train.extxyz --optimal -o best.json -o best.extxyz --plot best.svg",
                "  atomcover compress new-data.extxyz -r already-have.extxyz -s 100 -o extra.extxyz",
                "  atomcover compress huge.extxyz -s 0.01 --chunks 10 -o small.extxyz"})
final class CompressCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Structures to compress: any format in docs/formats.md "
            + "(extxyz/xyz, POSCAR, OUTCAR, vasprun.xml, LAMMPS dump/data, optionally .gz/.xz/.bz2), FILE@SEL for some "
            + "frames (ASE's start:stop:step), or '-' for standard input.")
    Path file;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "Selection method: msc, fps, mean_fps, k_means, random (msc_compat = msc --compat quests). Default: msc.")
    String methodName = "msc";

    @Option(names = {"-s", "--size"}, paramLabel = "S",
            description = "Structures to select: a whole count (21), a percentage of the dataset (10%%) or a fraction "
                    + "0 < S < 1 (0.1); shares are rounded half to even, as NumPy: 0.1 x 214 -> 21. A decimal of 1 or more "
                    + "is refused (write 1 for one structure, 100%% for all). Required unless --full or --optimal.")
    String sizeText;

    /** -s as parsed by {@link #validate}, or null. */
    SizeArg size;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the selection: OUT.json (report), OUT.extxyz or OUT.xyz (the selected frames, verbatim, "
                    + "in selection order; add .gz, .xz or .bz2 to compress them), OUT.txt (one 0-based frame index per line, "
                    + "in selection order), '-' (JSON on stdout instead of the summary). Repeat for several outputs.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--full",
            description = "Order every structure (with -s, report the first S; without, the whole ordering). "
                    + "Not for k_means, whose selections are not nested.")
    boolean full;

    @Option(names = "--optimal",
            description = "Order every structure and select the prefix size with the largest entropy x diversity; "
                    + "reports the size and the whole curve. Replaces -s.")
    boolean optimal;

    @Option(names = "--compat", paramLabel = "quests",
            description = "msc only: score as the upstream QUESTS program does (reproduces its selections).")
    String compat;

    @Option(names = {"-r", "--reference"}, paramLabel = "REF",
            description = "msc only: conditional compression. REF's environments (structures, or a .npy descriptor "
                    + "matrix) count as already covered; there is no forced first pick. Picks are indices into FILE.")
    Path reference;

    @Option(names = "--chunks", paramLabel = "N",
            description = "msc only: segmented compression for very large inputs; cut the structures into chunks of "
                    + "N x size, compress each, repeat on the survivors until one chunk remains (N >= 2).")
    Integer chunks;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed of mean_fps, k_means and random. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--curve", paramLabel = "OUT.csv",
            description = "Write size, environments, entropy, diversity, overlap of every prefix (every structure with "
                    + "--full/--optimal, else up to the selection size).")
    Path curve;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg",
            description = "Plot entropy, diversity and overlap against size (the curve); with forces also the |F| "
                    + "histogram as OUT-forces.png|svg.")
    Path plot;

    @Option(names = "--compat-check", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Default-mode msc: also run compat mode and report how many picks differ as "
                    + "compat_deviations (null without it). Doubles the selection time. Default: off.")
    boolean compatCheck;

    @Mixin
    CoverageEpsOption coverage;

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

    SelectionMethod method;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        method = SelectionMethod.byId(methodName);
        if (method == null) throw usage("unknown method '" + methodName + "': choose one of " + SelectionMethod.ids());
        if (compat != null) {
            if (!compat.equalsIgnoreCase("quests")) throw usage("--compat takes 'quests', got '" + compat + "'");
            if (!method.isMsc()) throw usage("--compat applies to msc, not " + method.id());
            method = SelectionMethod.MSC_COMPAT;
        }
        if (Inputs.isNpy(file)) throw usage("compress selects structures: FILE must hold structures, not a descriptor matrix");
        if (optimal && sizeText != null) throw usage("--optimal chooses the size itself: leave out -s");
        if (sizeText == null && !full && !optimal) throw usage("give the size to select with -s (or --full, or --optimal)");
        if (sizeText != null) {
            try {
                size = SizeArg.parse("-s", sizeText);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (!method.isMsc() && (reference != null || chunks != null))
            throw usage((reference != null ? "--reference" : "--chunks") + " applies to msc, not " + method.id());
        if (reference != null && chunks != null) throw usage("--reference and --chunks cannot be combined");
        if (chunks != null && chunks < 2) throw usage("--chunks must be at least 2, got " + chunks);
        if (spark.given() && chunks == null) throw usage("--spark runs segmented compression: give --chunks N");
        if (chunks != null && (full || optimal))
            throw usage("--chunks selections are not nested across sizes: it cannot be combined with --full or --optimal");
        if (!method.nested() && (full || optimal || curve != null || plot != null))
            throw usage(method.id() + " selections are not nested (a prefix is not the selection of that size): "
                    + "--full, --optimal, --curve and --plot need msc, fps, mean_fps or random");
        coverage.validate();
        tolerance.validate();
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        files.input(reference);
        for (Path o : outputs) files.output("-o", o, OUTPUTS);
        files.output("--curve", curve, FilePlan.Names.CSV);
        files.output("--plot", plot, FilePlan.Names.PLOT);
        // Written only for datasets with forces, which is not known yet: checked in any case.
        if (plot != null) files.derivedOutput("--plot " + plot, Plots.companion(plot, "forces"));
    }

    /** What -o accepts: a report, selected frames, or the report on stdout. */
    private static final FilePlan.Names OUTPUTS = FilePlan.Names.of(".json", ".extxyz", ".xyz", PicksFile.EXTENSION).orStdout()
            .compressed(".extxyz", ".xyz");

    /** Selected frames: .extxyz or .xyz, compressed when the name goes on with .gz, .xz or .bz2. */
    private static boolean isFrames(Path p) {
        String name = CompressedStreams.baseName(p).toLowerCase(Locale.ROOT);
        return name.endsWith(".extxyz") || name.endsWith(".xyz");
    }

    private static boolean isJson(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Source src = Inputs.open(file, types.options());
        Dataset ds = src.dataset();
        for (int s = 0; s < ds.size(); s++)
            if (ds.get(s).size() == 0) throw new InputException(file, 0, "frame " + s + " (0-based) has no atoms; every structure needs one");
        Integer wanted = null;
        if (size != null) {
            try {
                wanted = size.resolve(ds.size());
            } catch (IllegalArgumentException e) {
                throw usage("-s: " + e.getMessage() + " in " + file);
            }
            if (wanted == 0) throw usage("-s " + size + " selects no structure of the " + ds.size() + " in " + file);
        }

        QuestsDescriptor q = Inputs.descriptor(descriptor);
        Inputs.Source refSrc = reference == null ? null : Inputs.open(reference, types.options());
        if (descriptor.multicomponent && refSrc != null && !refSrc.isMatrix()) {
            List<Structure> both = new ArrayList<>(ds.structures());
            both.addAll(refSrc.dataset().structures());
            q = q.species(q.speciesFor(both));
        }
        Descriptors d = Inputs.compute(ds, q, common);
        Descriptors ref = refSrc == null ? null : Inputs.describe(refSrc, q, common).descriptors();
        if (ref != null) Inputs.requireSameDim(reference, ref, file, d, descriptor.multicomponent);
        double tDescriptors = secondsSince(t0);

        CompressionOptions.Builder options = CompressionOptions.builder().method(method).full(full).optimal(optimal)
                .curve(curve != null || plot != null).compatCheck(compatCheck).bandwidth(bandwidth.h).eps(coverage.eps)
                .seed(seed).reference(ref).chunks(chunks == null ? 0 : chunks).tolerance(tolerance.rel);
        if (wanted != null) options.size(wanted);
        Compression r;
        try (KdeBackend backend = spark.open(backendOptions, common, err())) {
            r = new Atomcover(backend, common.threads, Progress.phases(common.showProgress())).compress(ds, d, options.build());
        }
        CompressReport report = new CompressReport(this, ds, d, r);
        ObjectNode json = report.json(tDescriptors);

        long tw = System.nanoTime();
        // frames of a whole, uncompressed (ext)XYZ file are copied byte for byte; any other input is written as extxyz
        boolean verbatim = StructureFiles.isWholePlainXyz(file);
        XyzFrames frames = null;
        for (Path o : outputs) {
            if (Json.STDOUT.equals(o) || !isFrames(o)) continue;
            if (!verbatim) {
                ExtXyzWriter.write(o, ds, r.selected().indices());
                continue;
            }
            if (frames == null) frames = XyzFrames.index(file, ds);
            frames.copy(r.selected().indices(), o);
        }
        for (Path o : outputs) if (PicksFile.is(o)) PicksFile.write(o, r.selected().indices());
        if (curve != null) CurveOutput.writeCsv(curve, r.curve());
        // The plots come after the reports (and their time is not in them): see writePlot.
        ((ObjectNode) json.get("seconds")).put("output", secondsSince(tw));
        ((ObjectNode) json.get("seconds")).put("total", secondsSince(t0));
        for (Path o : outputs) if (isJson(o)) Json.write(o, json, out());
        if (outputs.contains(Json.STDOUT)) Json.write(Json.STDOUT, json, out());
        List<Path> plots = plot == null ? List.of() : report.writePlots();
        if (!outputs.contains(Json.STDOUT)) report.summary(plots, secondsSince(t0));
    }
}
