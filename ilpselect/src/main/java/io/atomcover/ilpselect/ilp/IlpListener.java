package io.atomcover.ilpselect.ilp;

/** Hears about the ILP enumeration as it goes (called on the ranking thread). */
public interface IlpListener {
    /** Ignores everything. */
    IlpListener NONE = new IlpListener() { };

    /** The candidate pairs are ready: {@code pairs} x variables over {@code molecules} molecules. */
    default void modelBuilt(int pairs, int molecules, double pruningBound) {
    }

    /**
     * The candidates ran out of new molecules with {@code found} of {@code wanted} ranked: the model
     * is rebuilt with K = {@code to} (0: all atoms of the element) instead of {@code from}.
     */
    default void widened(int from, int to, int found, int wanted) {
    }

    /**
     * The branch and bound ({@link IlpSolver#BNB}) solved another batch of molecules: {@code solved} so
     * far, {@code ranked} of them below the cut-off (at most {@code wanted}).
     */
    default void moleculesSolved(int solved, int ranked, int wanted) {
    }

    /** A solution was found; {@code found} distinct molecules so far, {@code wanted} asked for. */
    default void solution(IlpSolution solution, int found, int wanted) {
    }

    /**
     * The pruning check is about to solve the first program with K = {@code candidates} (0: all atoms of
     * the element) over {@code pairs} candidate pairs.
     */
    default void pruningCheckSolving(int candidates, int pairs) {
    }

    /** The pruning check solved the first program with one more candidate set. */
    default void pruningCheckStep(PruningCost.Step step) {
    }
}
