package io.atomcover.ilpselect.fchl;

import io.atomcover.io.InputException;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;
import java.util.Arrays;
import java.util.List;

/** Checks structures for FCHL19 (elements, periodicity, padding) with errors naming file and line. */
public final class Fchl19Inputs {
    private Fchl19Inputs() {
    }

    /** The FCHL19 representation with the default parameters and the given element list. */
    public static Fchl19 representation(List<Integer> elements) {
        return Fchl19.builder().elements(elements.stream().mapToInt(Integer::intValue).toArray()).build();
    }

    /** 1-based line of the atom-count line of frame s (frames of an XYZ file follow each other without gaps). */
    public static long frameLine(Dataset ds, int s) {
        long line = 1;
        for (int k = 0; k < s; k++) line += ds.get(k).size() + 2L;
        return line;
    }

    /**
     * Fails with an {@link InputException} at the first periodic frame, atom of an element outside
     * the list, or frame with more than {@code pad} atoms (pad ≤ 0: no limit).
     */
    public static void check(Dataset ds, Fchl19 rep, int pad) {
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
}
