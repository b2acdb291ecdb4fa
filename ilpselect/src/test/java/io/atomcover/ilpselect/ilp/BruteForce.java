package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact optimum of the ILPSelect program by depth-first enumeration of every element-matched
 * injective mapping of the target's heavy atoms onto database heavy atoms (no pruning, no solver).
 */
final class BruteForce {
    private final MoleculeReps db;
    private final double penalty;
    private final boolean countHydrogens;
    private final int[] targetHeavy;
    private final List<int[]> options = new ArrayList<>(); // per target atom: database rows of its element
    private final double[][] cost;
    private final int[] atomMolecule;
    private boolean[] seen;
    private MappingProblem outsideOf;
    private double best;

    BruteForce(MoleculeReps db, MoleculeReps target, double penalty, boolean countHydrogens) {
        this.db = db;
        this.penalty = penalty;
        this.countHydrogens = countHydrogens;
        int[] tz = target.atomicNumbers();
        this.targetHeavy = java.util.stream.IntStream.range(0, tz.length).filter(a -> tz[a] != 1).toArray();
        atomMolecule = new int[db.atomCount()];
        for (int m = 0; m < db.size(); m++)
            for (int a = db.start(m); a < db.start(m) + db.atoms(m); a++) atomMolecule[a] = m;
        cost = new double[targetHeavy.length][db.atomCount()];
        for (int t = 0; t < targetHeavy.length; t++) {
            int z = tz[targetHeavy[t]];
            int tt = t;
            options.add(java.util.stream.IntStream.range(0, db.atomCount()).filter(a -> db.atomicNumbers()[a] == z).toArray());
            for (int a : options.get(t)) cost[tt][a] = IlpFixtures.squaredDistance(db, a, target, targetHeavy[t]);
        }
    }

    /** The optimum over mappings that use at least one molecule not marked in {@code seen} (null: no such constraint). */
    double optimum(boolean[] seen) {
        this.seen = seen;
        this.outsideOf = null;
        best = Double.POSITIVE_INFINITY;
        search(0, 0, new boolean[db.atomCount()], new int[db.size()], false);
        return best;
    }

    /** The optimum over mappings that use at least one pair that is no candidate of {@code problem} (+∞ when none). */
    double optimumOutside(MappingProblem problem) {
        this.seen = null;
        this.outsideOf = problem;
        best = Double.POSITIVE_INFINITY;
        search(0, 0, new boolean[db.atomCount()], new int[db.size()], false);
        return best;
    }

    private void search(int t, double distance, boolean[] usedAtom, int[] perMolecule, boolean outside) {
        if (t == targetHeavy.length) {
            if (outsideOf != null && !outside) return;
            double sizes = 0;
            boolean fresh = seen == null;
            for (int m = 0; m < db.size(); m++) {
                if (perMolecule[m] == 0) continue;
                sizes += countHydrogens ? db.atoms(m) : db.heavyAtoms(m);
                if (seen != null && !seen[m]) fresh = true;
            }
            if (fresh) best = Math.min(best, distance + penalty * (sizes - targetHeavy.length));
            return;
        }
        for (int a : options.get(t)) {
            if (usedAtom[a]) continue;
            usedAtom[a] = true;
            perMolecule[atomMolecule[a]]++;
            search(t + 1, distance + cost[t][a], usedAtom, perMolecule, outside || (outsideOf != null && outsideOf.pair(t, a) < 0));
            perMolecule[atomMolecule[a]]--;
            usedAtom[a] = false;
        }
    }
}
