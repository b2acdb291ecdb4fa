package io.atomcover.cli;

import io.atomcover.ilpselect.api.ExperimentResult;
import io.atomcover.ilpselect.experiment.ExperimentAverages;
import io.atomcover.ilpselect.experiment.ExperimentSetup;
import io.atomcover.ilpselect.experiment.ExperimentTarget;
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

    /** One line per method: the sizes that have a mean, the mean, and error bars of ± the std over the targets. */
    static List<CurvePlot.Line> lines(int[] sizes, List<ExperimentAverages.MethodCurve> curves) {
        List<CurvePlot.Line> lines = new ArrayList<>();
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
        }
        return lines;
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
                + (result.curves().stream().anyMatch(c -> c.method() == RankingMethod.RANDOM) ? " (random: each target's mean over the seeds)" : "")
                + "; (k): only k targets reach that size");
        printTable(o, setup.sizes(), result.curves());
        Text.line(o, "work", result.tally());
        Path folder = setup.files().folder();
        Text.line(o, "output", setup.files().averages() + (plotFile != null ? ", " + plotFile : "") + ", per-target files in "
                + folder.resolve("rankings") + " and " + folder.resolve("curves"));
        Text.line(o, "time", Text.seconds(result.seconds()));
    }
}
