package io.atomcover.cli;

import io.atomcover.ilpselect.api.Curve;
import io.atomcover.ilpselect.api.CurveFailure;
import io.atomcover.ilpselect.api.IlpSelect;
import io.atomcover.ilpselect.api.NamedRanking;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.krr.Energies;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover learning-curve}: KRR learning curves of a target for training sets taken from rankings. */
@Command(name = "learning-curve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "KRR learning curves of one target for rankings of a database.",
        description = {
                "For each ranking and each training-set size N, trains kernel ridge regression on the first N "
                        + "database molecules of the ranking and reports the absolute error of the prediction for the "
                        + "target in kcal/mol.",
                "",
                "Labels are total energies minus dressed-atom energies (one per element, least squares over the whole "
                        + "database). Molecules are compared with the local kernel on FCHL19 atoms, "
                        + "K(A,B) = sum over same-element atom pairs of exp(-|a - b|^2 / 2 sigma^2), hydrogens included. "
                        + "sigma (10^0 .. 10^3 in steps of 10^0.125) and lambda (1e-9 .. 1e-4) are chosen per N by 5-fold "
                        + "cross-validation on the N training molecules; the weights come from a Cholesky solve of "
                        + "(K + lambda I) alpha = y.",
                "",
                "--protocol default: interleaved folds (molecule i in fold i mod 5) scored by their mean absolute error, "
                        + "dressed atoms fitted on element counts. --protocol reference: the ILPSelect reference "
                        + "(contiguous folds, each scored by its first molecule only; dressed atoms fitted with an "
                        + "intercept that is then dropped), which reproduces its published curves.",
                "",
                "Rankings: JSON files with a \"ranking\" array of 0-based database indices in database file order "
                        + "(as 'atomcover select' writes; an optional \"method\" names the curve, unless another ranking has "
                        + "the same, when the file name does), or .npy files of "
                        + "integer indices, in file order unless --index-order names the order they refer to.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover learning-curve drugs.extxyz --target sildenafil \\",
                "      --database qm7.extxyz --rankings ilp.json,sml.json \\",
                "      -o curves.json --plot curves.png",
                "  atomcover learning-curve drugs.extxyz --target sildenafil \\",
                "      --database qm7.extxyz --protocol reference \\",
                "      --rankings algo_FCHL_qm7_sildenafil_1.npy,sml_FCHL_qm7_sildenafil.npy \\",
                "      --index-order qm7-database-order.txt -o ref.json --plot ref.svg"})
final class LearningCurveCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TARGET",
            description = "Target structure(s) (.extxyz or .xyz) with a total energy in the info line.")
    Path targetFile;

    @Option(names = {"-d", "--database"}, required = true, paramLabel = "DB.extxyz",
            description = "Database molecules with total energies; ranking indices refer to its frames.")
    Path databaseFile;

    @Option(names = "--rankings", required = true, split = ",", paramLabel = "FILE",
            description = "Comma-separated ranking files (.json with a \"ranking\" array, or .npy).")
    List<Path> rankingFiles;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME|INDEX",
            description = "Which frame of TARGET to predict: its name (--name-key) or a 0-based frame index. Needed when TARGET holds several frames.")
    String target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json",
            description = "JSON report: per ranking and size the MAE (kcal/mol), chosen sigma and lambda, CV error, prediction; '-' for stdout.")
    Path output;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg", description = "Also draw the curves on log-log axes.")
    Path plot;

    @Option(names = "--index-order", paramLabel = "NAMES.txt",
            description = "For .npy rankings: line i of this file names the database frame (by its 'name' info value) that index i means.")
    Path indexOrder;

    @Mixin
    KrrArguments krrArgs;

    @Mixin
    TypesOption types;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        krrArgs.validate(this);
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(targetFile);
        files.input(databaseFile);
        files.inputs(rankingFiles);
        files.input(indexOrder);
        files.output("-o", output, FilePlan.Names.JSON);
        files.output("--plot", plot, FilePlan.Names.PLOT);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Dataset db = Inputs.readDataset(databaseFile, types.options());
        double[] energies = Energies.all(db, krrArgs.energyKey);
        Dataset targets = Inputs.readDataset(targetFile, types.options());
        int t = TargetFrame.choose(this, targetFile, targets, target, krrArgs.nameKey);
        Structure tgt = targets.get(t);
        double targetEnergy = Energies.of(targets, t, krrArgs.energyKey);
        String targetName = tgt.info().getOrDefault(krrArgs.nameKey, targetFile.getFileName() + "#" + t);

        List<Rankings.Ranking> rankings = Rankings.readAll(rankingFiles, db, indexOrder, krrArgs.nameKey, krrArgs.maxSize());

        TargetedKrr krr;
        try {
            krr = TargetedKrr.of(db.structures(), energies, tgt, targetEnergy, krrArgs.settings(), Fchl19.defaults());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
        List<NamedRanking> named = new ArrayList<>();
        for (Rankings.Ranking r : rankings) named.add(new NamedRanking(r.name(), r.indices()));
        List<Curve> curves;
        try {
            curves = IlpSelect.learningCurves(krr, named, krrArgs.sizes, common.threads, new ProgressSteps(common.showProgress(), err()));
        } catch (CurveFailure e) {
            throw new CliFailure(rankings.get(e.ranking()).file() + ": " + e.getMessage());
        }
        double seconds = secondsSince(t0);

        LearningCurveReport report = new LearningCurveReport(this, krr, curves);
        Json.write(output, report.json(targetName, t, db.size(), targetEnergy, rankings, seconds), out());
        // After the report, before the summary: see writePlot.
        boolean plotted = plot != null
                && writePlot(plot, () -> CurvePlot.write(plot, "Learning curves: " + targetName, "MAE (kcal/mol)", report.lines()));
        if (Json.STDOUT.equals(output)) return;
        report.printSummary(out(), targetName, plotted, seconds);
    }
}
