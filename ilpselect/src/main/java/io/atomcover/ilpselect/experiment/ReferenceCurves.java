package io.atomcover.ilpselect.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.krr.EnergyUnit;
import io.atomcover.io.InputException;
import io.atomcover.io.Npz;
import io.atomcover.io.NpyArray;
import io.atomcover.ilpselect.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ILPSelect's published learning curves, one NumPy {@code .npz} file per target and method as its
 * code writes them, and the comparison of an experiment's curves with them. The files are named
 * {@code algo_FCHL_qm7_TARGET_LAMBDA.npz} (ILP with penalty λ, written as 0 or 1),
 * {@code sml_…}, {@code fps_…}, {@code cur_…} and {@code random_FCHL_qm7_TARGET.npz}; each holds
 * {@code train_sizes} and {@code mae} in Hartree (the reference's labels are Hartree; converted here to
 * kcal/mol with {@link EnergyUnit#HARTREE}), random {@code all_maes_random} (seeds × sizes) instead of
 * {@code mae}, whose mean over the seeds is the curve (as each target's random curve is here).
 */
public final class ReferenceCurves {
    /** A published curve: the MAE (kcal/mol, converted from the file's Hartree) at each training-set size. */
    public record Curve(Path file, int[] sizes, double[] mae) {
        /** The MAE at size {@code n}, or NaN when the file has no such size. */
        public double maeAt(int n) {
            for (int i = 0; i < sizes.length; i++) if (sizes[i] == n) return mae[i];
            return Double.NaN;
        }
    }

    /**
     * One target and method against the published curve.
     *
     * @param ours  this run's MAE at each size of the setup (NaN where it has none)
     * @param paper the published MAE at each size of the setup (NaN where the file has none)
     */
    public record Comparison(ExperimentTarget target, ExperimentAverages.MethodCurve method, Curve curve, double[] ours,
                             double[] paper) {
        /** Ours minus the paper's at each size (NaN where either is missing). */
        public double[] difference() {
            double[] d = new double[ours.length];
            for (int i = 0; i < d.length; i++) d[i] = ours[i] - paper[i];
            return d;
        }
    }

    private ReferenceCurves() {
    }

    /**
     * The file name of a target's published curve for a method.
     *
     * @param penalty the ILP's penalty when the method has none of its own (one penalty run)
     */
    public static String fileName(ExperimentMethod m, String targetStem, double penalty) {
        String prefix = m.is(RankingMethod.ILP) ? "algo" : m.method().toString();
        String suffix = m.is(RankingMethod.ILP)
                ? "_" + ExperimentMethod.penaltyText(m.penalty() != null ? m.penalty() : penalty) : "";
        return prefix + "_FCHL_qm7_" + targetStem + suffix + ".npz";
    }

    /**
     * Reads a published curve.
     *
     * @throws InputException when the file is not such a curve (names the file and what is wrong)
     */
    public static Curve read(Path file) {
        NpyArray sizes = Npz.read(file, "train_sizes");
        if (sizes.ndim() != 1 || sizes.size() == 0) throw new InputException(file, 0, "train_sizes is not a list of sizes");
        int[] n = new int[sizes.size()];
        for (int i = 0; i < n.length; i++) {
            double v = sizes.data()[i];
            if (!(v >= 1) || v != Math.rint(v)) throw new InputException(file, 0, "train_sizes[" + i + "] is not a size: " + v);
            n[i] = (int) v;
        }
        double[] mae;
        if (Npz.read(file).containsKey("mae")) {
            NpyArray a = Npz.read(file, "mae");
            if (a.ndim() != 1 || a.size() != n.length)
                throw new InputException(file, 0, "mae has shape of " + a.size() + " values, train_sizes " + n.length);
            mae = a.data().clone();
        } else {
            // Random: one curve per seed; the mean over the seeds, as this run averages its random seeds.
            NpyArray a = Npz.read(file, "all_maes_random");
            if (a.ndim() != 2 || a.cols() != n.length || a.rows() == 0)
                throw new InputException(file, 0, "all_maes_random is not seeds x " + n.length + " sizes");
            mae = new double[n.length];
            for (int r = 0; r < a.rows(); r++) for (int c = 0; c < n.length; c++) mae[c] += a.get(r, c) / a.rows();
        }
        for (int i = 0; i < mae.length; i++) mae[i] = EnergyUnit.HARTREE.toKcalPerMol(mae[i]);
        return new Curve(file, n, mae);
    }

    /**
     * Every target and method of the run that has a published curve in {@code folder}, in target then
     * method order; targets and methods without a file are left out.
     */
    public static List<Comparison> compare(ExperimentSetup setup, List<ExperimentAverages.MethodCurve> curves, Path folder) {
        List<Comparison> out = new ArrayList<>();
        int[] sizes = setup.sizes();
        for (int t = 0; t < setup.targets().size(); t++) {
            ExperimentTarget target = setup.targets().get(t);
            for (ExperimentAverages.MethodCurve c : curves) {
                Path file = folder.resolve(fileName(c.method(), target.stem(), setup.ilp().penalty()));
                if (!Files.isRegularFile(file)) continue;
                Curve curve = read(file);
                double[] paper = new double[sizes.length];
                for (int i = 0; i < sizes.length; i++) paper[i] = curve.maeAt(sizes[i]);
                out.add(new Comparison(target, c, curve, c.perTarget().get(t).clone(), paper));
            }
        }
        return out;
    }

    /** The comparisons as JSON: target, method, file, and ours, the paper's and the difference at each size. */
    public static ArrayNode report(ArrayNode out, int[] sizes, List<Comparison> comparisons) {
        for (Comparison c : comparisons) {
            ObjectNode o = out.addObject();
            o.put("target", c.target().name());
            o.put("method", c.method().method().toString());
            o.put("label", c.method().label());
            o.put("file", c.curve().file().toString());
            ArrayNode pts = o.putArray("points");
            double[] d = c.difference();
            for (int i = 0; i < sizes.length; i++) {
                ObjectNode p = pts.addObject();
                p.put("size", sizes[i]);
                ReportJson.putFinite(p, "mae", c.ours()[i]);
                ReportJson.putFinite(p, "paper_mae", c.paper()[i]);
                ReportJson.putFinite(p, "difference", d[i]);
            }
        }
        return out;
    }
}
