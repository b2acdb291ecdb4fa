package io.atomcover.ilpselect.fchl;

import io.atomcover.io.InputException;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks structures for FCHL19 (elements, periodicity, padding) with errors naming file and line
 * where the dataset knows the frame's line ({@link Dataset#frameLine(int)}), else file and frame.
 */
public final class Fchl19Inputs {
    private Fchl19Inputs() {
    }

    /** The FCHL19 representation with the default parameters and the given element list. */
    public static Fchl19 representation(List<Integer> elements) {
        return Fchl19.builder().elements(elements.stream().mapToInt(Integer::intValue).toArray()).build();
    }

    /**
     * Line {@code offset} lines below the start of frame s (0: the atom-count line, 1: the comment
     * line, 2 + a: atom a, as laid out in XYZ), or 0 when the frame's line is unknown
     * ({@link Dataset#frameLine(int)}).
     */
    public static long lineIn(Dataset ds, int s, int offset) {
        long line = ds.frameLine(s);
        return line > 0 ? line + offset : 0;
    }

    /**
     * An error about frame s of {@code ds} in {@code file}: "FILE:LINE: problem" at {@link #lineIn}
     * when the frame's line is known, else "FILE: frame s: problem".
     */
    public static InputException frameError(Path file, Dataset ds, int s, int offset, String problem) {
        long line = lineIn(ds, s, offset);
        return new InputException(file, line, line > 0 ? problem : "frame " + s + ": " + problem);
    }

    /** As {@link #frameError} for atom a (0-based) of frame s: its own line, else "FILE: frame s, atom a: problem". */
    public static InputException atomError(Path file, Dataset ds, int s, int a, String problem) {
        long line = lineIn(ds, s, 2 + a);
        return new InputException(file, line, line > 0 ? problem : "frame " + s + ", atom " + a + ": " + problem);
    }

    /**
     * Fails with an {@link InputException} at the first periodic frame, atom of an element outside
     * the list, or frame with more than {@code pad} atoms (pad ≤ 0: no limit).
     */
    public static void check(Dataset ds, Fchl19 rep, int pad) {
        int[] elements = rep.elements();
        for (int s = 0; s < ds.size(); s++) {
            Structure st = ds.get(s);
            if (st.isPeriodic()) throw frameError(ds.source(), ds, s, 1, "FCHL19 needs non-periodic structures (molecules)");
            if (pad > 0 && st.size() > pad)
                throw new InputException(ds.source(), lineIn(ds, s, 0), "frame " + s + " has " + st.size() + " atoms, more than --pad " + pad);
            for (int a = 0; a < st.size(); a++) {
                int z = st.atomicNumber(a);
                if (Arrays.stream(elements).noneMatch(e -> e == z))
                    throw atomError(ds.source(), ds, s, a, "element " + Elements.symbol(z)
                            + " is not in the FCHL19 element list " + Arrays.toString(elements) + " (see --elements)");
            }
        }
    }
}
