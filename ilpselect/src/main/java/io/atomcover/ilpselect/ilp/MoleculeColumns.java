package io.atomcover.ilpselect.ilp;

import java.util.Arrays;

/**
 * The candidate pairs of a {@link MappingProblem} regrouped by molecule and by database atom, for the
 * column view of the program: a solution is a set of columns, one per used molecule M, each a
 * non-empty injective map of some target atoms onto atoms of M, costing
 * {@code Σ d² + λ(m_M - |mapped|)}; the objective is the sum of its columns' costs (the -λn of the
 * objective is absorbed because the columns map n target atoms in all).
 *
 * <p>With multipliers u on "each target atom mapped exactly once", a column's reduced cost is
 * {@code λ m_M + Σ (d² - λ - u_t)} over its pairs; {@link Pricer#price} finds the smallest over the
 * columns of one molecule, a matching of the molecule's few atoms (at most 64, QM7 has 7) found by an
 * exact depth-first search over its negative pairs.
 */
final class MoleculeColumns {
    final int targetAtoms;
    final int molecules;
    final double lambda;
    /** Molecule → λ m_M. */
    final double[] fixed;
    /** Molecule → its database atoms (local atoms) atomStart[M]..atomStart[M+1]-1. */
    final int[] atomStart;
    /** Local atom → its pairs atomPairStart[a]..atomPairStart[a+1]-1 (positions in pairTarget/pairCost/pairIndex). */
    final int[] atomPairStart;
    final int[] pairTarget;
    final double[] pairCost;
    /** Position → the pair's index in the MappingProblem. */
    final int[] pairIndex;
    /** Molecule → bit t set when some atom of M is a candidate for target atom t. */
    final long[] mask;
    /** Target atom → molecules with a candidate pair for it, ascending. */
    final int[][] moleculesOf;
    /** Molecule → target atoms it touches (columns of its pricing assignment), ascending. */
    final int[][] touched;

