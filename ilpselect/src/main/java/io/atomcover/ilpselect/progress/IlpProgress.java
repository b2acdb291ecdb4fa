package io.atomcover.ilpselect.progress;

import io.atomcover.ilpselect.ilp.IlpListener;
import io.atomcover.ilpselect.ilp.IlpSolution;
import io.atomcover.ilpselect.ilp.PruningCost;
import io.atomcover.ilpselect.report.RankingJson;
import java.util.Locale;

/**
 * Shows an ILP enumeration on a {@link StepListener.Task} (molecules found, objective, gap to the lower
 * bound on the unpruned program, K; then each step of the pruning check) and keeps the model size for
 * the report.
 */
public final class IlpProgress implements IlpListener {
    private final StepListener.Task task;
    private double[] model;

    public IlpProgress(StepListener.Task task) {
        this.task = task;
    }

    @Override
    public void modelBuilt(int pairs, int molecules, double pruningBound) {
        model = new double[] {pairs, molecules, pruningBound};
    }

    @Override
    public void widened(int from, int to, int found, int wanted) {
        task.progress(Math.min(found, wanted), wanted);
        task.message(format("K=%s ran out: widening to K=%s", k(from), k(to)));
    }

    /** K as shown: "all" for 0. */
    public static String k(int k) {
        return k == 0 ? "all" : Integer.toString(k);
    }

    @Override
    public void moleculesSolved(int solved, int ranked, int wanted) {
        task.progress(ranked, wanted);
        task.message(format("%d molecules solved", solved));
    }

    @Override
    public void solution(IlpSolution s, int found, int wanted) {
        task.progress(Math.min(found, wanted), wanted);
        // a progress bar already shows the elapsed time, and leaves about 30 of its 100 columns to this text
        task.message(format("obj %.4f gap %.1f%% K=%s", s.objective(), 100 * s.gap(), k(s.candidates())));
    }

    @Override
    public void pruningCheckSolving(int candidates, int pairs) {
        task.message(format("check K=%s: %d pairs", k(candidates), pairs));
    }

    @Override
    public void pruningCheckStep(PruningCost.Step s) {
        task.message(format("check K=%s %.4f %s %.0fs", k(s.candidates()), s.objective(), RankingJson.status(s), s.seconds()));
    }

    /** Candidate pairs, molecules and pruning bound of the model, or null before it was built. */
    public double[] model() {
        return model;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
