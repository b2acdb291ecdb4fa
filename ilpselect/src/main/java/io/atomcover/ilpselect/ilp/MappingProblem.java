package io.atomcover.ilpselect.ilp;

import io.atomcover.backend.PairDistances;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data of the ILPSelect integer program for one target: the target's heavy atoms, the candidate
 * (target atom, database atom) pairs with their squared distances, and the database molecules that
 * own at least one candidate ("model molecules"). Hydrogens take no part in the mapping.
 *
 * <p>Pruning keeps, for each target atom, the K database atoms of its element nearest in
 * representation space. {@link #pruningBound} is a lower bound on the objective of any solution
 * of the unpruned program that uses a pair outside the candidates, so a solution of the pruned
 * program whose objective is at most that bound is optimal for the unpruned program as well. It
 * uses the per-pair cost {@code d² + λ (m_M - c_M) / c_M}, where c_M is the largest number of target
 * atoms molecule M can take (element by element): every solution costs at least the sum of these
 * over its pairs, since the objective is Σ d² + λ Σ_M (m_M - k_M) (the k_M target atoms mapped into the
 * used molecules M sum to n, which absorbs the objective's -λn) and λ(m_M - k) ≥ k λ(m_M - c_M)/c_M
 * for k ≤ c_M.
 */
final class MappingProblem {
    final int targetAtoms;
    /** Target heavy atom t → index of the atom in the target molecule. */
    final int[] targetAtom;
    /** Candidate pairs, grouped by target atom: pairs pairStart[t]..pairStart[t+1]-1 belong to target atom t. */
    final int[] pairStart;
    /** Pair → database atom row (global index in the database's rows). */
    final int[] pairAtom;
    /** Pair → model molecule. */
    final int[] pairMolecule;
    /** Pair → squared distance |rep_i - rep_j|². */
    final double[] pairCost;
    /** Model molecule → database molecule index; ascending. */
    final int[] moleculeIndex;
    /** Model molecule → m_M (heavy atoms, or all atoms when hydrogens count). */
    final int[] moleculeSize;
    /** λ. */
    final double penalty;
    /** Lower bound on any unpruned solution that uses a non-candidate pair; +∞ when nothing was pruned. */
    final double pruningBound;
    /**
     * Lower bound on every solution of the unpruned program: the sum over target atoms of their
     * cheapest {@linkplain #effectiveCost effective cost} over all database atoms of the element.
     */
    final double globalBound;
    /** K the candidates were chosen with (0: all). */
    final int candidates;
    /** The most database heavy atoms of one element of the target: a K this large keeps every atom. */
    final int largestPool;

    private MappingProblem(int[] targetAtom, int[] pairStart, int[] pairAtom, int[] pairMolecule, double[] pairCost,
                           int[] moleculeIndex, int[] moleculeSize, double penalty, double pruningBound, double globalBound,
                           int candidates, int largestPool) {
        this.targetAtoms = targetAtom.length;
        this.targetAtom = targetAtom;
        this.pairStart = pairStart;
        this.pairAtom = pairAtom;
        this.pairMolecule = pairMolecule;
        this.pairCost = pairCost;
        this.moleculeIndex = moleculeIndex;
        this.moleculeSize = moleculeSize;
        this.penalty = penalty;
        this.pruningBound = pruningBound;
        this.globalBound = globalBound;
        this.candidates = candidates;
        this.largestPool = largestPool;
    }

    int pairs() {
        return pairAtom.length;
    }

    int molecules() {
        return moleculeIndex.length;
    }

    /** The pair mapping target atom t onto database atom row {@code atom}, or -1 when it is no candidate. */
    int pair(int t, int atom) {
        for (int p = pairStart[t]; p < pairStart[t + 1]; p++) if (pairAtom[p] == atom) return p;
        return -1;
    }

    /** Model molecules whose database molecule is not marked in {@code seen} (indexed by database molecule). */
    int[] unseen(boolean[] seen) {
        return java.util.stream.IntStream.range(0, molecules()).filter(m -> !seen[moleculeIndex[m]]).toArray();
    }

    /** The constant -λn of the objective. */
    double offset() {
        return -penalty * targetAtoms;
    }

    /**
     * Builds the candidate pairs.
     *
     * @throws IllegalArgumentException when the target has no heavy atom, or one of an element no
     *                                  database molecule has
     */
    static MappingProblem build(MoleculeReps database, MoleculeReps target, IlpOptions options) {
        return build(database, target, TargetDistances.compute(database, target, options.countHydrogens(), options.threads()), options);
    }

    /**
     * Builds the candidate pairs from distances already computed for this database and target (with
     * the same {@link IlpOptions#countHydrogens()}).
     */
    static MappingProblem build(MoleculeReps database, MoleculeReps target, TargetDistances distances, IlpOptions options) {
        int n = distances.targetAtoms;
        int[] heavyTarget = distances.targetAtom;
        int[] atomMolecule = distances.atomMolecule;
        int[] size = distances.size;
        int[] capacity = distances.capacity;

        double lambda = options.penalty();
        int k = options.candidates();
        int[][] chosen = new int[n][];
        double[][] chosenCost = new double[n][];
        double[] bestAll = new double[n];
        double[] bestOutside = new double[n];
        Parallel.run(options.threads(), n, t -> {
            int[] pool = distances.pool[t];
            double[] d2 = distances.d2[t];
            int keep = k == 0 ? pool.length : Math.min(k, pool.length);
            int[] order = nearest(d2, keep);
            boolean[] in = new boolean[pool.length];
            chosen[t] = new int[keep];
            chosenCost[t] = new double[keep];
            for (int c = 0; c < keep; c++) {
                in[order[c]] = true;
                chosen[t][c] = pool[order[c]];
                chosenCost[t][c] = d2[order[c]];
            }
            double all = Double.POSITIVE_INFINITY;
            double outside = Double.POSITIVE_INFINITY;
            for (int p = 0; p < pool.length; p++) {
                double eff = effectiveCost(d2[p], lambda, size[atomMolecule[pool[p]]], capacity[atomMolecule[pool[p]]]);
                all = Math.min(all, eff);
                if (!in[p]) outside = Math.min(outside, eff);
            }
            bestAll[t] = all;
            bestOutside[t] = outside;
        });

        // every solution costs at least the Σ over its pairs of the effective costs: its objective is
        // Σ d² + λ Σ_M (m_M - k_M) (the k_M target atoms mapped into M sum to n, which absorbs the -λn),
        // and λ(m_M - k_M) ≥ k_M λ(m_M - c_M)/c_M; so -λn must not be added again
        double globalBound = 0;
        double worstStep = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            globalBound += bestAll[t];
            worstStep = Math.min(worstStep, bestOutside[t] - bestAll[t]);
        }
        double pruningBound = globalBound + worstStep;

        // model molecules: those owning a candidate, in database order
        boolean[] used = new boolean[database.size()];
        for (int t = 0; t < n; t++) for (int a : chosen[t]) used[atomMolecule[a]] = true;
        if (options.wholeMolecules()) addWholeMoleculePairs(database, target, heavyTarget, used, lambda, options.threads(), chosen, chosenCost);
        int total = 0;
        for (int t = 0; t < n; t++) total += chosen[t].length;
        int[] modelOf = new int[database.size()];
        List<Integer> index = new ArrayList<>();
        for (int m = 0; m < database.size(); m++) {
            modelOf[m] = used[m] ? index.size() : -1;
            if (used[m]) index.add(m);
        }
        int[] moleculeIndex = index.stream().mapToInt(Integer::intValue).toArray();
        int[] moleculeSize = new int[moleculeIndex.length];
        for (int i = 0; i < moleculeIndex.length; i++) moleculeSize[i] = size[moleculeIndex[i]];
        int[] pairStart = new int[n + 1];
        int[] pairAtom = new int[total];
        int[] pairMolecule = new int[total];
        double[] pairCost = new double[total];
        int p = 0;
        for (int t = 0; t < n; t++) {
            pairStart[t] = p;
            for (int c = 0; c < chosen[t].length; c++, p++) {
                pairAtom[p] = chosen[t][c];
                pairMolecule[p] = modelOf[atomMolecule[chosen[t][c]]];
                pairCost[p] = chosenCost[t][c];
            }
        }
        pairStart[n] = p;
        return new MappingProblem(heavyTarget.clone(), pairStart, pairAtom, pairMolecule, pairCost, moleculeIndex,
                moleculeSize, lambda, pruningBound, globalBound, k, distances.largestPool);
    }

    /**
     * For every molecule already holding a candidate, adds the pairs of its best whole-molecule
     * mapping: the minimum-cost assignment of its heavy atoms to distinct target atoms of the same
     * element, where leaving an atom unmapped costs λ (what it adds to the penalty). K-nearest pairs
     * alone rarely let a molecule map all its atoms, which the penalty rewards.
     */
    private static void addWholeMoleculePairs(MoleculeReps database, MoleculeReps target, int[] heavyTarget, boolean[] molecules,
                                              double lambda, int threads, int[][] chosen, double[][] chosenCost) {
        int n = heavyTarget.length;
        int dim = database.dim();
        int[] list = java.util.stream.IntStream.range(0, molecules.length).filter(m -> molecules[m]).toArray();
        int[][] found = new int[list.length][];
        Parallel.run(threads, list.length, k -> {
            int m = list[k];
            int[] dz = database.atomicNumbers();
            int[] rows = heavy(dz, database.start(m), database.start(m) + database.atoms(m));
            int r = rows.length;
            int cols = n + r; // target atoms, then one "unmapped" column per row
            double[] cost = new double[r * cols];
            double[] d2 = new double[r * n];
            for (int i = 0; i < r; i++) {
                int a = rows[i];
                for (int t = 0; t < n; t++) {
                    int b = heavyTarget[t];
                    double v;
                    if (dz[a] != target.atomicNumbers()[b]) {
                        v = Double.POSITIVE_INFINITY;
                    } else {
                        v = PairDistances.squaredDistance(database.data(), a, target.data(), b, dim);
                    }
                    d2[i * n + t] = v;
                    cost[i * cols + t] = Double.isInfinite(v) ? 1e12 : v;
                }
                for (int c = n; c < cols; c++) cost[i * cols + c] = lambda;
            }
            int[] columns = Assignment.solve(cost, r, cols);
            int[] pairs = new int[2 * r];
            int c = 0;
            for (int i = 0; i < r; i++)
                if (columns[i] < n && !Double.isInfinite(d2[i * n + columns[i]])) {
                    pairs[c++] = columns[i];
                    pairs[c++] = rows[i];
                }
            found[k] = Arrays.copyOf(pairs, c);
        });
        List<java.util.Set<Integer>> present = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            java.util.Set<Integer> set = new java.util.HashSet<>();
            for (int a : chosen[t]) set.add(a);
            present.add(set);
        }
        for (int[] pairs : found) {
            for (int c = 0; c < pairs.length; c += 2) {
                int t = pairs[c];
                int a = pairs[c + 1];
                if (!present.get(t).add(a)) continue;
                double v = PairDistances.squaredDistance(database.data(), a, target.data(), heavyTarget[t], dim);
                chosen[t] = Arrays.copyOf(chosen[t], chosen[t].length + 1);
                chosen[t][chosen[t].length - 1] = a;
                chosenCost[t] = Arrays.copyOf(chosenCost[t], chosenCost[t].length + 1);
                chosenCost[t][chosenCost[t].length - 1] = v;
            }
        }
    }

    /** Exact objective of a choice of one pair per target atom: Σ d² + λ(Σ m_M over used molecules - n). */
    double objective(int[] chosenPairs) {
        double d = 0;
        boolean[] used = new boolean[molecules()];
        double sizes = 0;
        for (int p : chosenPairs) {
            d += pairCost[p];
            if (!used[pairMolecule[p]]) {
                used[pairMolecule[p]] = true;
                sizes += moleculeSize[pairMolecule[p]];
            }
        }
        return d + penalty * (sizes - targetAtoms);
    }

    /** Positions of the {@code keep} smallest values, ascending (ties by position). */
    private static int[] nearest(double[] values, int keep) {
        if (keep == values.length) return Sorting.argsort(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double cut = sorted[keep - 1];
        int below = 0;
        for (double v : values) if (v < cut) below++;
        int tiesWanted = keep - below;
        double[] kept = new double[keep];
        int[] pos = new int[keep];
        int c = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < cut || (values[i] == cut && tiesWanted-- > 0)) {
                kept[c] = values[i];
                pos[c++] = i;
            }
        }
        int[] order = Sorting.argsort(kept);
        int[] out = new int[keep];
        for (int i = 0; i < keep; i++) out[i] = pos[order[i]];
        return out;
    }

    /**
     * The per-pair cost d² + λ(m_M - c_M)/c_M: summed over the pairs of any solution it is at most the
     * objective, since a used molecule that takes k ≤ c_M target atoms adds λ(m_M - k) ≥ k λ(m_M - c_M)/c_M.
     */
    static double effectiveCost(double d2, double lambda, int size, int capacity) {
        return d2 + lambda * (size - capacity) / capacity;
    }

    private static int[] heavy(int[] z, int from, int to) {
        return TargetDistances.heavy(z, from, to);
    }
}
