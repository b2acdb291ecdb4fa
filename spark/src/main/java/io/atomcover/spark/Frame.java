package io.atomcover.spark;

import io.atomcover.structure.Structure;
import java.io.Serializable;

/**
 * A structure as it travels to an executor: what a QUESTS descriptor reads of it (species,
 * positions, cell, periodicity), without the info and per-atom columns.
 */
record Frame(String[] symbols, double[] positions, double[] cell, boolean[] pbc) implements Serializable {

    static Frame of(Structure s) {
        String[] symbols = new String[s.size()];
        for (int i = 0; i < symbols.length; i++) symbols[i] = s.symbol(i);
        return new Frame(symbols, s.positions(), s.cell(), s.pbc());
    }

    Structure structure() {
        return new Structure(symbols, positions, cell, pbc, null, null);
    }
}
