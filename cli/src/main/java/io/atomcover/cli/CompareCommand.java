package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Dataset;
import io.atomcover.io.InputException;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.Selection;
import io.atomcover.select.SelectionSize;
import io.atomcover.select.SelectionSummary;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
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
                "  atomcover compare examples/mlearn-si/Si-train.extxyz -s 0.1,0.25,0.5 --seeds 3 -o si-compare.json --plot si-compare.png",
                "  atomcover compare Si-train.extxyz -s 21,54 -m msc,fps,random --seeds 5",
                "  atomcover compare Si-train.extxyz -s 0.1 -m msc,msc_compat"})
final class CompareCommand extends BaseCommand {
    static final String DEFAULT_METHODS = "msc,msc_compat,fps,mean_fps,k_means,random";

    @Parameters(index = "0", paramLabel = "FILE", description = "Structures to compress (.extxyz or .xyz).")
    Path file;

    @Option(names = {"-s", "--sizes"}, paramLabel = "S", split = ",", required = true,
            description = "Sizes, comma-separated: fractions 0 < S < 1 of the dataset (rounded half to even) or whole counts.")
    List<Double> sizes;

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
    CommonOptions common;

    private final List<Method> methods = new ArrayList<>();

    @Override
    CommonOptions common() {
        return common;
    }