    MoleculeColumns(MappingProblem p) {
        if (p.targetAtoms > 63) throw new IllegalArgumentException("--solver bnb maps at most 63 target heavy atoms, this target has " + p.targetAtoms
                + ": use --solver cpsat");
        targetAtoms = p.targetAtoms;
        molecules = p.molecules();
        lambda = p.penalty;
        fixed = new double[molecules];
        for (int m = 0; m < molecules; m++) fixed[m] = lambda * p.moleculeSize[m];
        int pairs = p.pairs();
        int[] pairTargetOf = new int[pairs];
        for (int t = 0; t < targetAtoms; t++) for (int q = p.pairStart[t]; q < p.pairStart[t + 1]; q++) pairTargetOf[q] = t;
        // order the pairs by (molecule, database atom, target atom)
        Integer[] order = new Integer[pairs];
        for (int q = 0; q < pairs; q++) order[q] = q;
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(p.pairMolecule[a], p.pairMolecule[b]);
            if (c != 0) return c;
            c = Integer.compare(p.pairAtom[a], p.pairAtom[b]);
            return c != 0 ? c : Integer.compare(pairTargetOf[a], pairTargetOf[b]);
        });
        pairTarget = new int[pairs];
        pairCost = new double[pairs];
        pairIndex = new int[pairs];
        int[] localAtomStarts = new int[pairs + 1];
        atomStart = new int[molecules + 1];
        mask = new long[molecules];
        int atoms = 0;
        int lastAtom = -1;
        int lastMolecule = -1;
        for (int i = 0; i < pairs; i++) {
            int q = order[i];
            int m = p.pairMolecule[q];
            if (m != lastMolecule) {
                for (int mm = lastMolecule + 1; mm <= m; mm++) atomStart[mm] = atoms;
                lastMolecule = m;
                lastAtom = -1;
            }
            if (p.pairAtom[q] != lastAtom) {
                localAtomStarts[atoms++] = i;
                lastAtom = p.pairAtom[q];
            }
            pairTarget[i] = pairTargetOf[q];
            pairCost[i] = p.pairCost[q];
            pairIndex[i] = q;
            mask[m] |= 1L << pairTargetOf[q];
        }
        for (int mm = lastMolecule + 1; mm <= molecules; mm++) atomStart[mm] = atoms;
        for (int m = 0; m < molecules; m++)
            if (atomStart[m + 1] - atomStart[m] > 64)
                throw new IllegalArgumentException("--solver bnb handles database molecules of at most 64 candidate atoms, one has "
                        + (atomStart[m + 1] - atomStart[m]) + ": use --solver cpsat");
        localAtomStarts[atoms] = pairs;
        atomPairStart = Arrays.copyOf(localAtomStarts, atoms + 1);
        moleculesOf = new int[targetAtoms][];
        for (int t = 0; t < targetAtoms; t++) {
            long bit = 1L << t;
            int c = 0;
            for (int m = 0; m < molecules; m++) if ((mask[m] & bit) != 0) c++;
            moleculesOf[t] = new int[c];
            c = 0;
            for (int m = 0; m < molecules; m++) if ((mask[m] & bit) != 0) moleculesOf[t][c++] = m;
        }
        touched = new int[molecules][];
        for (int m = 0; m < molecules; m++) {
            touched[m] = new int[Long.bitCount(mask[m])];
            int c = 0;
            for (long b = mask[m]; b != 0; b &= b - 1) touched[m][c++] = Long.numberOfTrailingZeros(b);
        }
    }

    int atoms(int m) {
        return atomStart[m + 1] - atomStart[m];
    }

    /** Per position, the reduced pair weight d² - λ - u_t. */
    void reducedWeights(double[] u, double[] w) {
        for (int q = 0; q < w.length; q++) w[q] = pairCost[q] - lambda - u[pairTarget[q]];
    }

    /**
     * Pricing of one molecule's columns; holds scratch space, so each thread needs its own
     * ({@link #pricer()}).
     */
    final class Pricer {
        /**
         * The smallest reduced cost over the non-empty columns of molecule m under multipliers u, and
         * the column reaching it: {@code taken[t]} is set to true for its target atoms (the array is
         * cleared first for the molecule's touched atoms only).
         *
         * @param w per position, d² - λ - u_t (see {@link #reducedWeights})
         */
        double price(int m, double[] w, boolean[] taken) {
            return price(m, w, taken, -1L);
        }

        /** As {@link #price(int, double[], boolean[])}, over the columns that map only target atoms of {@code allowed}; +∞ when there is none. */
        double price(int m, double[] w, boolean[] taken, long allowed) {
            for (int t : touched[m]) taken[t] = false;
            int from = atomStart[m];
            int to = atomStart[m + 1];
            double cheapest = Double.POSITIVE_INFINITY;
            int cheapestPos = -1;
            // per atom, the smallest negative weight over allowed targets: suffix sums bound the search
            double[] lowest = scratchLowest;
            lowest[to - from] = 0;
            for (int a = to - 1; a >= from; a--) {
                double lo = 0;
                for (int q = atomPairStart[a]; q < atomPairStart[a + 1]; q++) {
                    if ((allowed & (1L << pairTarget[q])) == 0) continue;
                    double v = w[q];
                    if (v < lo) lo = v;
                    if (v < cheapest) {
                        cheapest = v;
                        cheapestPos = q;
                    }
                }
                lowest[a - from] = lowest[a - from + 1] + lo;
            }
            if (cheapestPos < 0) return Double.POSITIVE_INFINITY;
            if (cheapest >= 0) { // no negative pair: the best non-empty column is the single cheapest pair
                taken[pairTarget[cheapestPos]] = true;
                return fixed[m] + cheapest;
            }
            bestSum = 0;
            bestTargets = 0;
            matchNegative(w, allowed, from, from, to, 0, 0L, lowest);
            for (long b = bestTargets; b != 0; b &= b - 1) taken[Long.numberOfTrailingZeros(b)] = true;
            return fixed[m] + bestSum;
        }

        private final double[] scratchLowest = new double[65];
        private double bestSum;
        private long bestTargets;

        /**
         * Depth-first minimum over the matchings of atoms a..to-1 onto distinct allowed target atoms using
         * negative weights only (an atom may stay unmapped); exact, pruned by the suffix bounds.
         */
        private void matchNegative(double[] w, long allowed, int from, int a, int to, double sum, long targets, double[] lowest) {
            if (sum + lowest[a - from] >= bestSum) return;
            if (a == to) {
                bestSum = sum;
                bestTargets = targets;
                return;
            }
            for (int q = atomPairStart[a]; q < atomPairStart[a + 1]; q++) {
                double v = w[q];
                long bit = 1L << pairTarget[q];
                if (v >= 0 || (allowed & bit) == 0 || (targets & bit) != 0) continue;
                matchNegative(w, allowed, from, a + 1, to, sum + v, targets | bit, lowest);
            }
            matchNegative(w, allowed, from, a + 1, to, sum, targets, lowest);
        }

    }

    /** A new pricer (one per thread). */
    Pricer pricer() {
        return new Pricer();
    }
}
