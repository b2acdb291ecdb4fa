package io.atomcover.ilpselect.ilp;

import java.util.Arrays;

/**
 * A Lagrangian lower bound on the optimum of the <em>unpruned</em> ILPSelect program: every database
 * heavy atom of a target element is a candidate, whatever K the solver works with. It shows what
 * pruning the candidates can cost.
 *
 * <p>Only "each target atom is mapped exactly once" is dualized, with a free multiplier u_j per
 * target atom j. For any u,
 * <pre>
 *   L(u) = Σ_j u_j - λn + Σ_M min(0, C_M(u)),
 *   C_M(u) = λ m_M + Σ over the selected atoms i of M of r_i,   r_i = min_{j: Z_j = Z_i} (d²_ij - u_j),
 * </pre>
 * where the selected atoms of M are, element by element, its atoms with r_i &lt; 0, at most
 * min(atoms of M of element z, target atoms of element z) of them for each element z (the cheapest).
 * This is the exact minimum of the Lagrangian function over a relaxation of the remaining program:
 * each molecule is either unused (cost 0) or used (cost λ m_M plus its atoms' reduced costs), every
 * database atom takes at most one target atom, and atoms of one molecule may take the same target
 * atom as long as no element contributes more atoms than the target has of it (the true program
 * needs distinct target atoms within a molecule, which implies that). Since a feasible solution
 * pays Σ_j u_j (1 - Σ_i x_ij) = 0 extra, min over the relaxation ≤ its objective: L(u) is a lower
 * bound on the unpruned optimum for every u. Its maximum over u is at least the bound of the LP
 * relaxation (a Lagrangian dual is never weaker than the LP relaxation it comes from), and at the
 * {@linkplain #start() start} point u_j = min_i (d²_ij + λ m_M/c_M) it is already at least the
 * {@linkplain MappingProblem#globalBound global bound} Σ_j min_i (d²_ij + λ(m_M - c_M)/c_M): every
 * reduced cost is then at least -λ m_M/c_M and at most c_M atoms of M are selected, so C_M ≥ 0.
 *
 * <p><b>Enumeration.</b> After earlier solutions, the program also requires at least one molecule
 * outside the set {@code seen} (Σ_{M unseen} y_M ≥ 1). The inner minimisation can honour it exactly:
 * when the unconstrained minimiser uses no unseen molecule, the cheapest way to satisfy the
 * constraint is to use the unseen molecule M with the smallest used cost, which adds C_M - min(0, C_M)
 * = C_M ≥ 0 (for a used molecule with no negative reduced cost, C_M is λ m_M plus its smallest
 * reduced cost, since a used molecule maps at least one atom). The result is the minimum of the
 * Lagrangian function over the relaxation with that constraint added, hence still a lower bound for
 * every solution that honours it; molecules of no target element cannot be used at all. With
 * {@code seen} null (the first solve), the same rule applies to all molecules: every solution uses at
 * least one molecule.
 *
 * <p>L is maximised by the subgradient method: subgradient g_j = 1 - (times target atom j is taken
 * by the inner minimiser), Polyak steps θ (U - L(u)) / |g|² towards an upper bound U (the objective
 * of a known solution), θ from 1 halved after {@value #PATIENCE} iterations without improvement.
 * The best L seen is kept. A subgradient of zero means the inner minimiser is itself a feasible
 * solution, so L(u) is then the optimum.
 *
 * <p>Cost: one evaluation reads every (target atom, database atom of its element) distance once
 * (sildenafil on QM7: about 0.85 million). Not thread-safe (scratch arrays are reused).
 */
final class LagrangianBound {
    /** Subgradient iterations of the first {@link #next} call. */
    static final int FIRST_ITERATIONS = 300;
    /** Subgradient iterations of each later {@link #next} call, warm-started from the best u so far. */
    static final int LATER_ITERATIONS = 30;
    /** Iterations without improvement before the step factor θ is halved. */
    static final int PATIENCE = 15;
    private static final double MIN_THETA = 1e-4;

    /**
     * One maximisation.
     *
     * @param value      the best L found (+∞ when no unseen molecule can be used at all)
     * @param u          the multipliers where L = value
     * @param start      L at the starting multipliers
     * @param iterations subgradient steps taken
     * @param theta      the step factor θ at the end (where a warm-started maximisation goes on from)
     * @param seconds    wall time
     */
    record Result(double value, double[] u, double start, int iterations, double theta, double seconds) {
    }

