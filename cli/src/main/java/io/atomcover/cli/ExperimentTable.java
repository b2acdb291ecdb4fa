package io.atomcover.cli;

import io.atomcover.ilpselect.api.ExperimentResult;
import io.atomcover.ilpselect.experiment.ExperimentAverages;
import io.atomcover.ilpselect.experiment.ExperimentSetup;
import io.atomcover.ilpselect.experiment.ExperimentTarget;
import io.atomcover.ilpselect.experiment.ReferenceCurves;
import io.atomcover.ilpselect.krr.CurveAverage;
import io.atomcover.ilpselect.ilp.RankingMethod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The averaged curves of {@code experiment} as plot lines, and its summary with the table of means. */
final class ExperimentTable {
    private ExperimentTable() {
    }

    /**
     * One line per method: the sizes that have a mean, the mean, and error bars of ± the std over the
     * targets; then, for each method with published curves, their mean over the targets that have
     * one, as a reference line of its method.
     */
    static List<CurvePlot.Line> lines(int[] sizes, List<ExperimentAverages.MethodCurve> curves,
                                      List<ReferenceCurves.Comparison> comparisons) {
        List<CurvePlot.Line> lines = new ArrayList<>();
        List<ExperimentAverages.MethodCurve> drawn = new ArrayList<>();
        for (ExperimentAverages.MethodCurve c : curves) {
            double[] mean = c.average().mean();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) if (!Double.isNaN(mean[i])) keep.add(i);
            if (keep.isEmpty()) continue;
            keep.sort((a, b) -> Integer.compare(sizes[a], sizes[b]));
            double[] std = c.average().std();
            double[] x = new double[keep.size()], y = new double[keep.size()], e = new double[keep.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = sizes[keep.get(k)];
                y[k] = mean[keep.get(k)];
                e[k] = std[keep.get(k)];
            }
            lines.add(new CurvePlot.Line(c.label(), x, y, e));
            drawn.add(c);
        }
        for (int l = 0, own = drawn.size(); l < own; l++) {
            ExperimentAverages.MethodCurve c = drawn.get(l);
            List<double[]> paper = comparisons.stream().filter(k -> k.method() == c).map(ReferenceCurves.Comparison::paper).toList();
            if (paper.isEmpty()) continue;
            double[] mean = CurveAverage.of(paper, sizes.length).mean();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) if (!Double.isNaN(mean[i])) keep.add(i);
            if (keep.isEmpty()) continue;
            keep.sort((a, b) -> Integer.compare(sizes[a], sizes[b]));
            double[] x = new double[keep.size()], y = new double[keep.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = sizes[keep.get(k)];
                y[k] = mean[keep.get(k)];
            }
            int of = c.perTarget().size();
            String name = c.method().label() + ", paper" + (paper.size() < of ? " (" + paper.size() + " of " + of + " targets)" : "");
            lines.add(new CurvePlot.Line(name, x, y, null, l));
        }
        return lines;
    }

    /** Per ILP method, whether SML filled its rankings: "ilp (λ=1): none, ILP at every size". */
    static String fillText(ExperimentSetup setup, List<ExperimentAverages.MethodCurve> curves) {
        List<String> parts = new ArrayList<>();
        for (ExperimentAverages.MethodCurve c : curves) {
            if (!c.method().is(RankingMethod.ILP)) continue;
            long filled = c.runs().stream().filter(r -> r.filled()).count();
            parts.add(c.method().label() + ": " + (filled == 0 ? "none, ILP at every size"
                    : "SML filled the rankings of " + filled + " of " + c.runs().size() + " targets"));
        }
        return String.join("; ", parts);
    }

    /** Per target, ours against the paper's MAE at each size, with the difference. */
    static void printComparison(PrintWriter out, int[] sizes, List<ReferenceCurves.Comparison> comparisons) {
        out.println("against the paper's curves: ours / paper (ours - paper), kcal/mol");
        List<ExperimentTarget> targets = comparisons.stream().map(ReferenceCurves.Comparison::target).distinct().toList();
        for (ExperimentTarget t : targets) {
            List<ReferenceCurves.Comparison> rows = comparisons.stream().filter(c -> c.target() == t).toList();
            StringBuilder head = new StringBuilder(Text.format("%-12s", t.name()));
            for (ReferenceCurves.Comparison c : rows) head.append(Text.format("  %-30s", c.method().method().label()));
            out.println(head.toString().stripTrailing());
            for (int i = 0; i < sizes.length; i++) {
                StringBuilder row = new StringBuilder(Text.format("%12d", sizes[i]));
                for (ReferenceCurves.Comparison c : rows) {
                    double a = c.ours()[i], b = c.paper()[i];
                    String cell = Double.isNaN(a) && Double.isNaN(b) ? "-"
                            : Text.format("%s / %s", num(a), num(b)) + (Double.isNaN(a - b) ? "" : Text.format(" (%+.3f)", a - b));
                    row.append(Text.format("  %-30s", cell));
                }
                out.println(row.toString().stripTrailing());
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Text.format("%.3f", v);
    }

    /** The table of means ± standard deviations, one row per size, one column per method. */
    static void printTable(PrintWriter out, int[] sizes, List<ExperimentAverages.MethodCurve> curves) {
        StringBuilder head = new StringBuilder(Text.format("%6s", "N"));
        for (ExperimentAverages.MethodCurve c : curves) head.append(Text.format("  %-22s", c.label()));
        out.println(head.toString().stripTrailing());
        for (int i = 0; i < sizes.length; i++) {
            StringBuilder row = new StringBuilder(Text.format("%6d", sizes[i]));
            for (ExperimentAverages.MethodCurve c : curves) {
                double m = c.average().mean()[i];
                String cell = Double.isNaN(m) ? "-" : Text.format("%9.3f ± %-9.3f", m, c.average().std()[i]);
                if (!Double.isNaN(m) && c.average().count()[i] < c.perTarget().size())
                    cell = cell.stripTrailing() + " (" + c.average().count()[i] + ")";
                row.append(Text.format("  %-22s", cell));
            }
            out.println(row.toString().stripTrailing());
        }
    }

    /**
     * What ran (targets, database), the table of means, then the work done, the files written and
     * the time, on stdout.
     *
     * @param plotFile the plot written, or null
     */
    static void printSummary(PrintWriter o, ExperimentSetup setup, ExperimentResult result, Path plotFile) {
        List<ExperimentTarget> targets = setup.targets();
        o.println("experiment " + setup.name() + ": " + targets.size() + (targets.size() == 1 ? " target (" : " targets (")
                + targets.stream().map(ExperimentTarget::name).collect(Collectors.joining(", ")) + "), database " + setup.databaseFile()
                + " (" + setup.database().size() + " molecules)");
        o.println("MAE of the target energy, kcal/mol: mean ± std over the targets"
                + (result.curves().stream().anyMatch(c -> c.method().is(RankingMethod.RANDOM)) ? " (random: each target's mean over the seeds)" : "")
                + "; (k): only k targets reach that size");
        printTable(o, setup.sizes(), result.curves());
        if (setup.hasIlp()) Text.line(o, "ilp fill", fillText(setup, result.curves()));
        if (setup.referenceCurves() != null) {
            if (result.comparisons().isEmpty()) Text.line(o, "paper", "no published curve of these targets and methods in " + setup.referenceCurves());
            else printComparison(o, setup.sizes(), result.comparisons());
        }
        Text.line(o, "work", result.tally());
        Path folder = setup.files().folder();
        Text.line(o, "output", setup.files().averages() + (plotFile != null ? ", " + plotFile : "") + ", per-target files in "
                + folder.resolve("rankings") + " and " + folder.resolve("curves"));
        Text.line(o, "time", Text.seconds(result.seconds()));
    }
}
