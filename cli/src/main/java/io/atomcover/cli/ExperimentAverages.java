package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.krr.CurveAverage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning curves of an experiment averaged over its targets, per method: the mean and the
 * population standard deviation of the MAE at each size. For random each target first counts with
 * the mean over its seeds. A size a target's ranking does not reach (an ILP ranking left short with
 * {@code --ilp-fill none}) is averaged over the targets that have it.
 */
final class ExperimentAverages {
    /**
     * One method averaged.
     *
     * @param label     name in the plot and table
     * @param perTarget each target's curve (MAE at each size, NaN where missing), in target order
     * @param runs      the curves behind it, in target then seed order
     */
    record MethodCurve(RankingMethod method, String label, List<double[]> perTarget, CurveAverage average,
                       List<ExperimentRunner.Result> runs) {
    }

    private ExperimentAverages() {
    }

    /** Averages the results, one entry per method of the setup. */
    static List<MethodCurve> of(ExperimentSetup setup, List<ExperimentRunner.Result> results) {
        int points = setup.sizes().length;
        List<MethodCurve> curves = new ArrayList<>();
        for (RankingMethod m : setup.methods()) {
            List<double[]> perTarget = new ArrayList<>();
            List<ExperimentRunner.Result> runs = new ArrayList<>();
            for (ExperimentTarget t : setup.targets()) {
                List<double[]> seeds = new ArrayList<>();
                for (ExperimentRunner.Result r : results)
                    if (r.target() == t && r.method() == m) {
                        seeds.add(r.mae());
                        runs.add(r);
                    }
                perTarget.add(seeds.size() == 1 ? seeds.get(0) : CurveAverage.of(seeds, points).mean());
            }
            curves.add(new MethodCurve(m, label(setup, m, runs), perTarget, CurveAverage.of(perTarget, points), runs));
        }
        return curves;
    }

    /**
     * The legend label: the ILP label says where SML takes over, from the molecules the ILP really
     * ranked (the budget or time limit may stop it before --ilp-n), as one number or the range over targets.
     */
    static String label(ExperimentSetup setup, RankingMethod m, List<ExperimentRunner.Result> runs) {
        if (m == RankingMethod.ILP && setup.fill() == ExperimentSetup.IlpFill.SML) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (ExperimentRunner.Result r : runs) {
                if (r.ilpMolecules() < 0) continue;
                lo = Math.min(lo, r.ilpMolecules());
                hi = Math.max(hi, r.ilpMolecules());
            }
            if (hi == 0) return setup.ilpN() < setup.maxSize() ? "ilp (sml after " + setup.ilpN() + ")" : m.toString();
            if (lo >= setup.maxSize()) return m.toString();
            return "ilp (sml after " + (lo == hi ? Integer.toString(lo) : lo + "-" + hi) + ")";
        }
        if (m == RankingMethod.RANDOM) return "random (" + setup.seeds().length + (setup.seeds().length == 1 ? " seed)" : " seeds)");
        return m.toString();
    }

    /** The JSON report of the averages. */
    static ObjectNode report(ExperimentSetup setup, List<MethodCurve> curves, ResultFiles files) {
        ObjectNode root = Json.object();
        root.put("experiment", setup.name());
        root.put("targets_file", setup.targetsFile().toString());
        ArrayNode names = root.putArray("targets");
        setup.targets().forEach(t -> names.add(t.name()));
        root.put("database", setup.databaseFile().toString());
        root.put("n_database", setup.database().size());
        ArrayNode sz = root.putArray("sizes");
        for (int n : setup.sizes()) sz.add(n);
        root.put("mae_unit", "kcal/mol");
        root.put("statistics", "mean and population standard deviation over targets; random: each target's value is the mean over its seeds");
        ArrayNode out = root.putArray("curves");
        for (MethodCurve c : curves) {
            ObjectNode o = out.addObject();
            o.put("method", c.method().toString());
            o.put("label", c.label());
            ArrayNode pts = o.putArray("points");
            for (int i = 0; i < setup.sizes().length; i++) {
                ObjectNode p = pts.addObject();
                p.put("size", setup.sizes()[i]);
                Json.putFinite(p, "mean", c.average().mean()[i]);
                Json.putFinite(p, "std", c.average().std()[i]);
                p.put("targets", c.average().count()[i]);
                ArrayNode values = p.putArray("values");
                for (double[] t : c.perTarget()) {
                    if (Double.isNaN(t[i])) values.addNull();
                    else values.add(t[i]);
                }
            }
            ArrayNode curveFiles = o.putArray("curve_files");
            for (ExperimentRunner.Result r : c.runs()) curveFiles.add(files.relative(r.curveFile()));
            if (c.method() == RankingMethod.ILP) {
                ArrayNode k = o.putArray("ilp_molecules");
                for (ExperimentRunner.Result r : c.runs()) k.add(r.ilpMolecules());
            }
        }
        ObjectNode p = root.putObject("parameters");
        ArrayNode methods = p.putArray("methods");
        setup.methods().forEach(m -> methods.add(m.toString()));
        ArrayNode seeds = p.putArray("seeds");
        for (long s : setup.seeds()) seeds.add(s);
        ArrayNode el = p.putArray("elements");
        setup.elements().forEach(el::add);
        p.put("energy_key", setup.energyKey());
        p.put("energy_unit", setup.energyUnit().toString());
        KrrArguments.putSettings(p, setup.krr());
        if (setup.methods().contains(RankingMethod.ILP)) {
            ObjectNode ilp = p.putObject("ilp");
            IlpArguments.put(ilp, setup.ilp());
            ilp.put("ilpN", setup.ilpN());
            ilp.put("fill", setup.fill().toString());
        }
        p.put("threads", setup.threads());
        return root;
    }

    /** One line per method: the sizes that have a mean, and the mean. */
    static List<CurvePlot.Line> lines(int[] sizes, List<MethodCurve> curves) {
        List<CurvePlot.Line> lines = new ArrayList<>();
        for (MethodCurve c : curves) {
            double[] mean = c.average().mean();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) if (!Double.isNaN(mean[i])) keep.add(i);
            if (keep.isEmpty()) continue;
            keep.sort((a, b) -> Integer.compare(sizes[a], sizes[b]));
            double[] x = new double[keep.size()], y = new double[keep.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = sizes[keep.get(k)];
                y[k] = mean[keep.get(k)];
            }
            lines.add(new CurvePlot.Line(c.label(), x, y));
        }
        return lines;
    }

    /** The table of means ± standard deviations, one row per size, one column per method. */
    static void printTable(PrintWriter out, int[] sizes, List<MethodCurve> curves) {
        StringBuilder head = new StringBuilder(Text.format("%6s", "N"));
        for (MethodCurve c : curves) head.append(Text.format("  %-22s", c.label()));
        out.println(head.toString().stripTrailing());
        for (int i = 0; i < sizes.length; i++) {
            StringBuilder row = new StringBuilder(Text.format("%6d", sizes[i]));
            for (MethodCurve c : curves) {
                double m = c.average().mean()[i];
                String cell = Double.isNaN(m) ? "-" : Text.format("%9.3f ± %-9.3f", m, c.average().std()[i]);
                if (!Double.isNaN(m) && c.average().count()[i] < c.perTarget().size())
                    cell = cell.stripTrailing() + " (" + c.average().count()[i] + ")";
                row.append(Text.format("  %-22s", cell));
            }
            out.println(row.toString().stripTrailing());
        }
    }
}
