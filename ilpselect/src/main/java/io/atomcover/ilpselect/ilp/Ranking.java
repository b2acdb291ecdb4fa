package io.atomcover.ilpselect.ilp;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of database molecules for one target.
 *
 * @param method    the ranker's name
 * @param order     database molecule indices (0-based), best first
 * @param scores    one value per entry of {@code order} whose meaning depends on the method (ILP:
 *                  objective of the first solution holding the molecule; SML: distance of global
 *                  representations; FPS: distance to the nearest earlier pick; CUR: leverage score),
 *                  or null (random)
 * @param solutions the ILP solutions in the order found; empty for the other methods
 * @param stop      why the ranking ended: {@link Stop}
 * @param seconds   wall time of {@link Ranker#rank}
 * @param deterministicTime CP-SAT deterministic time the ILP used, the measure of its budget
 *                  ({@link IlpOptions#budget()}); NaN for the other methods and for SCIP
 * @param pruningCheck what pruning the ILP candidates costs ({@link IlpOptions#pruningCheck()}), or null
 */
public record Ranking(String method, int[] order, double[] scores, List<IlpSolution> solutions, Stop stop, double seconds,
                      double deterministicTime, PruningCost pruningCheck) {
    /** Why a ranking ended. */
    public enum Stop {
        /** As many molecules as asked for. */
        SIZE_REACHED,
        /**
         * A limit was hit first: the deterministic budget ({@link IlpOptions#budget()}), or a wall-clock
         * limit when one was given.
         */
        TIME_LIMIT,
        /** No further solution with a new molecule exists (within the candidate pairs). */
        EXHAUSTED
    }

    public Ranking {
        order = order.clone();
        scores = scores == null ? null : scores.clone();
        if (scores != null && scores.length != order.length)
            throw new IllegalArgumentException(scores.length + " scores for " + order.length + " molecules");
        solutions = List.copyOf(solutions);
    }

    /** A ranking without deterministic time and pruning check. */
    public Ranking(String method, int[] order, double[] scores, List<IlpSolution> solutions, Stop stop, double seconds) {
        this(method, order, scores, solutions, stop, seconds, Double.NaN, null);
    }

    /**
     * This ranking with a pruning check, and {@code seconds} and {@code deterministicTime} as its wall
     * and deterministic time (the check's included).
     */
    public Ranking withPruningCheck(PruningCost check, double seconds, double deterministicTime) {
        return new Ranking(method, order, scores, solutions, stop, seconds, deterministicTime, check);
    }

    /** A baseline ranking of exactly the given order (no solutions). */
    static Ranking of(String method, int[] order, double[] scores, long startNanos) {
        return new Ranking(method, order, scores, List.of(), Stop.SIZE_REACHED, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Database indices, best first (copy). */
    @Override
    public int[] order() {
        return order.clone();
    }

    /** Per-molecule scores (copy), or null. */
    @Override
    public double[] scores() {
        return scores == null ? null : scores.clone();
    }

    public int size() {
        return order.length;
    }

    /**
     * This ranking's molecules, then those of {@code more} that it does not hold, in their order, until
     * {@code size} molecules (or {@code more} runs out). Used to complete a short ranking (such as an ILP
     * run over fewer molecules) with a cheaper one.
     */
    public int[] extendedWith(int[] more, int size) {
        int[] out = new int[Math.max(size, 0)];
        Set<Integer> taken = new HashSet<>();
        int k = 0;
        for (int m : order) {
            if (k == out.length) break;
            if (taken.add(m)) out[k++] = m;
        }
        for (int m : more) {
            if (k == out.length) break;
            if (taken.add(m)) out[k++] = m;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ranking r && method.equals(r.method) && Arrays.equals(order, r.order)
                && Arrays.equals(scores, r.scores) && solutions.equals(r.solutions) && stop == r.stop && seconds == r.seconds
                && Double.compare(deterministicTime, r.deterministicTime) == 0 && java.util.Objects.equals(pruningCheck, r.pruningCheck);
    }

    @Override
    public int hashCode() {
        return 31 * method.hashCode() + Arrays.hashCode(order);
    }

    @Override
    public String toString() {
        return "Ranking[" + method + ", " + order.length + " molecules, " + stop + "]";
    }
}
