package io.atomcover.ilpselect.ilp;

import io.atomcover.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ILP ranking of one candidate set computed molecule by molecule, without the enumeration.
 *
 * <p><b>Why this is the same ranking.</b> Let f(M) be the optimum of the program with molecule M
 * forced into the solution. The enumeration's k-th solve minimises over the solutions that use some
 * unseen molecule, so its optimum is the smallest f over the unseen molecules, and every unseen
 * molecule M' it uses has f(M') at most that objective (the solution uses M') and at least it (M' is
 * unseen). So an enumeration solved to optimality ranks every molecule by f(M), exactly; it only
 * leaves open the order among equal values. Here f is computed directly by {@link ColumnSearch}
 * for each molecule, in increasing order of a Lagrangian lower bound, until the N-th smallest f
 * found is below the bound of every molecule not yet solved; molecules with equal f rank in the
 * order of the solutions that bring them (ascending f, then ascending database index of the forced
 * molecule), within a solution by database index, as the enumeration does.
 *
 * <p><b>Determinism.</b> Molecules are solved in batches of {@value #BATCH}, in parallel within a
 * batch; what a solve may use from the others (the N-th smallest f so far as a cut-off, and upper
 * bounds from solutions already found) is fixed at the start of its batch, and the searches count
 * nodes, not seconds. So the ranking depends on the input and options only, not on the thread count
 * or the machine, unless a wall-clock limit binds.
 *
 * <p><b>Node limit.</b> A forced solve that reaches {@link IlpOptions#nodeLimit()} keeps the best
 * solution it found; the molecule is then ranked by that objective and its solution reports the
 * search's lower bound and {@code optimal: false}.
 */
final class ForcedMoleculeRanking {
    /** Molecules solved per batch; fixed so that the result does not depend on the thread count. */
    static final int BATCH = 16;
    /**
     * Nodes of a quick search that looks for an upper bound. Small, because on the hard targets the
     * solves that matter end at the node limit anyway, where a long dive only adds to their time.
     */
    static final long DIVE_NODES = 500;
    /** Subgradient rounds and iterations per round for the program without a forced molecule. */
    static final int ROOT_ROUNDS = 3;
    static final int ROOT_ITERATIONS = 300;
    /**
     * Subgradient rounds and iterations per round for one forced molecule. One round of 100 leaves as
     * many solves unproven on imatinib as three of 200, in 56 % of the time; none at all leaves more
     * (docs/benchmarks.md).
     */
    static final int FORCED_ROUNDS = 1;
    static final int FORCED_ITERATIONS = 100;
    /** Slack above an incumbent so that a solution of exactly that value is found again. */
    static final double SLACK = 1e-7;

    /**
     * The solve of one forced molecule.
     *
     * @param molecule  model molecule
     * @param objective f, or the best found under the node limit; +∞ when none was below the cut-off
     * @param pairs     pair per target atom of that solution (null when none)
     * @param proven    whether the search finished
     * @param bound     lower bound on f (objective when proven)
     * @param nodes     search nodes
     * @param seconds   wall time of the solve
     */
    record Solve(int molecule, double objective, int[] pairs, boolean proven, double bound, long nodes, double seconds) {
    }

    /**
     * @param solves     one per molecule solved, in increasing (objective, molecule)
     * @param root       the solve without a forced molecule (the program's optimum)
     * @param rootBound  the Lagrangian bound of the program without a forced molecule
     * @param examined   molecules solved
     * @param timedOut   whether the wall-clock limit stopped it
     */
    record Outcome(List<Solve> solves, Solve root, double rootBound, int examined, boolean timedOut) {
    }

    private final MappingProblem problem;
    private final MoleculeColumns columns;
    private final IlpOptions options;
    private final int n;
    private final long all;

    ForcedMoleculeRanking(MappingProblem problem, IlpOptions options) {
        this.problem = problem;
        this.columns = new MoleculeColumns(problem);
        this.options = options;
        this.n = problem.targetAtoms;
        this.all = n == 64 ? -1L : (1L << n) - 1;
    }

    /**
     * Computes f for every molecule that can be among the {@code size} best.
     *
     * @param progress called after each batch with (molecules solved, molecules with a value below the cut-off)
     */
    Outcome run(int size, Budget budget, java.util.function.BiConsumer<Integer, Integer> progress) {
        long start = System.nanoTime();
        ColumnSearch search = new ColumnSearch(columns);
        double[] u = new double[n];
        ColumnSearch.Result best = search.solve(u, all, -1, -1, Double.POSITIVE_INFINITY, DIVE_NODES);
        double bound = Double.NEGATIVE_INFINITY;
        if (best.pairs() != null) {
            for (int round = 0; round < ROOT_ROUNDS; round++) {
                bound = search.maximise(u, all, -1, -1, best.objective(), ROOT_ITERATIONS);
                ColumnSearch.Result r = search.solve(u, all, -1, -1, best.objective() + SLACK, DIVE_NODES);
                if (r.pairs() != null && r.objective() < best.objective()) best = r;
                if (r.proven()) break;
            }
        }
        ColumnSearch.Result exact = search.solve(u, all, -1, -1, best.pairs() == null ? Double.POSITIVE_INFINITY : best.objective() + SLACK,
                options.nodeLimit());
        if (exact.pairs() != null) best = exact;
        bound = Math.max(bound, exact.bound());
        double rootSeconds = (System.nanoTime() - start) / 1e9;
        if (best.pairs() == null) // no molecule set maps the target within these candidates
            return new Outcome(List.of(), null, bound, 0, false);
        Solve root = new Solve(-1, problem.objective(best.pairs()), best.pairs(), exact.proven(), exact.proven() ? best.objective() : bound, exact.nodes(), rootSeconds);
        double[] multipliers = u.clone();

        // molecules in increasing Lagrangian bound L + max(0, g_M): f(M) is at least that
        int molecules = problem.molecules();
        double[] lower = new double[molecules];
        double rootL = search.lagrangian(multipliers, all, -1, null);
        double[] g = search.prices();
        Integer[] order = new Integer[molecules];
        for (int m = 0; m < molecules; m++) {
            lower[m] = rootL + Math.max(0, g[m]);
            order[m] = m;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(m -> lower[m]).thenComparingInt(m -> m));

        double[] upper = new double[molecules];
        int[][] upperPairs = new int[molecules][];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        offer(root.objective(), root.pairs(), upper, upperPairs);

        List<Solve> solves = new ArrayList<>();
        List<Double> values = new ArrayList<>(); // objectives below the cut-off, for the N-th smallest
        // the molecules of the program's optimum need no solve of their own: f ≥ the optimum for every
        // molecule, and the optimum uses them
        boolean[] done = new boolean[molecules];
        if (root.proven()) {
            for (int p : root.pairs()) {
                int m = problem.pairMolecule[p];
                if (done[m]) continue;
                done[m] = true;
                solves.add(new Solve(m, root.objective(), root.pairs(), true, root.objective(), 0, 0));
                values.add(root.objective());
            }
        }
        int[] pending = java.util.stream.IntStream.range(0, molecules).map(i -> order[i]).filter(m -> !done[m]).toArray();
        boolean timedOut = false;
        int next = 0;
        while (next < pending.length) {
            double cutoff = values.size() >= size ? nth(values, size) : Double.POSITIVE_INFINITY;
            if (lower[pending[next]] > cutoff + ColumnSearch.EPS) break;
            if (options.timeLimitSeconds() - budget.seconds() <= 0) {
                timedOut = true;
                break;
            }
            int from = next;
            int to = Math.min(pending.length, from + BATCH);
            while (to > from + 1 && lower[pending[to - 1]] > cutoff + ColumnSearch.EPS) to--;
            next = to;
            Solve[] batch = new Solve[to - from];
            double[] upperNow = upper.clone();
            int[][] upperPairsNow = upperPairs.clone();
            Parallel.run(options.threads(), to - from, () -> new ColumnSearch(columns), (s, i) -> {
                int m = pending[from + i];
                batch[i] = solveForced(s, m, multipliers, Math.min(upperNow[m], cutoff), upperNow[m] <= cutoff ? upperPairsNow[m] : null);
            });
            for (Solve s : batch) {
                solves.add(s);
                if (s.pairs() != null) {
                    offer(s.objective(), s.pairs(), upper, upperPairs);
                    if (s.objective() < cutoff) values.add(s.objective());
                }
            }
            progress.accept(molecules - pending.length + next, Math.min(values.size(), size));
        }
        solves.removeIf(s -> s.pairs() == null);
        solves.sort(Comparator.comparingDouble(Solve::objective).thenComparingInt(Solve::molecule));
        return new Outcome(solves, root, bound, molecules - pending.length + next, timedOut);
    }

    /** Records that every molecule of a solution has f at most its objective. */
    private void offer(double objective, int[] pairs, double[] upper, int[][] upperPairs) {
        for (int p : pairs) {
            int m = problem.pairMolecule[p];
            if (objective < upper[m]) {
                upper[m] = objective;
                upperPairs[m] = pairs;
            }
        }
    }

    /**
     * f(m): the best solution that uses molecule m, if one is below {@code incumbent} (a known
     * solution of that value, {@code incumbentPairs}, or the cut-off when null).
     */
    private Solve solveForced(ColumnSearch s, int m, double[] rootMultipliers, double incumbent, int[] incumbentPairs) {
        long start = System.nanoTime();
        double[] u = rootMultipliers.clone();
        double value = incumbent;
        int[] pairs = incumbentPairs;
        long nodes = 0;
        ColumnSearch.Result dive = s.solve(u, all, -1, m, value + SLACK, DIVE_NODES);
        nodes += dive.nodes();
        if (dive.pairs() != null && dive.objective() < value + SLACK) {
            value = dive.objective();
            pairs = dive.pairs();
        }
        boolean proven = dive.proven();
        double bound = dive.bound();
        if (!proven && value < Double.POSITIVE_INFINITY) {
            for (int round = 0; round < FORCED_ROUNDS && !proven; round++) {
                bound = Math.max(bound, s.maximise(u, all, -1, m, value, FORCED_ITERATIONS));
                ColumnSearch.Result r = s.solve(u, all, -1, m, value + SLACK, DIVE_NODES);
                nodes += r.nodes();
                if (r.pairs() != null && r.objective() < value) {
                    value = r.objective();
                    pairs = r.pairs();
                }
                proven = r.proven();
            }
        }
        if (!proven) {
            ColumnSearch.Result r = s.solve(u, all, -1, m, value + SLACK, options.nodeLimit());
            nodes += r.nodes();
            if (r.pairs() != null && r.objective() < value) {
                value = r.objective();
                pairs = r.pairs();
            }
            proven = r.proven();
            bound = Math.max(bound, r.bound());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (pairs == null) return new Solve(m, Double.POSITIVE_INFINITY, null, proven, bound, nodes, seconds);
        value = problem.objective(pairs); // the same solution gets the same value whichever search found it
        return new Solve(m, value, pairs, proven, proven ? value : Math.min(bound, value), nodes, seconds);
    }

    /** The k-th smallest value (1-based). */
    private static double nth(List<Double> values, int k) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[k - 1];
    }
}