    static final String[] METRICS = {"entropy", "diversity", "overlap"};

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        for (String name : methodNames) {
            Method m = Method.parse(name);
            if (m == null) throw usage("unknown method '" + name + "': choose from " + Method.names());
            if (!methods.contains(m)) methods.add(m);
        }
        for (double s : sizes) {
            if (!(s > 0) || Double.isInfinite(s)) throw usage("-s must be fractions in (0, 1) or whole counts >= 1, got " + s);
            if (s >= 1 && s != Math.rint(s)) throw usage("-s " + s + ": a size of 1 or more is a count and must be whole");
        }
        if (seeds < 1) throw usage("--seeds must be at least 1, got " + seeds);
        if (Inputs.isNpy(file)) throw usage("compare selects structures: FILE must be .extxyz or .xyz, not a descriptor matrix");
        coverage.validate();
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        files.output("-o", output, FilePlan.Names.JSON);
        files.output("--plot", plot, FilePlan.Names.PLOT);
    }

    /** One method at one size: a value of each metric per run (one run, or one per seed). */
    record Cell(Method method, int size, double requested, long[] seeds, double[][] values, int[][] selections) {
        double mean(int metric) {
            double s = 0;
            for (double v : values[metric]) s += v;
            return s / values[metric].length;
        }

        /** Population standard deviation over the runs (0 for one run). */
        double std(int metric) {
            double m = mean(metric);
            double s = 0;
            for (double v : values[metric]) s += (v - m) * (v - m);
            return Math.sqrt(s / values[metric].length);
        }
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Inputs.Source src = Inputs.open(file);
        Dataset ds = src.dataset();
        for (int s = 0; s < ds.size(); s++)
            if (ds.get(s).size() == 0) throw new InputException(file, 0, "frame " + s + " (0-based) has no atoms; every structure needs one");
        int total = ds.size();
        int[] n = new int[sizes.size()];
        for (int i = 0; i < n.length; i++) {
            try {
                n[i] = SelectionSize.resolve(sizes.get(i), total);
            } catch (IllegalArgumentException e) {
                throw usage("-s: " + e.getMessage() + " in " + file);
            }
            if (n[i] == 0) throw usage("-s " + sizes.get(i) + " selects no structure of the " + total + " in " + file);
            for (int j = 0; j < i; j++)
                if (n[j] == n[i]) throw usage("-s " + number(sizes.get(j)) + " and " + number(sizes.get(i)) + " both mean " + n[i] + " structures");
        }
        int largest = 0;
        for (int v : n) largest = Math.max(largest, v);

        Descriptors d = Inputs.compute(ds, Inputs.descriptor(descriptor), common);
        double tDescriptors = secondsSince(t0);
        double h = bandwidth.h;
        boolean show = common.showProgress();
        List<Cell> cells = new ArrayList<>();
        Map<String, Double> selectionSeconds = new LinkedHashMap<>();
        double metricsSeconds = 0;
        String backendName;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            double[] entropies = null;
            for (Method m : methods) {
                long ts = System.nanoTime();
                if ((m.isMsc() || m == Method.FPS) && entropies == null) {
                    try (Progress p = Progress.start("structure entropies", " structures", show, System.err)) {
                        entropies = new InformationMetrics(backend).structureEntropies(d, h, common.threads, p);
                    }
                }
                long[] runSeeds = new long[m.seeded ? seeds : 1];
                for (int r = 0; r < runSeeds.length; r++) runSeeds[r] = m.seeded ? seed + r : 0;
                // selections[size index][run]
                int[][][] picks = new int[n.length][runSeeds.length][];
                for (int r = 0; r < runSeeds.length; r++) {
                    String task = m.cliName() + (m.seeded ? " seed " + runSeeds[r] : "");
                    if (m.nested) {
                        Selection all;
                        try (Progress p = Progress.start(task, " picks", show, System.err)) {
                            all = m.select(backend, d, entropies, h, largest, runSeeds[r], p);
                        }
                        for (int i = 0; i < n.length; i++) picks[i][r] = all.prefix(n[i]).indices();
                    } else {
                        for (int i = 0; i < n.length; i++)
                            picks[i][r] = m.select(backend, d, entropies, h, n[i], runSeeds[r], io.atomcover.util.ProgressListener.NONE).indices();
                    }
                }
                selectionSeconds.put(m.cliName(), secondsSince(ts));
                long tm = System.nanoTime();
                // Counted in environments: each selection's own, then the whole dataset's (its overlap).
                long work = 0;
                for (int[][] bySeed : picks)
                    for (int[] sel : bySeed) work += rows(d, sel) + d.rows();
                try (Progress p = Progress.start(m.cliName() + " metrics", " environments", show, System.err)) {
                    long done = 0;
                    for (int i = 0; i < n.length; i++) {
                        double[][] values = new double[METRICS.length][runSeeds.length];
                        for (int r = 0; r < runSeeds.length; r++) {
                            long span = rows(d, picks[i][r]) + d.rows();
                            SelectionSummary s = SelectionSummary.of(backend, d, picks[i][r], h, coverage.eps, p.part(done, span, work));
                            done += span;
                            values[0][r] = s.entropy();
                            values[1][r] = s.diversity();
                            values[2][r] = s.overlap();
                        }
                        cells.add(new Cell(m, n[i], sizes.get(i), m.seeded ? runSeeds : null, values, picks[i]));
                    }
                }
                metricsSeconds += secondsSince(tm);
            }
            // After the work: under auto a device that failed in mid-run has handed it to the CPU.
            backendName = backend.name();
        }

        // Size-major, methods in the order asked: the order of the table and of the JSON results.
        List<Cell> byMethod = new ArrayList<>(cells);
        cells.sort((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
                : Integer.compare(byMethod.indexOf(a), byMethod.indexOf(b)));
        ObjectNode report = report(total, d.rows(), n, cells, tDescriptors, selectionSeconds, metricsSeconds, backendName);
        ((ObjectNode) report.get("seconds")).put("total", secondsSince(t0));
        if (output != null) Json.write(output, report, out());
        // After the report, before the table: see writePlot.
        boolean plotted = plot != null && writePlot(plot, () -> Plots.write(plot, panels(n, cells), 3));
        if (Json.STDOUT.equals(output)) return;
        table(total, d.rows(), n, cells, plotted, secondsSince(t0));
    }

    /** Environments of the selected structures. */
    private static long rows(Descriptors d, int[] selection) {
        long n = 0;
        for (int s : selection) n += d.rowsOf(s);
        return n;
    }

    private ObjectNode report(int total, int envs, int[] n, List<Cell> cells, double tDescriptors,
                              Map<String, Double> selectionSeconds, double metricsSeconds, String backendName) {
        ObjectNode o = Json.object();
        o.put("file", file.toString());
        o.put("original_size", total);
        o.put("original_envs", envs);
        ArrayNode req = o.putArray("requested_sizes");
        for (double s : sizes) req.add(s);
        ArrayNode sz = o.putArray("sizes");
        for (int v : n) sz.add(v);
        ArrayNode ms = o.putArray("methods");
        for (Method m : methods) ms.add(m.cliName());
        ArrayNode sd = o.putArray("seeds");
        for (int r = 0; r < seeds; r++) sd.add(seed + r);
        ArrayNode results = o.putArray("results");
        for (Cell c : cells) {
            ObjectNode r = results.addObject();
            r.put("method", c.method().cliName());
            r.put("size", c.size());
            r.put("requested_size", c.requested());
            r.put("seeded", c.method().seeded);
            if (c.seeds() == null) r.putNull("seeds");
            else {
                ArrayNode a = r.putArray("seeds");
                for (long v : c.seeds()) a.add(v);
            }
            for (int k = 0; k < METRICS.length; k++) {
                ObjectNode m = r.putObject(METRICS[k]);
                Json.putFinite(m, "mean", c.mean(k));
                if (c.method().seeded) Json.putFinite(m, "std", c.std(k));
                else m.putNull("std");
                ArrayNode vals = m.putArray("values");
                for (double v : c.values()[k]) vals.add(v);
            }
            ArrayNode sel = r.putArray("selected");
            for (int[] run : c.selections()) {
                ArrayNode a = sel.addArray();
                for (int i : run) a.add(i);
            }
        }
        ObjectNode sec = o.putObject("seconds");
        sec.put("descriptors", tDescriptors);
        ObjectNode ss = sec.putObject("selection");
        selectionSeconds.forEach(ss::put);
        sec.put("metrics", metricsSeconds);
        ObjectNode p = o.putObject("parameters");
        p.put("bandwidth", bandwidth.h);
        p.put("eps", coverage.eps);
        p.put("k", descriptor.k);
        p.put("cutoff", descriptor.cutoff);
        p.put("multicomponent", descriptor.multicomponent);
        p.put("std", "population (ddof=0) over seeds");
        p.put("backend", backendName);
        p.put("threads", common.threads);
        return o;
    }

    private void table(int total, int envs, int[] n, List<Cell> cells, boolean plotted, double seconds) {
        var o = out();
        StringBuilder sizeList = new StringBuilder();
        for (int i = 0; i < n.length; i++)
            sizeList.append(i == 0 ? "" : ", ").append(number(sizes.get(i))).append(" -> ").append(n[i]);
        o.println(file + ": " + total + " structures, " + envs + " environments; bandwidth " + bandwidth.h);
        o.println("sizes " + sizeList + "; seeded methods: mean ± std over " + seeds + " seed" + (seeds == 1 ? "" : "s")
                + " (" + seed + (seeds > 1 ? ".." + (seed + seeds - 1) : "") + "); * best mean at that size");
        o.println();
        int methodWidth = "method".length();
        for (Method m : methods) methodWidth = Math.max(methodWidth, m.cliName().length());
        String[][] rows = new String[cells.size()][];
        int[] width = new int[METRICS.length];
        for (int k = 0; k < METRICS.length; k++) width[k] = METRICS[k].length();
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            rows[c] = new String[METRICS.length];
            for (int k = 0; k < METRICS.length; k++) {
                String v = Text.format("%.4f", cell.mean(k));
                if (cell.method().seeded && seeds > 1) v += Text.format(" ± %.4f", cell.std(k));
                if (isBest(cells, cell, k)) v += " *";
                rows[c][k] = v;
                width[k] = Math.max(width[k], v.length());
            }
        }
        int sizeWidth = Math.max("size".length(), Integer.toString(total).length());
        StringBuilder head = new StringBuilder();
        head.append(pad("size", sizeWidth, true)).append("  ").append(pad("method", methodWidth, false));
        for (int k = 0; k < METRICS.length; k++) head.append("  ").append(pad(METRICS[k], width[k], false));
        o.println(head.toString().stripTrailing());
        int lastSize = -1;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            StringBuilder b = new StringBuilder();
            b.append(pad(cell.size() == lastSize ? "" : Integer.toString(cell.size()), sizeWidth, true)).append("  ")
                    .append(pad(cell.method().cliName(), methodWidth, false));
            for (int k = 0; k < METRICS.length; k++) b.append("  ").append(pad(rows[c][k], width[k], false));
            lastSize = cell.size();
            o.println(b.toString().stripTrailing());
        }
        o.println();
        List<String> written = new ArrayList<>();
        if (output != null) written.add(output.toString());
        if (plotted) written.add(plot.toString());
        Text.line(o, "time", Text.seconds(seconds));
        if (!written.isEmpty()) Text.line(o, "wrote", String.join(", ", written));
    }

    /** Whether no other method at the same size has a larger mean, compared as printed (4 decimals). */
    private static boolean isBest(List<Cell> cells, Cell cell, int metric) {
        int rivals = 0;
        String mine = Text.format("%.4f", cell.mean(metric));
        for (Cell other : cells) {
            if (other.size() != cell.size() || other == cell) continue;
            rivals++;
            double theirs = Double.parseDouble(Text.format("%.4f", other.mean(metric)));
            if (theirs > Double.parseDouble(mine)) return false;
        }
        return rivals > 0;
    }

    private static String pad(String s, int width, boolean right) {
        StringBuilder b = new StringBuilder();
        if (right) b.append(" ".repeat(Math.max(0, width - s.length())));
        b.append(s);
        if (!right) b.append(" ".repeat(Math.max(0, width - s.length())));
        return b.toString();
    }

    /** A requested size as typed: 0.1 stays 0.1, 21.0 becomes 21. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** One panel per metric; one line per method through its mean at each size, with std error bars if seeded. */
    private List<XYChart> panels(int[] n, List<Cell> cells) {
        String[] titles = {"Entropy", "Diversity", "Overlap with the whole dataset"};
        String[] yLabels = {"entropy H (nats)", "diversity D (nats)", "overlap (fraction of environments)"};
        Color[] palette = {new Color(31, 119, 180), new Color(148, 103, 189), new Color(255, 127, 14), new Color(44, 160, 44),
                new Color(214, 39, 40), new Color(127, 127, 127), new Color(140, 86, 75)};
        List<XYChart> panels = new ArrayList<>();
        for (int k = 0; k < METRICS.length; k++) {
            XYChart chart = Plots.panel(titles[k], seeds > 1 ? "structures selected (error bars: std over seeds)"
                    : "structures selected", yLabels[k], 640);
            chart.getStyler().setErrorBarsColorSeriesColor(true);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisDecimalPattern("0.0##");
            int colour = 0;
            for (Method m : methods) {
                List<Cell> mine = new ArrayList<>();
                for (Cell c : cells) if (c.method() == m) mine.add(c);
                mine.sort((a, b) -> Integer.compare(a.size(), b.size()));
                double[] x = new double[mine.size()];
                double[] y = new double[mine.size()];
                double[] err = new double[mine.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = mine.get(i).size();
                    y[i] = mine.get(i).mean(k);
                    err[i] = mine.get(i).std(k);
                }
                String label = m.cliName();
                XYSeries s = m.seeded && seeds > 1 ? chart.addSeries(label, x, y, err) : chart.addSeries(label, x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.CIRCLE);
                Color col = palette[colour++ % palette.length];
                s.setLineColor(col);
                s.setMarkerColor(col);
                if (m == Method.MSC_COMPAT) {
                    // Often identical to msc: dashed, so that msc stays visible underneath.
                    s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                            10f, new float[] {6f, 4f}, 0f));
                    s.setMarker(SeriesMarkers.DIAMOND);
                }
            }
            panels.add(chart);
        }
        return panels;
    }
}
