package io.atomcover.descriptor;

import io.atomcover.structure.Structure;

/**
 * Neighbours within a cutoff of every atom of one structure, periodic images included: triclinic
 * cells, cells much thinner than the cutoff (many images), mixed periodicity (no images along open
 * axes) and molecules. An atom is never its own neighbour, but its periodic images are.
 *
 * <p>Construction wraps the atoms, makes the images that can matter ({@link PointCloud}) and bins
 * them ({@link CellList}); that is linear in the number of points. Queries are then independent,
 * read-only and thread-safe, each writing into the caller's {@link Neighbours} buffer. A neighbour
 * is within the cutoff when its distance is strictly below it; one exactly at the cutoff would have
 * zero weight in the QUESTS descriptor anyway.
 */
public final class NeighbourSearch {
    /**
     * The k-th and (k+1)-th nearest count as tied when their squared distances differ by at most this
     * much relative to {@code d² + |atom|² + Σ|cell vector|²}. The reference's distances differ from
     * ours by rounding: it moves atoms by up to 1e-12 of a cell vector when it wraps them and computes
     * distances from dot products of absolute coordinates, errors some 1e-12 or less relative to that
     * scale. A wider gap means the reference cuts the list at the same place whatever its rounding.
     */
    static final double TIE_WINDOW = 1e-9;

    private final double cutoff;
    private final double cutoff2;
    private final PointCloud cloud;
    private final CellList cells;
    /** The atoms as given, for the reference order. */
    private final double[] positions;
    /** The cell when all three axes are periodic, else null. */
    private final double[] cell;
    /** Whether the reference program's order applies: all axes periodic, or none. */
    private final boolean hasReference;
    /** Sum of the squared lengths of the cell vectors when all axes are periodic, else 0 (for {@link #TIE_WINDOW}). */
    private final double cellScale2;
    private volatile boolean referenceBuilt;
    private ReferenceOrder reference;

    /** Search over the atoms of {@code structure}, honouring its cell and periodicity. */
    public NeighbourSearch(Structure structure, double cutoff) {
        this(structure.positions(), structure.cell(), structure.pbc(), cutoff);
    }

    /**
     * @param positions flat x,y,z per atom (not modified, and not to be modified while the search is used)
     * @param cell      9 values, rows are lattice vectors; may be null when no axis is periodic
     * @param pbc       periodicity per axis, or null for none
     */
    public NeighbourSearch(double[] positions, double[] cell, boolean[] pbc, double cutoff) {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive and finite: " + cutoff);
        if (positions.length % 3 != 0) throw new IllegalArgumentException("positions must have 3 values per atom");
        boolean periodic = pbc != null && (pbc[0] || pbc[1] || pbc[2]);
        if (periodic && cell == null) throw new IllegalArgumentException("a periodic structure needs a cell");
        this.cutoff = cutoff;
        this.cutoff2 = cutoff * cutoff;
        Lattice lattice = periodic ? new Lattice(cell, pbc) : null;
        this.cloud = PointCloud.build(positions, lattice, cutoff);
        this.cells = new CellList(cloud, cutoff);
        boolean allPeriodic = periodic && pbc[0] && pbc[1] && pbc[2];
        this.hasReference = allPeriodic || !periodic;
        this.positions = positions;
        this.cell = allPeriodic ? cell : null;
        double scale2 = 0;
        if (allPeriodic) for (double v : cell) scale2 += v * v;
        this.cellScale2 = scale2;
    }

    public double cutoff() {
        return cutoff;
    }

    /** Number of atoms of the structure. */
    public int atomCount() {
        return cloud.atoms;
    }

    /** Number of points searched (atoms plus the periodic images that can be within the cutoff). */
    public int pointCount() {
        return cloud.size;
    }

