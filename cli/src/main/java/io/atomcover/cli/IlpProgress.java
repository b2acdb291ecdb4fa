package io.atomcover.cli;

import io.atomcover.ilpselect.ilp.IlpListener;
import io.atomcover.ilpselect.ilp.IlpSolution;
import io.atomcover.ilpselect.ilp.PruningCost;

/**
 * Draws an ILP enumeration on a progress bar (molecules found, objective, gap to the lower bound on
 * the unpruned program, K; then each step of the pruning check) and keeps the model size.
 */
final class IlpProgress implements IlpListener {
    private final Progress bar;
    private double[] model;

    IlpProgress(Progress bar) {
        this.bar = bar;
    }

    @Override
    public void modelBuilt(int pairs, int molecules, double pruningBound) {
        model = new double[] {pairs, molecules, pruningBound};
    }

    @Override
    public void widened(int from, int to, int found, int wanted) {
        bar.progress(Math.min(found, wanted), wanted);
        bar.message(Text.format("K=%s ran out: widening to K=%s", k(from), k(to)));
    }

    /** K as shown: "all" for 0. */
    static String k(int k) {
        return k == 0 ? "all" : Integer.toString(k);
    }

    @Override
    public void solution(IlpSolution s, int found, int wanted) {
        bar.progress(Math.min(found, wanted), wanted);
        // the bar already shows the elapsed time, and leaves about 30 of its 100 columns to this text
        bar.message(Text.format("obj %.4f gap %.1f%% K=%s", s.objective(), 100 * s.gap(), k(s.candidates())));
    }

    @Override
    public void pruningCheckSolving(int candidates, int pairs) {
        bar.message(Text.format("check K=%s: %d pairs", k(candidates), pairs));
    }

    @Override
    public void pruningCheckStep(PruningCost.Step s) {
        bar.message(Text.format("check K=%s %.4f %s %.0fs", k(s.candidates()), s.objective(), RankingJson.status(s), s.seconds()));
    }

    /** Candidate pairs, molecules and pruning bound of the model, or null before it was built. */
    double[] model() {
        return model;
    }
}
