package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Dataset;
import io.atomcover.io.InputException;
import io.atomcover.structure.Structure;
import io.atomcover.io.XyzFrames;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.ForceTails;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.Selection;
import io.atomcover.select.SelectionCurve;
import io.atomcover.select.SelectionSize;
import io.atomcover.select.SelectionSummary;
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
                        + "infinitely novel structures tie and the smallest index wins). A default-mode run also makes "
                        + "a compat run and reports how many picks differ (--no-compat-check skips it).",
                "",
                "Greedy selections are nested: the first n picks are the selection of size n. --full orders every "
                        + "structure (one ordering answers every size); --curve and --plot give entropy, diversity and "
                        + "overlap of every prefix; --optimal picks the prefix size with the largest entropy x diversity.",
                "",
                "Outputs (-o, repeatable, by extension): .json report; .extxyz/.xyz the selected frames in selection "
                        + "order, copied byte for byte from FILE; '-' the JSON on stdout. --plot OUT.png|OUT.svg draws "
                        + "the curve; for datasets with forces a histogram of |F| (log scale), whole set vs selection, "
                        + "goes next to it as OUT-forces.png|svg.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover compress examples/mlearn-si/Si-train.extxyz -s 0.1 -o si-10.json",
                "  atomcover compress Si-train.extxyz -s 54 -o si-54.extxyz -o si-54.json",
                "  atomcover compress Si-train.extxyz -s 21 --compat quests -o golden-21.json",
                "  atomcover compress Si-train.extxyz -m fps -s 0.25 -o fps.json",
                "  atomcover compress Si-train.extxyz -m random --seed 7 -s 0.1 -o random.extxyz",
                "  atomcover compress Si-train.extxyz --full --curve si-curve.csv --plot si-curve.png",
                "  atomcover compress Si-train.extxyz --optimal -o best.json -o best.extxyz --plot best.svg",
                "  atomcover compress new-data.extxyz -r already-have.extxyz -s 100 -o extra.extxyz",
                "  atomcover compress huge.extxyz -s 0.01 --chunks 10 -o small.extxyz"})
final class CompressCommand extends BaseCommand {
    /** Bins of the force-magnitude histogram. */
    static final int FORCE_BINS = 60;