    /**
     * The (at most) k nearest neighbours of {@code atom} within the cutoff, nearest first.
     *
     * <p>When the k-th place falls in a shell of equally distant candidates (as in perfect or
     * strained crystals), the atoms of that shell that are kept are those the reference QUESTS
     * program keeps, for structures periodic along all axes and for structures without periodic
     * axes: it is the set of neighbours, not only their distances, that the descriptor depends on
     * (see {@link ReferenceOrder}). Slabs and wires, which the reference treats as molecules, keep
     * the candidates met first in this search's own scan, also a deterministic choice.
     *
     * @return the number found, also {@code out.count()}
     */
    public int nearest(int atom, int k, Neighbours out) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1: " + k);
        if (k == Integer.MAX_VALUE) return all(atom, out);
        // one more than asked for, to see whether the k-th place is tied with the next
        int found = search(atom, k + 1, out);
        if (found > k && hasReference && tied(out.squared(k - 1), out.squared(k), atom)) {
            ReferenceOrder r = reference();
            if (r != null) {
                r.nearest(atom, k, cutoff2, out);
                return out.count();
            }
        }
        out.truncate(k);
        out.finish(cloud, cloud.x[atom], cloud.y[atom], cloud.z[atom]);
        return out.count();
    }

    /** All neighbours of {@code atom} within the cutoff, nearest first. */
    public int all(int atom, Neighbours out) {
        search(atom, Integer.MAX_VALUE, out);
        out.finish(cloud, cloud.x[atom], cloud.y[atom], cloud.z[atom]);
        return out.count();
    }

    private boolean tied(double kth, double next, int atom) {
        double cx = cloud.x[atom], cy = cloud.y[atom], cz = cloud.z[atom];
        return next - kth <= TIE_WINDOW * (next + cx * cx + cy * cy + cz * cz + cellScale2);
    }

    /** The reference order, built on first need (most structures never need it); null where it does not apply. */
    private ReferenceOrder reference() {
        if (!referenceBuilt) {
            synchronized (this) {
                if (!referenceBuilt) {
                    reference = cell != null ? ReferenceOrder.periodic(positions, cell, cutoff) : ReferenceOrder.open(positions);
                    referenceBuilt = true;
                }
            }
        }
        return reference;
    }

    /** Collects the candidates into {@code out} (squared distances and points only; see {@link Neighbours#finish}). */
    private int search(int atom, int limit, Neighbours out) {
        if (atom < 0 || atom >= cloud.atoms) throw new IndexOutOfBoundsException("atom " + atom + " of " + cloud.atoms);
        out.reset(limit);
        // the atom is point `atom` of the cloud (atoms come first, wrapped)
        double cx = cloud.x[atom], cy = cloud.y[atom], cz = cloud.z[atom];
        CellList c = cells;
        double[] px = c.x, py = c.y, pz = c.z;
        int[] pp = c.point;
        int[] start = c.binStart;
        int s = c.span;
        int bx = c.binX(cx), by = c.binY(cy), bz = c.binZ(cz);
        int x0 = Math.max(bx - s, 0), x1 = Math.min(bx + s, c.nx - 1);
        int y0 = Math.max(by - s, 0), y1 = Math.min(by + s, c.ny - 1);
        int z0 = Math.max(bz - s, 0), z1 = Math.min(bz + s, c.nz - 1);
        double bound = cutoff2;
        for (int iz = z0; iz <= z1; iz++) {
            for (int iy = y0; iy <= y1; iy++) {
                int row = (iz * c.ny + iy) * c.nx;
                int from = start[row + x0], to = start[row + x1 + 1];
                for (int q = from; q < to; q++) {
                    double ex = px[q] - cx, ey = py[q] - cy, ez = pz[q] - cz;
                    double d2 = ex * ex + ey * ey + ez * ez;
                    if (d2 < bound && pp[q] != atom) {
                        out.offer(d2, pp[q]);
                        bound = out.bound(cutoff2);
                    }
                }
            }
        }
        return out.count();
    }
}