    private final TargetDistances distances;
    private final double lambda;
    private final int n;
    /** Element group g → its target atoms. */
    private final int[][] groupTargets;
    /** Element group g → molecule boundaries in the group's pool: molecule M owns positions from[g][M]..from[g][M+1]-1. */
    private final int[][] from;
    /** Molecule → whether it has a heavy atom of a target element (otherwise it can never be used). */
    private final boolean[] mappable;
    /** Scratch per group and pool position: the reduced cost r_i and its target atom. */
    private final double[][] reduced;
    private final int[][] argTarget;
    private final int[] selected;
    private Result last;

    LagrangianBound(TargetDistances distances, double lambda) {
        this.distances = distances;
        this.lambda = lambda;
        this.n = distances.targetAtoms;
        int molecules = distances.molecules();
        int[] groupOf = new int[n];
        java.util.List<int[]> pools = new java.util.ArrayList<>();
        java.util.List<java.util.List<Integer>> targets = new java.util.ArrayList<>();
        for (int t = 0; t < n; t++) {
            int g = 0;
            while (g < pools.size() && pools.get(g) != distances.pool[t]) g++;
            if (g == pools.size()) {
                pools.add(distances.pool[t]);
                targets.add(new java.util.ArrayList<>());
            }
            groupOf[t] = g;
            targets.get(g).add(t);
        }
        int groups = pools.size();
        groupTargets = new int[groups][];
        from = new int[groups][];
        reduced = new double[groups][];
        argTarget = new int[groups][];
        mappable = new boolean[molecules];
        int largestShare = 1;
        for (int g = 0; g < groups; g++) {
            groupTargets[g] = targets.get(g).stream().mapToInt(Integer::intValue).toArray();
            int[] rows = pools.get(g);
            reduced[g] = new double[rows.length];
            argTarget[g] = new int[rows.length];
            int[] f = new int[molecules + 1];
            // rows ascend and a molecule's rows are contiguous, so its atoms form one run of positions
            int p = 0;
            for (int m = 0; m < molecules; m++) {
                f[m] = p;
                while (p < rows.length && distances.atomMolecule[rows[p]] == m) p++;
                if (p > f[m]) mappable[m] = true;
                largestShare = Math.max(largestShare, p - f[m]);
            }
            f[molecules] = p;
            from[g] = f;
        }
        selected = new int[largestShare];
    }

    /**
     * The starting multipliers u_j = λ + min_i (d²_ij + λ(m_M - c_M)/c_M) = min_i (d²_ij + λ m_M/c_M),
     * where L is at least the global bound.
     */
    double[] start() {
        double[] u = new double[n];
        for (int t = 0; t < n; t++) {
            int[] rows = distances.pool[t];
            double[] d2 = distances.d2[t];
            double best = Double.POSITIVE_INFINITY;
            for (int p = 0; p < rows.length; p++) {
                int m = distances.atomMolecule[rows[p]];
                best = Math.min(best, MappingProblem.effectiveCost(d2[p], lambda, distances.size[m], distances.capacity[m]));
            }
            u[t] = best + lambda;
        }
        return u;
    }

    /**
     * L(u) under the enumeration constraint of {@code seen}.
     *
     * @param seen   database molecules (by index) the solution need not avoid but must not use alone;
     *               null: no earlier solution (every solution still uses some molecule)
     * @param counts when not null, filled with how often the inner minimiser takes each target atom
     * @return L(u), or +∞ when no unseen molecule can be used at all (the program is infeasible)
     */
    double evaluate(double[] u, boolean[] seen, int[] counts) {
        if (counts != null) Arrays.fill(counts, 0);
        for (int g = 0; g < groupTargets.length; g++) {
            double[] r = reduced[g];
            int[] arg = argTarget[g];
            Arrays.fill(r, Double.POSITIVE_INFINITY);
            for (int t : groupTargets[g]) {
                double ut = u[t];
                double[] d2 = distances.d2[t];
                for (int p = 0; p < r.length; p++) {
                    double v = d2[p] - ut;
                    if (v < r[p]) {
                        r[p] = v;
                        arg[p] = t;
                    }
                }
            }
        }
        double value = -lambda * n;
        for (double x : u) value += x;
        boolean unseenUsed = false;
        double cheapestUnseen = Double.POSITIVE_INFINITY;
        int cheapest = -1;
        for (int m = 0; m < mappable.length; m++) {
            if (!mappable[m]) continue;
            double used = usedCost(m, null);
            boolean unseen = seen == null || !seen[m];
            if (used < 0) {
                value += used;
                if (counts != null) usedCost(m, counts);
                if (unseen) unseenUsed = true;
            } else if (unseen && used < cheapestUnseen) {
                cheapestUnseen = used;
                cheapest = m;
            }
        }
        if (!unseenUsed) {
            if (cheapest < 0) return Double.POSITIVE_INFINITY;
            value += cheapestUnseen;
            if (counts != null) usedCost(cheapest, counts);
        }
        return value;
    }