    @Parameters(index = "0", paramLabel = "FILE", description = "Structures to compress (.extxyz or .xyz).")
    Path file;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "Selection method: msc, fps, mean_fps, k_means, random (msc_compat = msc --compat quests). Default: msc.")
    String methodName = "msc";

    @Option(names = {"-s", "--size"}, paramLabel = "S",
            description = "Structures to select: a fraction 0 < S < 1 of the dataset (rounded half to even, as NumPy: "
                    + "0.1 x 214 -> 21) or a whole count 1 <= S <= structures. Required unless --full or --optimal.")
    Double size;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the selection: OUT.json (report), OUT.extxyz or OUT.xyz (the selected frames, verbatim, "
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

    @Option(names = "--compat-check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Default-mode msc: also run compat mode and report how many picks differ (doubles the "
                    + "selection time). Default: on.")
    boolean compatCheck = true;

    @Mixin
    CoverageEpsOption coverage;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    CommonOptions common;

    private Method method;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        method = Method.parse(methodName);
        if (method == null) throw usage("unknown method '" + methodName + "': choose one of " + Method.names());
        if (compat != null) {
            if (!compat.equalsIgnoreCase("quests")) throw usage("--compat takes 'quests', got '" + compat + "'");
            if (!method.isMsc()) throw usage("--compat applies to msc, not " + method.cliName());
            method = Method.MSC_COMPAT;
        }
        if (Inputs.isNpy(file)) throw usage("compress selects structures: FILE must be .extxyz or .xyz, not a descriptor matrix");
        if (optimal && size != null) throw usage("--optimal chooses the size itself: leave out -s");
        if (size == null && !full && !optimal) throw usage("give the size to select with -s (or --full, or --optimal)");
        if (size != null) {
            if (!(size > 0) || Double.isInfinite(size)) throw usage("-s must be a fraction in (0, 1) or a whole count >= 1, got " + size);
            if (size >= 1 && size != Math.rint(size)) throw usage("-s " + size + ": a size of 1 or more is a count and must be whole");
        }
        if (!method.isMsc() && (reference != null || chunks != null))
            throw usage((reference != null ? "--reference" : "--chunks") + " applies to msc, not " + method.cliName());
        if (reference != null && chunks != null) throw usage("--reference and --chunks cannot be combined");
        if (chunks != null && chunks < 2) throw usage("--chunks must be at least 2, got " + chunks);
        if (chunks != null && (full || optimal))
            throw usage("--chunks selections are not nested across sizes: it cannot be combined with --full or --optimal");
        if (!method.nested && (full || optimal || curve != null || plot != null))
            throw usage(method.cliName() + " selections are not nested (a prefix is not the selection of that size): "
                    + "--full, --optimal, --curve and --plot need msc, fps, mean_fps or random");
        coverage.validate();
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
    private static final FilePlan.Names OUTPUTS = FilePlan.Names.of(".json", ".extxyz", ".xyz").orStdout();

    /** Output kinds by extension. */
    private enum Kind { JSON, FRAMES }

    private static Kind kindOf(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return Kind.JSON;
        if (name.endsWith(".extxyz") || name.endsWith(".xyz")) return Kind.FRAMES;
        return null;
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();

        Inputs.Source src = Inputs.open(file);
        Dataset ds = src.dataset();
        for (int s = 0; s < ds.size(); s++)
            if (ds.get(s).size() == 0) throw new InputException(file, 0, "frame " + s + " (0-based) has no atoms; every structure needs one");
        int total = ds.size();
        Integer wanted = null;
        if (size != null) {
            try {
                wanted = SelectionSize.resolve(size, total);
            } catch (IllegalArgumentException e) {
                throw usage("-s: " + e.getMessage() + " in " + file);
            }
            if (wanted == 0) throw usage("-s " + size + " selects no structure of the " + total + " in " + file);
        }

        QuestsDescriptor q = Inputs.descriptor(descriptor);
        Inputs.Source refSrc = reference == null ? null : Inputs.open(reference);
        if (descriptor.multicomponent && refSrc != null && !refSrc.isMatrix()) {
            List<Structure> both = new ArrayList<>(ds.structures());
            both.addAll(refSrc.dataset().structures());
            q = q.species(q.speciesFor(both));
        }
        Descriptors d = Inputs.compute(ds, q, common);
        Descriptors ref = refSrc == null ? null : Inputs.describe(refSrc, q, common).descriptors();
        if (ref != null && ref.dim() != d.dim())
            throw new InputException(reference, 0, "descriptor length " + ref.dim() + " differs from " + d.dim() + " of " + file
                    + (descriptor.multicomponent ? " (multicomponent blocks depend on the species present)" : ""));
        double tDescriptors = secondsSince(t0);

        Outcome r;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            r = compute(backend, d, ref, total, wanted);
        }
        long tf = System.nanoTime();
        ForceTails tails = ForceTails.available(ds) ? ForceTails.of(ds, r.selected.indices()) : null;
        r.metricsSeconds += secondsSince(tf);
        ObjectNode report = report(ds, d, r, tails, tDescriptors);

        long tw = System.nanoTime();
        XyzFrames frames = null;
        for (Path o : outputs) {
            if (Json.STDOUT.equals(o)) continue;
            if (kindOf(o) == Kind.FRAMES) {
                if (frames == null) frames = XyzFrames.index(file, ds);
                frames.copy(r.selected.indices(), o);
            }
        }
        if (curve != null) CurveOutput.writeCsv(curve, r.curve);
        // The plots come after the reports (and their time is not in them): see writePlot.
        ((ObjectNode) report.get("seconds")).put("output", secondsSince(tw));
        ((ObjectNode) report.get("seconds")).put("total", secondsSince(t0));
        for (Path o : outputs) if (kindOf(o) == Kind.JSON) Json.write(o, report, out());
        if (outputs.contains(Json.STDOUT)) Json.write(Json.STDOUT, report, out());
        List<Path> plots = plot == null ? List.of() : writePlots(ds, r, tails);
        if (!outputs.contains(Json.STDOUT)) summary(ds, d, r, tails, plots, secondsSince(t0));
    }

    /** Everything the selection produced. */
    private static final class Outcome {
        Selection ordering;
        double[] scores;
        Selection selected;
        Integer deviations;
        SelectionCurve curve;
        SelectionSummary summary;
        double selectionSeconds;
        double compatSeconds;
        double curveSeconds;
        double metricsSeconds;
        String backendName;
    }

    private Outcome compute(KdeBackend backend, Descriptors d, Descriptors ref, int total, Integer wanted) {
        Outcome r = new Outcome();
        double h = bandwidth.h;
        boolean ordersAll = full || optimal;
        int runSize = ordersAll ? total : wanted;
        boolean show = common.showProgress();

        long t = System.nanoTime();
        double[] entropies = null;
        if (method == Method.MSC || method == Method.MSC_COMPAT || method == Method.FPS) {
            try (Progress p = Progress.start("structure entropies", " structures", show, System.err)) {
                entropies = new InformationMetrics(backend).structureEntropies(d, h, common.threads, p);
            }
        }
        try (Progress p = Progress.start(method.cliName(), " picks", show, System.err)) {
            if (method.isMsc()) {
                MscResult m = Method.msc(new MscSelector(backend, h, method.mscMode(), p), d, entropies, runSize, ref,
                        chunks == null ? 0 : chunks);
                r.ordering = m.selection();
                r.scores = m.scores();
            } else {
                r.ordering = method.select(backend, d, entropies, h, runSize, seed, p);
            }
        }
        r.selectionSeconds = secondsSince(t);

        MscResult compatRun = null;
        if (method == Method.MSC && compatCheck) {
            t = System.nanoTime();
            try (Progress p = Progress.start("compat check", " picks", show, System.err)) {
                compatRun = Method.msc(new MscSelector(backend, h, MscSelector.Mode.COMPAT, p), d, entropies, runSize, ref,
                        chunks == null ? 0 : chunks);
            }
            r.compatSeconds = secondsSince(t);
        }

        if (curve != null || plot != null || optimal) {
            t = System.nanoTime();
            try (Progress p = Progress.start("curve", " prefixes", show, System.err)) {
                r.curve = SelectionCurve.of(backend, d, r.ordering.indices(), h, true, coverage.eps, p);
            }
            r.curveSeconds = secondsSince(t);
        }
        int n = optimal ? CurveOutput.optimalSize(r.curve) : wanted != null ? wanted : total;
        r.selected = r.ordering.prefix(n);
        if (compatRun != null)
            r.deviations = MscSelector.differingPositions(r.selected.indices(), compatRun.selection().prefix(n).indices());

        t = System.nanoTime();
        try (Progress p = Progress.start("metrics", " environments", show, System.err)) {
            r.summary = SelectionSummary.of(backend, d, r.selected.indices(), h, coverage.eps, p);
        }
        r.metricsSeconds = secondsSince(t);
        // At the end: under auto a device that failed in mid-run has handed the work to the CPU.
        r.backendName = backend.name();
        return r;
    }

    private ObjectNode report(Dataset ds, Descriptors d, Outcome r, ForceTails tails, double tDescriptors) {
        SelectionSummary s = r.summary;
        int n = r.selected.size();
        ObjectNode o = Json.object();
        o.put("method", method.isMsc() ? "msc" : method.cliName());
        o.put("size", n);
        ArrayNode sel = o.putArray("selected");
        for (int i : r.selected.indices()) sel.add(i);
        Json.putFinite(o, "entropy", s.entropy());
        Json.putFinite(o, "diversity", s.diversity());
        Json.putFinite(o, "overlap", s.overlap());
        o.put("original_size", s.originalSize());
        o.put("compressed_size", s.compressedSize());
        o.put("original_envs", s.originalEnvs());
        o.put("compressed_envs", s.compressedEnvs());
        if (method == Method.MSC) {
            if (r.deviations == null) o.putNull("compat_deviations");
            else o.put("compat_deviations", r.deviations);
        }
        if (r.scores != null) {
            ArrayNode sc = o.putArray("scores");
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(r.scores[i])) sc.add(r.scores[i]);
                else sc.addNull();
            }
        }
        if (tails != null) o.set("forces", forcesJson(tails));
        if (optimal) {
            ObjectNode opt = o.putObject("optimal");
            opt.put("size", n);
            opt.put("criterion", "entropy*diversity");
            opt.put("value", CurveOutput.product(r.curve)[n - 1]);
        }
        if (full || optimal) {
            ArrayNode ord = o.putArray("ordering");
            for (int i : r.ordering.indices()) ord.add(i);
        }
        if (r.curve != null) o.set("curve", CurveOutput.json(r.curve));

        ObjectNode sec = o.putObject("seconds");
        sec.put("descriptors", tDescriptors);
        sec.put("selection", r.selectionSeconds);
        if (method == Method.MSC && compatCheck) sec.put("compat_check", r.compatSeconds);
        sec.put("metrics", r.metricsSeconds);
        if (r.curve != null) sec.put("curve", r.curveSeconds);

        ObjectNode p = o.putObject("parameters");
        p.put("file", file.toString());
        if (size == null) p.putNull("requested_size");
        else p.put("requested_size", size);
        p.put("full", full);
        p.put("optimal", optimal);
        p.put("bandwidth", bandwidth.h);
        p.put("eps", coverage.eps);
        p.put("k", descriptor.k);
        p.put("cutoff", descriptor.cutoff);
        p.put("multicomponent", descriptor.multicomponent);
        p.put("dim", d.dim());
        if (method.isMsc()) p.put("mode", method == Method.MSC_COMPAT ? "compat" : "default");
        else p.putNull("mode");
        if (method.seeded) p.put("seed", seed);
        else p.putNull("seed");
        if (chunks == null) p.putNull("chunks");
        else p.put("chunks", chunks);
        if (reference == null) p.putNull("reference");
        else p.put("reference", reference.toString());
        p.put("backend", r.backendName);
        p.put("threads", common.threads);
        return o;
    }

    static ObjectNode forcesJson(ForceTails t) {
        ObjectNode f = Json.object();
        ArrayNode levels = f.putArray("quantile_levels");
        for (double v : t.probabilities()) levels.add(v);
        f.set("full", quantilesJson(t.full()));
        f.set("selected", quantilesJson(t.selected()));
        f.put("ks_statistic", t.ksStatistic());
        f.put("ks_p_value", t.ksPValue());
        return f;
    }

    private static ObjectNode quantilesJson(double[] q) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("quantiles");
        for (int i = 0; i < q.length - 1; i++) a.add(q[i]);
        o.put("max", q[q.length - 1]);
        return o;
    }

    /** The curve plot and, with forces, the |F| histogram next to it; returns the files written. */
    private List<Path> writePlots(Dataset ds, Outcome r, ForceTails tails) {
        List<Path> written = new ArrayList<>();
        String label = (optimal ? "optimal: " : "selected: ") + r.selected.size();
        if (writePlot(plot, () -> Plots.write(plot, CurveOutput.panels(r.curve, method.isMsc() ? "msc"
                + (method == Method.MSC_COMPAT ? " (compat)" : "") : method.cliName(), r.selected.size(), label, optimal),
                optimal ? 2 : 3)))
            written.add(plot);
        if (tails != null) {
            int[] all = new int[ds.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            Path forces = Plots.companion(plot, "forces");
            if (writePlot(forces, () -> Plots.write(forces, List.of(Plots.forceHistogram(ForceTails.magnitudes(ds, all),
                    ForceTails.magnitudes(ds, r.selected.indices()), FORCE_BINS)), 1)))
                written.add(forces);
        }
        return written;
    }

    private void summary(Dataset ds, Descriptors d, Outcome r, ForceTails tails, List<Path> plots, double seconds) {
        var o = out();
        SelectionSummary s = r.summary;
        o.println(file + ": " + ds.size() + " structures, " + d.rows() + " environments");
        String how = switch (method) {
            case MSC -> "msc (default scoring" + (r.deviations == null ? ")"
                    : Text.format("; %d of %d picks differ from --compat quests)", r.deviations, r.selected.size()));
            case MSC_COMPAT -> "msc (--compat quests scoring)";
            default -> method.cliName() + (method.seeded ? " (seed " + seed + ")" : "");
        };
        if (reference != null) how += ", conditional on " + reference;
        if (chunks != null) how += ", segmented in chunks of " + chunks + " x size";
        Text.line(o, "method", how);
        Text.line(o, "selected", Text.format("%d of %d structures (%.1f %%), %d of %d environments%s", s.compressedSize(),
                s.originalSize(), 100.0 * s.compressedSize() / s.originalSize(), s.compressedEnvs(), s.originalEnvs(),
                optimal ? ", the size with the largest entropy x diversity" : ""));
        Text.line(o, "entropy", Text.precise(s.entropy()) + " nats");
        Text.line(o, "diversity", Text.precise(s.diversity()) + " nats");
        Text.line(o, "overlap", Text.precise(s.overlap()) + Text.format(" (of the dataset's environments, dH < %s)", Double.toString(coverage.eps)));
        if (tails != null) {
            Text.line(o, "forces |F|", "   median      q90      q99    q99.9      max");
            Text.line(o, "  all", quantileRow(tails.full()));
            Text.line(o, "  selected", quantileRow(tails.selected()));
            Text.line(o, "  KS test", Text.format("D = %.4f, p = %.3g", tails.ksStatistic(), tails.ksPValue()));
        }
        int shown = Math.min(20, r.selected.size());
        StringBuilder picks = new StringBuilder();
        int[] idx = r.selected.indices();
        for (int i = 0; i < shown; i++) picks.append(i == 0 ? "" : " ").append(idx[i]);
        if (shown < idx.length) picks.append(" ... (").append(idx.length - shown).append(" more)");
        Text.line(o, "picks", picks.toString());
        Text.line(o, "time", Text.seconds(seconds) + Text.format(" (selection %.3f s%s)", r.selectionSeconds,
                method == Method.MSC && compatCheck ? Text.format(", compat check %.3f s", r.compatSeconds) : ""));
        List<String> written = new ArrayList<>();
        for (Path p : outputs) written.add(p.toString());
        if (curve != null) written.add(curve.toString());
        for (Path p : plots) written.add(p.toString());
        if (!written.isEmpty()) Text.line(o, "wrote", String.join(", ", written));
    }

    private static String quantileRow(double[] q) {
        StringBuilder b = new StringBuilder();
        for (double v : q) b.append(Text.format(" %8.4f", v));
        return b.toString();
    }
}
