package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

/**
 * Orders database molecules by their usefulness as training data for one target molecule
 * (docs/methods.md, "Target-tailored selection"). Implementations: {@link IlpRanker},
 * {@link SmlRanker}, {@link FpsRanker}, {@link CurRanker}, {@link RandomRanker}.
 */
public interface Ranker {
    /** Short method name as used on the command line ("ilp", "sml", ...). */
    String method();

    /**
     * Ranks database molecules for the target.
     *
     * @param database the candidate training molecules
     * @param target   exactly one molecule
     * @param size     number of molecules wanted, 1..database.size()
     * @return the ranking; it may hold fewer than {@code size} molecules when the method stops
     *         early (the ILP's time limit, or no further molecule can be mapped)
     */
    Ranking rank(MoleculeReps database, MoleculeReps target, int size);

    /** Checks the common arguments of {@link #rank}. */
    static void checkArguments(MoleculeReps database, MoleculeReps target, int size) {
        if (target.size() != 1) throw new IllegalArgumentException("the target must be one molecule, got " + target.size());
        if (database.dim() != target.dim())
            throw new IllegalArgumentException("database rows have " + database.dim() + " values, target rows " + target.dim());
        if (size < 1 || size > database.size())
            throw new IllegalArgumentException("size " + size + " outside 1.." + database.size());
    }
}
