package io.atomcover.ilpselect.ilp;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ILP enumeration has found so far, kept across the candidate sets it widens through: the
 * molecules seen (by database index), the solutions, the molecules in order of appearance with the
 * objective of their first solution, and the mapping of the last solution (the next solve's hint).
 */
final class EnumerationState {
    private final boolean[] seen;
    private final List<IlpSolution> solutions = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();
    /** Positions in {@link #order} where the molecules of each candidate set begin. */
    private final List<Integer> stages = new ArrayList<>();
    private int[] lastAtoms;

    EnumerationState(int databaseSize) {
        seen = new boolean[databaseSize];
    }

    /** Database molecules used by some solution so far (read-only by convention). */
    boolean[] seen() {
        return seen;
    }

    int found() {
        return order.size();
    }

    boolean started() {
        return !solutions.isEmpty();
    }

    /** Starts a candidate set: molecules found from now on rank after those found before. */
    void newStage() {
        stages.add(order.size());
    }

    /**
     * Records a solution.
     *
     * @param atoms per target atom, the database atom row it is mapped onto
     */
    void add(IlpSolution s, int[] atoms) {
        solutions.add(s);
        for (int m : s.newMolecules()) {
            seen[m] = true;
            order.add(m);
            scores.add(s.objective());
        }
        for (int m : s.molecules()) seen[m] = true;
        lastAtoms = atoms.clone();
    }

    /** The last solution as a hint for {@code problem} (-1 for a target atom whose pair it lacks), or null before any solution. */
    int[] hint(MappingProblem problem) {
        if (lastAtoms == null) return null;
        int[] hint = new int[problem.targetAtoms];
        for (int t = 0; t < hint.length; t++) hint[t] = problem.pair(t, lastAtoms[t]);
        return hint;
    }

    /**
     * The ranking: within each candidate set, molecules by the objective of their first solution
     * (stable: order of appearance on ties); candidate sets in the order they were used, so a widened
     * enumeration only continues the ranking it had. At most {@code size} molecules.
     */
    Ranking ranking(String method, int size, Ranking.Stop stop, double seconds, double deterministicTime) {
        int total = order.size();
        int keep = Math.min(size, total);
        int[] ranked = new int[keep];
        double[] rankedScores = new double[keep];
        int k = 0;
        for (int s = 0; s < stages.size() && k < keep; s++) {
            int from = stages.get(s);
            int to = s + 1 < stages.size() ? stages.get(s + 1) : total;
            double[] score = new double[to - from];
            for (int i = 0; i < score.length; i++) score[i] = scores.get(from + i);
            for (int i : Sorting.argsort(score)) {
                if (k == keep) break;
                ranked[k] = order.get(from + i);
                rankedScores[k++] = score[i];
            }
        }
        return new Ranking(method, ranked, rankedScores, solutions, stop, seconds, deterministicTime, null);
    }
}
