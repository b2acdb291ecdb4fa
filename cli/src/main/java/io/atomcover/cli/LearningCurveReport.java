package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.api.Curve;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.DressedAtoms;
import io.atomcover.ilpselect.krr.EnergyUnit;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.ilpselect.report.CurveJson;
import io.atomcover.structure.Elements;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON report, the plot lines and the summary table of {@code learning-curve}. */
final class LearningCurveReport {
    private final LearningCurveCommand command;
    private final TargetedKrr krr;
    private final List<Curve> curves;

    LearningCurveReport(LearningCurveCommand command, TargetedKrr krr, List<Curve> curves) {
        this.command = command;
        this.krr = krr;
        this.curves = curves;
    }

    /** The report: target, database, label, protocol, dressed atoms, sizes, one entry per curve, times. */
    ObjectNode json(String targetName, int targetIndex, int databaseSize, double targetEnergy, List<Rankings.Ranking> rankings,
                    double seconds) {
        ObjectNode report = Json.object();
        report.put("target", targetName);
        report.put("target_file", command.targetFile.toString());
        report.put("target_index", targetIndex);
        report.put("database", command.databaseFile.toString());
        report.put("n_database", databaseSize);
        report.put("target_energy", targetEnergy);
        report.put("target_label", krr.targetLabel());
        command.krrArgs.put(report);
        ObjectNode dressed = report.putObject("dressed_atoms");
        DressedAtoms da = krr.dressedAtoms();
        for (int z : da.elements()) dressed.put(Elements.symbol(z), da.coefficient(z));
        report.put("dressed_intercept", da.intercept());
        ArrayNode sz = report.putArray("sizes");
        for (int n : command.krrArgs.sizes) sz.add(n);
        ArrayNode out = report.putArray("curves");
        for (int k = 0; k < curves.size(); k++) {
            Curve curve = curves.get(k);
            ObjectNode c = out.addObject();
            c.put("name", curve.name());
            c.put("file", rankings.get(k).file().toString());
            c.put("seconds", curve.seconds());
            CurveJson.putPoints(c.putArray("points"), curve.points(), command.krrArgs.energyUnit);
        }
        report.put("seconds", seconds);
        report.put("threads", command.common.threads);
        return report;
    }

    /** One plot line per curve: MAE (kcal/mol) against size. */
    List<CurvePlot.Line> lines() {
        List<CurvePlot.Line> lines = new ArrayList<>();
        for (Curve curve : curves) {
            List<CurvePoint> points = curve.points();
            double[] xs = new double[points.size()], ys = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                xs[i] = points.get(i).size();
                ys[i] = command.krrArgs.energyUnit.toKcalPerMol(points.get(i).absError());
            }
            lines.add(new CurvePlot.Line(curve.name(), xs, ys));
        }
        return lines;
    }

    /** The target's label, then per size the MAE and the chosen (sigma, lambda) of every curve, then output and time. */
    void printSummary(PrintWriter o, String targetName, boolean plotted, double seconds) {
        EnergyUnit energyUnit = command.krrArgs.energyUnit;
        int[] sizes = command.krrArgs.sizes;
        o.println("target " + targetName + ": label " + Text.precise(krr.targetLabel()) + " " + energyUnit
                + " (energy minus dressed atoms); MAE in kcal/mol, (sigma, lambda) chosen by cross-validation");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%6s", "N"));
        for (Curve curve : curves) head.append(String.format(Locale.ROOT, "  %-28s", clip(curve.name(), 28)));
        o.println(head);
        for (int i = 0; i < sizes.length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", sizes[i]));
            for (Curve curve : curves) {
                CurvePoint p = curve.points().get(i);
                row.append(String.format(Locale.ROOT, "  %10.3f (%7.4g, %.0e)", energyUnit.toKcalPerMol(p.absError()), p.sigma(), p.lambda()));
            }
            o.println(row);
        }
        Text.line(o, "output", command.output + (plotted ? ", " + command.plot : ""));
        Text.line(o, "time", Text.seconds(seconds));
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
