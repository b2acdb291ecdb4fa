package io.atomcover.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One frame of a dataset: chemical symbols, Cartesian positions (Å), an optional cell whose rows are
 * lattice vectors, per-axis periodicity, scalar info and extra per-atom columns.
 * Instances are immutable by contract: the arrays handed in are owned by the structure.
 */
public final class Structure {
    private final String[] symbols;
    private final int[] atomicNumbers;
    private final double[] positions;
    private final double[] cell;
    private final boolean[] pbc;
    private final Map<String, String> info;
    private final List<AtomColumn> columns;

    /**
     * @param symbols   chemical symbols, one per atom (validated against the periodic table)
     * @param positions flat x,y,z per atom, length 3N
     * @param cell      9 values, rows are lattice vectors a, b, c; or null when there is no lattice
     * @param pbc       periodicity per axis (length 3); all false when {@code cell} is null
     * @param info      frame-level key/value pairs in file order, values as written (unquoted)
     * @param columns   per-atom columns other than species and positions, in file order
     */
    public Structure(String[] symbols, double[] positions, double[] cell, boolean[] pbc,
                     Map<String, String> info, List<AtomColumn> columns) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(positions, "positions");
        if (positions.length != 3 * symbols.length)
            throw new IllegalArgumentException("positions must have 3 values per atom");
        if (cell != null && cell.length != 9) throw new IllegalArgumentException("cell must have 9 values");
        if (pbc == null) pbc = new boolean[3];
        if (pbc.length != 3) throw new IllegalArgumentException("pbc must have 3 values");
        if (cell == null && (pbc[0] || pbc[1] || pbc[2]))
            throw new IllegalArgumentException("a periodic structure needs a cell");
        this.symbols = symbols;
        this.atomicNumbers = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            int z = Elements.atomicNumber(symbols[i]);
            if (z <= 0) throw new IllegalArgumentException("unknown element '" + symbols[i] + "'");
            atomicNumbers[i] = z;
        }
        this.positions = positions;
        this.cell = cell;
        this.pbc = pbc.clone();
        this.info = info == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.columns = columns == null ? List.of() : List.copyOf(columns);
        for (AtomColumn c : this.columns)
            if (c.atoms() != symbols.length)
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.atoms() + " atoms, expected " + symbols.length);
    }

    /** A non-periodic structure with nothing but symbols and positions. */
    public static Structure molecule(String[] symbols, double[] positions) {
        return new Structure(symbols, positions, null, null, null, null);
    }

    /** Number of atoms. */
    public int size() {
        return symbols.length;
    }

    public String symbol(int atom) {
        return symbols[atom];
    }

    public int atomicNumber(int atom) {
        return atomicNumbers[atom];
    }

    /** Atomic numbers, one per atom; shared, do not modify. */
    public int[] atomicNumbers() {
        return atomicNumbers;
    }

    /** Flat x,y,z positions (Å), length 3N; shared, do not modify. */
    public double[] positions() {
        return positions;
    }

    /** Cell rows (a, b, c) as 9 values, or null when the frame has no lattice; shared, do not modify. */
    public double[] cell() {
        return cell;
    }

    public boolean hasCell() {
        return cell != null;
    }

    /** Periodicity along lattice vector {@code axis} (0, 1, 2). */
    public boolean periodic(int axis) {
        return pbc[axis];
    }

    /** True when any axis is periodic. */
    public boolean isPeriodic() {
        return pbc[0] || pbc[1] || pbc[2];
    }

    /** Copy of the periodicity flags. */
    public boolean[] pbc() {
        return pbc.clone();
    }

    /** Absolute cell volume (Å³), or NaN without a cell. */
    public double volume() {
        if (cell == null) return Double.NaN;
        double[] c = cell;
        return Math.abs(c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]));
    }

    /** Frame-level key/value pairs in file order (values unquoted, as written). */
    public Map<String, String> info() {
        return info;
    }

    /** Per-atom columns other than species and positions, in file order. */
    public List<AtomColumn> columns() {
        return columns;
    }

    /** The per-atom column of that name, or null. */
    public AtomColumn column(String name) {
        for (AtomColumn c : columns) if (c.name().equals(name)) return c;
        return null;
    }
}
