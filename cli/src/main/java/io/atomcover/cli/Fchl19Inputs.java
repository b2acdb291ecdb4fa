package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Elements;
import io.atomcover.io.InputException;
import io.atomcover.structure.Structure;
import java.util.Arrays;
import java.util.List;

/** Checks structures for FCHL19 (elements, periodicity, padding) with errors naming file and line, and computes it. */
final class Fchl19Inputs {
    private Fchl19Inputs() {
    }

    /** The FCHL19 representation with the default parameters and the given element list. */
    static Fchl19 representation(List<Integer> elements) {
        return Fchl19.builder().elements(elements.stream().mapToInt(Integer::intValue).toArray()).build();
    }

    /** Usage error (exit 2) unless {@code --elements} makes a valid FCHL19 representation. */
    static void checkElements(List<Integer> elements, BaseCommand command) {
        if (elements.isEmpty()) throw command.usage("--elements must list at least one atomic number");
        try {
            representation(elements);
        } catch (IllegalArgumentException e) {
            throw command.usage("--elements: " + e.getMessage());
        }
    }

    /** 1-based line of the atom-count line of frame s (frames of an XYZ file follow each other without gaps). */
    static long frameLine(Dataset ds, int s) {
        long line = 1;
        for (int k = 0; k < s; k++) line += ds.get(k).size() + 2L;
        return line;
    }

    /**
     * Fails with an {@link InputException} at the first periodic frame, atom of an element outside
     * the list, or frame with more than {@code pad} atoms (pad ≤ 0: no limit).
     */
    static void check(Dataset ds, Fchl19 rep, int pad) {
        int[] elements = rep.elements();
        for (int s = 0; s < ds.size(); s++) {
            Structure st = ds.get(s);
            long line = frameLine(ds, s);
            if (st.isPeriodic()) throw new InputException(ds.source(), line + 1, "FCHL19 needs non-periodic structures (molecules)");
            if (pad > 0 && st.size() > pad)
                throw new InputException(ds.source(), line, "frame " + s + " has " + st.size() + " atoms, more than --pad " + pad);
            for (int a = 0; a < st.size(); a++) {
                int z = st.atomicNumber(a);
                if (Arrays.stream(elements).noneMatch(e -> e == z))
                    throw new InputException(ds.source(), line + 2 + a, "element " + Elements.symbol(z)
                            + " is not in the FCHL19 element list " + Arrays.toString(elements) + " (see --elements)");
            }
        }
    }

    /** Per-atom FCHL19 of every structure, with a progress bar when enabled. */
    static MoleculeReps compute(Dataset ds, Fchl19 rep, CommonOptions common) {
        check(ds, rep, 0);
        try (Progress p = Progress.start("fchl19", " molecules", common.showProgress(), System.err)) {
            return MoleculeReps.fchl19(ds.structures(), rep, common.threads, p);
        }
    }
}
