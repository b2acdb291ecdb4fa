package io.atomcover.ilpselect.ilp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact branch and bound for the program of a {@link MappingProblem} in its column view
 * ({@link MoleculeColumns}), optionally with one molecule forced into the solution.
 *
 * <p><b>Bound.</b> For multipliers u on "each target atom mapped exactly once", every solution costs
 * {@code L(u) + Σ_used ρ(column) + Σ_unused, g_M < 0 (-g_M)}, where g_M is the smallest reduced cost of
 * molecule M's columns ({@link MoleculeColumns.Pricer#price}), {@code L(u) = Σ u + Σ_M min(0, g_M)} the
 * Lagrangian bound, and {@code ρ = reduced cost - min(0, g_M) ≥ 0}. With a forced molecule F, its
 * term is g_F instead of min(0, g_F) (F is always used). Both sums are non-negative, so a partial
 * solution can be cut as soon as L(u), its columns' ρ and the share of the negative molecules it has
 * not used (see {@link #search}) reach the best objective found.
 *
 * <p><b>Search.</b> Depth first: the uncovered target atom with the fewest columns left is covered by
 * one column, tried in increasing ρ; a column maps only uncovered target atoms into an unused
 * molecule, and the largest of the uncovered atoms' cheapest columns adds to the bound. Everything is in a fixed order, so the result depends on the input
 * only. A node limit turns the search into a heuristic: the result then says it is not proven.
 */
final class ColumnSearch {
    static final double EPS = 1e-9;

    /**
     * @param objective the best objective found (+∞ when none below the incumbent)
     * @param pairs     MappingProblem pair per target atom of that solution (null when none)
     * @param proven    true when the search finished: objective is the optimum (or no solution below the incumbent exists)
     * @param bound     the Lagrangian bound L(u) the search started from
     * @param nodes     nodes visited
     */
    record Result(double objective, int[] pairs, boolean proven, double bound, long nodes) {
    }

    private final MoleculeColumns c;
    private final MoleculeColumns.Pricer pricer;
    private final int n;
    private final int[] order; // target atoms, fewest candidate molecules first
    private final double[] w;
    private final double[] g;
    private final boolean[] taken;
    // search state
    private final boolean[] used;
    private final int[] chosen; // position per target atom
    private int[] negatives;
    /** Molecule → its position in {@link #negatives}, or -1. */
    private final int[] negativeIndex;
    /** Molecules with a finite g_M, in increasing max(0, g_M). */
    private int[] byPrice;
    private double base;
    private double best;
    private int[] bestPairs;
    private long nodes;
    private long nodeLimit;
    private boolean aborted;

    ColumnSearch(MoleculeColumns columns) {
        this.c = columns;
        this.pricer = columns.pricer();
        this.n = columns.targetAtoms;
        Integer[] o = new Integer[n];
        for (int t = 0; t < n; t++) o[t] = t;
        Arrays.sort(o, (a, b) -> a.equals(b) ? 0 : columns.moleculesOf[a].length != columns.moleculesOf[b].length
                ? Integer.compare(columns.moleculesOf[a].length, columns.moleculesOf[b].length) : Integer.compare(a, b));
        order = new int[n];
        for (int t = 0; t < n; t++) order[t] = o[t];
        w = new double[columns.pairTarget.length];
        g = new double[columns.molecules];
        taken = new boolean[n];
        used = new boolean[columns.molecules];
        negativeIndex = new int[columns.molecules];
        chosen = new int[n];
    }

    /**
     * L(u) for covering the target atoms of {@code active} without molecule {@code excluded} (-1:
     * none), and its subgradient 1 - (times each active target atom is taken by the minimising
     * columns) in {@code subgradient} (may be null; 0 for inactive atoms).
     */
    double lagrangian(double[] u, long active, int excluded, double[] subgradient) {
        return lagrangian(u, active, excluded, -1, subgradient);
    }

    /** As {@link #lagrangian(double[], long, int, double[])}, with molecule {@code forced} (-1: none) always used. */
    double lagrangian(double[] u, long active, int excluded, int forced, double[] subgradient) {
        c.reducedWeights(u, w);
        for (int q = 0; q < w.length; q++) if ((active & (1L << c.pairTarget[q])) == 0) w[q] = Double.POSITIVE_INFINITY;
        double value = 0;
        for (int t = 0; t < n; t++) if ((active & (1L << t)) != 0) value += u[t];
        if (subgradient != null) for (int t = 0; t < n; t++) subgradient[t] = (active & (1L << t)) != 0 ? 1.0 : 0.0;
        for (int m = 0; m < c.molecules; m++) {
            if (m == excluded || (c.mask[m] & active) == 0) {
                g[m] = Double.POSITIVE_INFINITY;
                continue;
            }
            double v = pricer.price(m, w, taken);
            g[m] = v;
            if (v < 0 || m == forced) {
                value += v;
                if (subgradient != null) for (int t : c.touched[m]) if (taken[t]) subgradient[t] -= 1;
            }
        }
        return value;
    }

    /** g_M of every molecule at the last {@link #lagrangian} evaluation (+∞ for molecules left out). */
    double[] prices() {
        return g.clone();
    }

    /**
     * Maximises L(u) (with {@code forced} always used, -1: none) by the subgradient method with Polyak
     * steps towards {@code target} (an upper
     * bound, e.g. a known objective), from and into {@code u}.
     *
     * @return the best L(u) found; u holds the multipliers reaching it
     */
    double maximise(double[] u, long active, int excluded, int forced, double target, int iterations) {
        double[] s = new double[n];
        double[] bestU = u.clone();
        double bestL = lagrangian(u, active, excluded, forced, s);
        double theta = 1.0;
        int stall = 0;
        double[] cur = u.clone();
        double l = bestL;
        for (int it = 0; it < iterations; it++) {
            double norm = 0;
            for (double v : s) norm += v * v;
            if (norm == 0) break; // the minimiser is feasible: L is the optimum
            double gap = Math.max(target - l, 1e-3);
            double step = theta * gap / norm;
            for (int t = 0; t < n; t++) cur[t] += step * s[t];
            l = lagrangian(cur, active, excluded, forced, s);
            if (l > bestL + 1e-9) {
                bestL = l;
                System.arraycopy(cur, 0, bestU, 0, n);
                stall = 0;
            } else if (++stall >= 10) {
                theta /= 2;
                stall = 0;
                if (theta < 1e-4) break;
            }
        }
        System.arraycopy(bestU, 0, u, 0, n);
        return bestL;
    }

    /**
     * Finds the cheapest cover of the target atoms in {@code active} by columns of molecules other
     * than {@code excluded} (-1: none), with molecule {@code forced} (-1: none) in every solution,
     * below {@code incumbent}.
     */
    Result solve(double[] u, long active, int excluded, int forced, double incumbent, long nodeLimit) {
        base = lagrangian(u, active, excluded, forced, null);
        List<Integer> neg = new ArrayList<>();
        for (int m = 0; m < c.molecules; m++) if (g[m] < 0 && m != forced) neg.add(m);
        negatives = neg.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(negativeIndex, -1);
        for (int i = 0; i < negatives.length; i++) negativeIndex[negatives[i]] = i;
        Integer[] o = new Integer[c.molecules];
        for (int m = 0; m < o.length; m++) o[m] = m;
        Arrays.sort(o, (a, b) -> {
            int x = Double.compare(Math.max(0, g[a]), Math.max(0, g[b]));
            return x != 0 ? x : Integer.compare(a, b);
        });
        int finite = 0;
        for (Integer m : o) if (g[m] < Double.POSITIVE_INFINITY) finite++;
        byPrice = new int[finite];
        for (int i = 0; i < finite; i++) byPrice[i] = o[i];
        best = incumbent;
        bestPairs = null;
        nodes = 0;
        this.nodeLimit = nodeLimit;
        aborted = false;
        Arrays.fill(used, false);
        if (excluded >= 0) used[excluded] = true;
        Arrays.fill(chosen, -1);
        if (forced < 0) {
            search(active, 0, 0);
        } else if (g[forced] < Double.POSITIVE_INFINITY) {
            List<Column> cols = new ArrayList<>();
            collect(forced, -1, active, best - base, g[forced], cols);
            cols.sort(Column.ORDER);
            used[forced] = true;
            for (Column col : cols) {
                if (base + col.rho >= best - EPS) break;
                apply(col);
                search(active & ~col.targets, col.rho, col.cost);
                if (aborted) break;
            }
        }
        return new Result(best, bestPairs, !aborted, base, nodes);
    }

    private void apply(Column col) {
        for (int i = 0; i < col.positions.length; i++) chosen[c.pairTarget[col.positions[i]]] = col.positions[i];
    }

    private void search(long uncovered, double rho, double cost) {
        if (aborted) return;
        if (++nodes > nodeLimit) {
            aborted = true;
            return;
        }
        // an unused molecule with g_M < 0 adds -g_M if it stays unused and at least the ρ of its best
        // column over the uncovered atoms if used: the smaller of the two, min(0, left) - g_M, is part
        // of the bound. A column of such a molecule is then measured from min(0, left) (its ρ'), so
        // that the molecule's share is not counted twice
        double[] left = new double[negatives.length];
        double dead = 0;
        for (int i = 0; i < negatives.length; i++) {
            int m = negatives[i];
            if (used[m]) continue;
            double v = (c.mask[m] & uncovered) == 0 ? Double.POSITIVE_INFINITY : pricer.price(m, w, taken, uncovered);
            left[i] = Math.min(0, v);
            dead += left[i] - g[m];
        }
        double lb = base + rho + dead;
        if (lb >= best - EPS) return;
        if (uncovered == 0) {
            best = cost;
            bestPairs = new int[n];
            for (int t = 0; t < n; t++) bestPairs[t] = chosen[t] < 0 ? -1 : c.pairIndex[chosen[t]];
            return;
        }
        double room = best - lb;
        // every column with ρ' below the room, of the molecules (in increasing max(0, g_M)) that can
        // still have one; then branch on the uncovered target atom with the fewest of them. Every
        // uncovered atom needs one, so the largest of their smallest ρ' adds to the bound
        int[] count = new int[n];
        double[] least = new double[n];
        Arrays.fill(least, Double.POSITIVE_INFINITY);
        List<Column> all = new ArrayList<>();
        for (int m : byPrice) {
            if (Math.max(0, g[m]) >= room) break;
            if (used[m] || (c.mask[m] & uncovered) == 0) continue;
            int i = negativeIndex[m];
            int before = all.size();
            collect(m, -1, uncovered, room, i >= 0 ? left[i] : Math.min(0, g[m]), all);
            for (int k = before; k < all.size(); k++) {
                Column col = all.get(k);
                for (long b = col.targets; b != 0; b &= b - 1) {
                    int t = Long.numberOfTrailingZeros(b);
                    count[t]++;
                    if (col.rho < least[t]) least[t] = col.rho;
                }
            }
        }
        int pick = -1;
        double most = 0;
        for (int o : order) {
            if ((uncovered & (1L << o)) == 0) continue;
            if (count[o] == 0) return;
            most = Math.max(most, least[o]);
            if (pick < 0 || count[o] < count[pick]) pick = o;
        }
        if (lb + most >= best - EPS) return;
        long pickBit = 1L << pick;
        List<Column> cols = new ArrayList<>(count[pick]);
        for (Column col : all) if ((col.targets & pickBit) != 0) cols.add(col);
        cols.sort(Column.ORDER);
        for (Column col : cols) {
            if (lb + col.rho >= best - EPS) break;
            int i = negativeIndex[col.molecule];
            // the child's ρ sum holds the column's ρ from min(0, g_M): ρ' plus the share taken out of dead
            double share = i >= 0 ? left[i] - g[col.molecule] : 0;
            used[col.molecule] = true;
            apply(col);
            search(uncovered & ~col.targets, rho + col.rho + share, cost + col.cost);
            used[col.molecule] = false;
            if (aborted) return;
        }
    }

    /** One candidate column: its molecule, target atoms, positions, true cost and ρ. */
    record Column(int molecule, long targets, int[] positions, double cost, double rho) {
        static final java.util.Comparator<Column> ORDER = (a, b) -> {
            int x = Double.compare(a.rho, b.rho);
            if (x != 0) return x;
            x = Integer.compare(a.molecule, b.molecule);
            return x != 0 ? x : Long.compare(a.targets, b.targets);
        };
    }

    private final int[] stack = new int[64];

    /**
     * Adds to {@code out} every column of molecule m that maps only target atoms of {@code allowed},
     * includes target atom {@code required} (-1: any, non-empty), and has ρ = reduced cost - offset
     * below {@code room}.
     */
    private void collect(int m, int required, long allowed, double room, double offset, List<Column> out) {
        int from = c.atomStart[m];
        int to = c.atomStart[m + 1];
        // suffix lower bounds: Σ over later atoms of min(0, their cheapest allowed weight)
        double[] suffix = new double[to - from + 1];
        for (int a = to - 1; a >= from; a--) {
            double lo = 0;
            for (int q = c.atomPairStart[a]; q < c.atomPairStart[a + 1]; q++)
                if ((allowed & (1L << c.pairTarget[q])) != 0) lo = Math.min(lo, w[q]);
            suffix[a - from] = suffix[a - from + 1] + lo;
        }
        enumerate(m, from, to, 0, required, allowed, c.fixed[m] - offset, 0, room, suffix, out, 0L);
    }

    private void enumerate(int m, int a, int to, int depth, int required, long allowed, double reduced, double cost,
                           double room, double[] suffix, List<Column> out, long targets) {
        int from = c.atomStart[m];
        if (reduced + suffix[a - from] >= room) return;
        if (a == to) {
            if (targets == 0) return;
            if (required >= 0 && (targets & (1L << required)) == 0) return;
            int[] positions = Arrays.copyOf(stack, depth);
            out.add(new Column(m, targets, positions, cost + c.fixed[m] - c.lambda * depth, reduced));
            return;
        }
        // leave atom a unmapped
        enumerate(m, a + 1, to, depth, required, allowed, reduced, cost, room, suffix, out, targets);
        for (int q = c.atomPairStart[a]; q < c.atomPairStart[a + 1]; q++) {
            long bit = 1L << c.pairTarget[q];
            if ((allowed & bit) == 0 || (targets & bit) != 0) continue;
            stack[depth] = q;
            enumerate(m, a + 1, to, depth + 1, required, allowed, reduced + w[q], cost + c.pairCost[q], room, suffix, out, targets | bit);
        }
    }
}