    /**
     * C_M for the reduced costs of the last evaluation: λ m_M plus the selected reduced costs, or,
     * when none is negative, plus the smallest one (a used molecule maps at least one atom). Adds the
     * selected atoms' target atoms to {@code counts} when not null.
     */
    private double usedCost(int m, int[] counts) {
        double cost = lambda * distances.size[m];
        boolean any = false;
        double smallest = Double.POSITIVE_INFINITY;
        int smallestGroup = -1;
        int smallestPos = -1;
        for (int g = 0; g < groupTargets.length; g++) {
            int lo = from[g][m];
            int hi = from[g][m + 1];
            if (lo == hi) continue;
            double[] r = reduced[g];
            int c = 0;
            for (int p = lo; p < hi; p++) {
                if (r[p] < 0) selected[c++] = p;
                if (r[p] < smallest) {
                    smallest = r[p];
                    smallestGroup = g;
                    smallestPos = p;
                }
            }
            int cap = Math.min(hi - lo, groupTargets[g].length);
            if (c > cap) {
                // keep the cap most negative (insertion sort: molecules are small)
                for (int i = 1; i < c; i++) {
                    int x = selected[i];
                    int j = i - 1;
                    while (j >= 0 && r[selected[j]] > r[x]) {
                        selected[j + 1] = selected[j];
                        j--;
                    }
                    selected[j + 1] = x;
                }
                c = cap;
            }
            for (int i = 0; i < c; i++) {
                cost += r[selected[i]];
                if (counts != null) counts[argTarget[g][selected[i]]]++;
            }
            any |= c > 0;
        }
        if (!any) {
            cost += smallest;
            if (counts != null) counts[argTarget[smallestGroup][smallestPos]]++;
        }
        return cost;
    }

    /** {@link #maximise(double[], boolean[], double, int, double)} with θ starting at 1. */
    Result maximise(double[] u0, boolean[] seen, double upper, int iterations) {
        return maximise(u0, seen, upper, iterations, 1);
    }

    /**
     * Maximises L by the subgradient method from {@code u0}.
     *
     * @param seen       see {@link #evaluate}
     * @param upper      an upper bound on the optimum (the objective of a feasible solution), the
     *                   Polyak target; the search stops once L comes within 1e-9 (relative) of it
     * @param iterations the most subgradient steps
     * @param theta0     the first step factor θ
     */
    Result maximise(double[] u0, boolean[] seen, double upper, int iterations, double theta0) {
        long t0 = System.nanoTime();
        double[] u = u0.clone();
        int[] counts = new int[n];
        double value = evaluate(u, seen, counts);
        double start = value;
        double best = value;
        double[] bestU = u.clone();
        double theta = theta0;
        int stall = 0;
        int it = 0;
        double closed = upper - 1e-9 * Math.max(1, Math.abs(upper));
        while (it < iterations && best < closed && theta >= MIN_THETA && !Double.isInfinite(value)) {
            double norm = 0;
            for (int t = 0; t < n; t++) {
                double g = 1 - counts[t];
                norm += g * g;
            }
            if (norm == 0) break; // the inner minimiser maps every target atom once: L(u) is the optimum
            double step = theta * (upper - value) / norm;
            for (int t = 0; t < n; t++) u[t] += step * (1 - counts[t]);
            value = evaluate(u, seen, counts);
            it++;
            if (value > best) {
                best = value;
                System.arraycopy(u, 0, bestU, 0, n);
                stall = 0;
            } else if (++stall >= PATIENCE) {
                theta /= 2;
                stall = 0;
            }
        }
        return new Result(best, bestU, start, it, theta, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The bound for the next solve of an enumeration: the first call starts from {@link #start()}
     * with {@value #FIRST_ITERATIONS} iterations, later ones go on from the best u and the last θ of
     * the call before with {@value #LATER_ITERATIONS} more (a growing {@code seen} only raises L at a
     * fixed u, so the bound never falls from one solve to the next).
     */
    Result next(boolean[] seen, double upper) {
        Result r = last == null
                ? maximise(start(), seen, upper, FIRST_ITERATIONS, 1)
                : maximise(last.u(), seen, upper, LATER_ITERATIONS, Math.max(last.theta(), 2 * MIN_THETA));
        last = r;
        return r;
    }
}
