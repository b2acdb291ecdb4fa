package io.atomcover.ilpselect.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.experiment.Experiment;
import io.atomcover.ilpselect.experiment.ExperimentAverages;
import io.atomcover.ilpselect.experiment.ExperimentSetup;
import io.atomcover.ilpselect.experiment.ReferenceCurves;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.ilpselect.progress.IlpProgress;
import io.atomcover.ilpselect.progress.StepListener;
import io.atomcover.ilpselect.report.ReportJson;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ILPSelect facade: rank database molecules for one target, learning curves of one target for
 * given rankings, and whole experiments (every method for every target, averaged, resumable).
 *
 * <pre>{@code
 * Selected s = IlpSelect.select(database, target,
 *         new SelectSettings(RankingMethod.SML, 64, Fchl19.defaults(), IlpOptions.defaults(), 0, 4), StepListener.NONE);
 * TargetedKrr krr = TargetedKrr.of(database.structures(), energies, target, targetEnergy, KrrSettings.defaults(), Fchl19.defaults());
 * List<Curve> curves = IlpSelect.learningCurves(krr, List.of(new NamedRanking("sml", s.ranking().order())),
 *         new int[] {16, 32, 64}, 4, StepListener.NONE);
 * }</pre>
 */
public final class IlpSelect {
    private IlpSelect() {
    }

    /**
     * Ranks database molecules for one target: FCHL19 of both (a step named "fchl19"), then the
     * method (a step named after it).
     *
     * @throws IllegalArgumentException when the method cannot rank (a size outside the database, no
     *                                  heavy atom for the ILP, …)
     */
    public static Selected select(Dataset database, Structure target, SelectSettings settings, StepListener listener) {
        MoleculeReps db;
        try (StepListener.Task task = listener.start("fchl19", " molecules", false)) {
            db = MoleculeReps.fchl19(database.structures(), settings.representation(), settings.threads(), task);
        }
        MoleculeReps t = MoleculeReps.fchl19(List.of(target), settings.representation(), 1, null);
        try (StepListener.Task task = listener.start(settings.method().toString(), " molecules", true)) {
            IlpProgress progress = new IlpProgress(task);
            Ranking ranking = settings.method().ranker(settings.ilp(), settings.seed(), progress).rank(db, t, settings.size());
            return new Selected(ranking, progress.model());
        }
    }

    /**
     * The learning curve of each ranking for the target of {@code krr}, one step each, named after the ranking.
     *
     * @param sizes training-set sizes; every ranking holds at least the largest
     * @throws CurveFailure naming the ranking whose curve cannot be computed
     */
    public static List<Curve> learningCurves(TargetedKrr krr, List<NamedRanking> rankings, int[] sizes, int threads,
                                             StepListener listener) {
        List<Curve> curves = new ArrayList<>();
        for (int k = 0; k < rankings.size(); k++) {
            NamedRanking r = rankings.get(k);
            long t0 = System.nanoTime();
            List<CurvePoint> points;
            try (StepListener.Task task = listener.start(r.name(), " steps", false)) {
                points = krr.learningCurve(r.indices(), sizes, threads, task);
            } catch (IllegalArgumentException e) {
                throw new CurveFailure(k, e.getMessage(), e);
            }
            curves.add(new Curve(r.name(), points, (System.nanoTime() - t0) / 1e9));
        }
        return curves;
    }

    /**
     * Runs an experiment ({@link Experiment}: every ranking and curve computed, or read back from the
     * results folder when made with the same parameters), averages its curves and writes them, with
     * the seconds since {@code startNanos}, to the averages file of the folder.
     *
     * @param startNanos when the run started ({@link System#nanoTime}), for elapsed times
     * @throws io.atomcover.ilpselect.experiment.ExperimentFailure when a ranking or curve cannot be computed
     */
    public static ExperimentResult experiment(ExperimentSetup setup, StepListener listener, long startNanos) throws IOException {
        Experiment experiment = new Experiment(setup, listener, startNanos);
        List<Experiment.Run> runs = experiment.run();
        List<ExperimentAverages.MethodCurve> curves = ExperimentAverages.of(setup, runs);
        List<ReferenceCurves.Comparison> comparisons = setup.referenceCurves() == null ? List.of()
                : ReferenceCurves.compare(setup, curves, setup.referenceCurves());
        ObjectNode report = ExperimentAverages.report(setup, curves, comparisons, setup.files());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        report.put("seconds", seconds);
        ReportJson.write(setup.files().averages(), report);
        return new ExperimentResult(runs, curves, comparisons, experiment.tally(), seconds);
    }
}
