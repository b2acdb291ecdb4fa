package io.atomcover.ilpselect.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.krr.CurveAverage;
import io.atomcover.ilpselect.report.IlpJson;
import io.atomcover.ilpselect.report.KrrJson;
import io.atomcover.ilpselect.report.ReportJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning curves of an experiment averaged over its targets, per method: the mean and the
 * population standard deviation of the MAE at each size. For random each target first counts with
 * the mean over its seeds. A size a target's ranking does not reach (an ILP ranking left short with
 * {@code --ilp-fill none}) is averaged over the targets that have it.
 */
public final class ExperimentAverages {
    /**
     * One method averaged.
     *
     * @param label     name in the plot and table
     * @param perTarget each target's curve (MAE at each size, NaN where missing), in target order
     * @param average   mean, standard deviation and count of targets at each size
     * @param runs      the curves behind it, in target then seed order
     */
    public record MethodCurve(ExperimentMethod method, String label, List<double[]> perTarget, CurveAverage average,
                       List<Experiment.Run> runs) {
        /** Whether any size of any target's curve used molecules the ILP did not rank (SML's fill). */
        public boolean filled() {
            return runs.stream().anyMatch(Experiment.Run::filled);
        }
    }

    private ExperimentAverages() {
    }

    /** Averages the results, one entry per method of the setup. */
    public static List<MethodCurve> of(ExperimentSetup setup, List<Experiment.Run> results) {
        int points = setup.sizes().length;
        List<MethodCurve> curves = new ArrayList<>();
        for (ExperimentMethod m : setup.methods()) {
            List<double[]> perTarget = new ArrayList<>();
            List<Experiment.Run> runs = new ArrayList<>();
            for (ExperimentTarget t : setup.targets()) {
                List<double[]> seeds = new ArrayList<>();
                for (Experiment.Run r : results)
                    if (r.target() == t && r.method().equals(m)) {
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
     * The legend label: "ilp" or "ilp (λ=1)", and when filled with SML where SML takes over, from the
     * molecules the ILP really ranked (the budget or time limit may stop it before --ilp-n), as one
     * number or the range over targets.
     */
    public static String label(ExperimentSetup setup, ExperimentMethod m, List<Experiment.Run> runs) {
        if (m.is(RankingMethod.ILP) && setup.fill() == ExperimentSetup.IlpFill.SML) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (Experiment.Run r : runs) {
                if (r.ilpMolecules() < 0) continue;
                lo = Math.min(lo, r.ilpMolecules());
                hi = Math.max(hi, r.ilpMolecules());
            }
            if (hi == 0) return setup.ilpN() < setup.maxSize() ? withFill(m, Integer.toString(setup.ilpN())) : m.label();
            if (lo >= setup.maxSize()) return m.label();
            return withFill(m, lo == hi ? Integer.toString(lo) : lo + "-" + hi);
        }
        if (m.is(RankingMethod.RANDOM)) return "random (" + setup.seeds().length + (setup.seeds().length == 1 ? " seed)" : " seeds)");
        return m.label();
    }

    /** "ilp (sml after 64)", "ilp (λ=1, sml after 64)". */
    private static String withFill(ExperimentMethod m, String after) {
        String label = m.label();
        return label.endsWith(")") ? label.substring(0, label.length() - 1) + ", sml after " + after + ")"
                : label + " (sml after " + after + ")";
    }

    /** The JSON report of the averages, with the comparisons with the published curves when a folder of them was given. */
    public static ObjectNode report(ExperimentSetup setup, List<MethodCurve> curves, List<ReferenceCurves.Comparison> comparisons,
                                    ResultFiles files) {
        ObjectNode root = ReportJson.object();
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
            if (c.method().penalty() != null) o.put("penalty", c.method().penalty());
            o.put("label", c.label());
            // Explicit, so that an ILP curve is never mistaken for pure ILP when SML completed it.
            o.put("filled", c.filled());
            ArrayNode pts = o.putArray("points");
            for (int i = 0; i < setup.sizes().length; i++) {
                ObjectNode p = pts.addObject();
                p.put("size", setup.sizes()[i]);
                ReportJson.putFinite(p, "mean", c.average().mean()[i]);
                ReportJson.putFinite(p, "std", c.average().std()[i]);
                p.put("targets", c.average().count()[i]);
                ArrayNode values = p.putArray("values");
                for (double[] t : c.perTarget()) {
                    if (Double.isNaN(t[i])) values.addNull();
                    else values.add(t[i]);
                }
            }
            ArrayNode curveFiles = o.putArray("curve_files");
            for (Experiment.Run r : c.runs()) curveFiles.add(files.relative(r.curveFile()));
            if (c.method().is(RankingMethod.ILP)) {
                ArrayNode k = o.putArray("ilp_molecules");
                for (Experiment.Run r : c.runs()) k.add(r.ilpMolecules());
            }
        }
        if (setup.referenceCurves() != null) {
            root.put("reference_curves", setup.referenceCurves().toString());
            ReferenceCurves.report(root.putArray("reference_comparison"), setup.sizes(), comparisons);
        }
        ObjectNode p = root.putObject("parameters");
        ArrayNode methods = p.putArray("methods");
        setup.methods().forEach(m -> methods.add(m.toString()));
        if (setup.holdout() != null) {
            ObjectNode h = p.putObject("holdout");
            h.put("count", setup.holdout().count());
            if (setup.holdout().seed() != null) h.put("seed", setup.holdout().seed());
            ArrayNode frames = h.putArray("frames");
            for (int f : setup.holdout().targets()) frames.add(f);
        }
        ArrayNode seeds = p.putArray("seeds");
        for (long s : setup.seeds()) seeds.add(s);
        ArrayNode el = p.putArray("elements");
        setup.elements().forEach(el::add);
        p.put("energy_key", setup.energyKey());
        p.put("energy_unit", setup.energyUnit().toString());
        KrrJson.putSettings(p, setup.krr());
        if (setup.hasIlp()) {
            ObjectNode ilp = p.putObject("ilp");
            IlpJson.put(ilp, setup.ilp());
            ilp.put("ilp_n", setup.ilpN());
            ArrayNode penalties = ilp.putArray("penalties");
            for (ExperimentMethod m : setup.methods()) if (m.is(RankingMethod.ILP)) penalties.add(m.ilp(setup.ilp()).penalty());
            ilp.put("fill", setup.fill().toString());
        }
        p.put("threads", setup.threads());
        return root;
    }
}
