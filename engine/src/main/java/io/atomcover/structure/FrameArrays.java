package io.atomcover.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Dataset} from flat arrays that hold all frames at once, the shape in which array
 * libraries (NumPy through JPype, say) hand over many structures: one copy per array rather than one
 * call per frame or atom. Frames follow each other in every array, atoms in order within a frame.
 *
 * <pre>{@code
 * Dataset ds = FrameArrays.of(counts, numbers, positions)
 *         .cells(cells, hasCell, pbc)
 *         .forces(forces, hasForces)
 *         .info(infoCounts, keys, values)
 *         .dataset();
 * }</pre>
 */
public final class FrameArrays {
    private final int[] atomCounts;
    private final int[] numbers;
    private final double[] positions;
    private double[] cells;
    private boolean[] hasCell;
    private boolean[] pbc;
    private double[] forces;
    private boolean[] hasForces;
    private int[] infoCounts;
    private String[] infoKeys;
    private String[] infoValues;

    private FrameArrays(int[] atomCounts, int[] numbers, double[] positions) {
        this.atomCounts = atomCounts;
        this.numbers = numbers;
        this.positions = positions;
    }

    /**
     * Frames of {@code atomCounts[s]} atoms each, without cells.
     *
     * @param numbers   atomic numbers of all atoms
     * @param positions x, y, z of all atoms (Å), 3 per atom
     */
    public static FrameArrays of(int[] atomCounts, int[] numbers, double[] positions) {
        int atoms = 0;
        for (int s = 0; s < atomCounts.length; s++) {
            if (atomCounts[s] < 0) throw new IllegalArgumentException("frame " + s + " has a negative atom count");
            atoms = Math.addExact(atoms, atomCounts[s]);
        }
        if (numbers.length != atoms)
            throw new IllegalArgumentException(numbers.length + " atomic numbers for " + atoms + " atoms");
        if (positions.length != 3L * atoms)
            throw new IllegalArgumentException(positions.length + " position values for " + atoms + " atoms (3 each)");
        return new FrameArrays(atomCounts, numbers, positions);
    }

    /**
     * Lattices and periodicity.
     *
     * @param cells   9 values per frame (rows a, b, c); read only where {@code hasCell} is true
     * @param hasCell whether each frame has a lattice
     * @param pbc     3 flags per frame; a periodic axis needs a lattice
     */
    public FrameArrays cells(double[] cells, boolean[] hasCell, boolean[] pbc) {
        int frames = atomCounts.length;
        if (cells.length != 9L * frames) throw new IllegalArgumentException(cells.length + " cell values for " + frames + " frames (9 each)");
        if (hasCell.length != frames) throw new IllegalArgumentException(hasCell.length + " cell flags for " + frames + " frames");
        if (pbc.length != 3L * frames) throw new IllegalArgumentException(pbc.length + " pbc flags for " + frames + " frames (3 each)");
        this.cells = cells;
        this.hasCell = hasCell;
        this.pbc = pbc;
        return this;
    }

    /**
     * Per-atom forces, kept as the real column {@code forces} of width 3 (what force statistics read).
     *
     * @param forces    3 values per atom of all frames; read only for the frames that have forces
     * @param hasForces whether each frame has forces
     */
    public FrameArrays forces(double[] forces, boolean[] hasForces) {
        if (forces.length != positions.length)
            throw new IllegalArgumentException(forces.length + " force values for " + positions.length / 3 + " atoms (3 each)");
        if (hasForces.length != atomCounts.length)
            throw new IllegalArgumentException(hasForces.length + " force flags for " + atomCounts.length + " frames");
        this.forces = forces;
        this.hasForces = hasForces;
        return this;
    }

    /**
     * Frame-level key/value pairs, as an extended-XYZ comment line holds them (values as text).
     *
     * @param counts pairs per frame
     * @param keys   keys of all frames, in order
     * @param values their values, in the same order
     */
    public FrameArrays info(int[] counts, String[] keys, String[] values) {
        if (counts.length != atomCounts.length)
            throw new IllegalArgumentException(counts.length + " info counts for " + atomCounts.length + " frames");
        long total = 0;
        for (int c : counts) {
            if (c < 0) throw new IllegalArgumentException("negative info count");
            total += c;
        }
        if (keys.length != total || values.length != total)
            throw new IllegalArgumentException(keys.length + " info keys and " + values.length + " values for " + total + " pairs");
        this.infoCounts = counts;
        this.infoKeys = keys;
        this.infoValues = values;
        return this;
    }

    /**
     * The structures, with no source file.
     *
     * @throws IllegalArgumentException naming the 0-based frame that is not a valid structure (an
     *                                  unknown atomic number, a periodic axis without a lattice)
     */
    public Dataset dataset() {
        List<Structure> out = new ArrayList<>(atomCounts.length);
        int atom = 0;
        int pair = 0;
        for (int s = 0; s < atomCounts.length; s++) {
            int n = atomCounts[s];
            String[] symbols = new String[n];
            for (int a = 0; a < n; a++) {
                try {
                    symbols[a] = Elements.symbol(numbers[atom + a]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("frame " + s + ", atom " + a + ": " + e.getMessage(), e);
                }
            }
            double[] pos = slice(positions, 3 * atom, 3 * n);
            double[] cell = cells != null && hasCell[s] ? slice(cells, 9 * s, 9) : null;
            boolean[] periodic = pbc == null ? null : new boolean[] {pbc[3 * s], pbc[3 * s + 1], pbc[3 * s + 2]};
            Map<String, String> info = new LinkedHashMap<>();
            if (infoCounts != null) {
                for (int i = 0; i < infoCounts[s]; i++, pair++) info.put(infoKeys[pair], infoValues[pair]);
            }
            List<AtomColumn> columns = forces != null && hasForces[s] ? List.of(realColumn("forces", slice(forces, 3 * atom, 3 * n), 3)) : null;
            try {
                out.add(new Structure(symbols, pos, cell, periodic, info, columns));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("frame " + s + ": " + e.getMessage(), e);
            }
            atom += n;
        }
        return new Dataset(null, out);
    }

    /** A real column whose tokens are the shortest text that reads back as each value. */
    private static AtomColumn realColumn(String name, double[] values, int width) {
        String[] tokens = new String[values.length];
        for (int i = 0; i < values.length; i++) tokens[i] = Double.toString(values[i]);
        return new AtomColumn(name, 'R', width, tokens, values);
    }

    private static double[] slice(double[] a, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(a, from, out, 0, length);
        return out;
    }
}
