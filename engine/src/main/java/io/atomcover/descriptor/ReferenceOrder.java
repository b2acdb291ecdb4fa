package io.atomcover.descriptor;

import java.util.Arrays;

/**
 * Which k neighbours the reference QUESTS program (dskoda/quests, {@code quests/descriptor.py})
 * takes for an atom, reproduced operation for operation. It matters only when candidates are
 * (nearly) equally distant at the k-th place, as in perfect and strained crystals: which atoms of
 * such a shell are taken changes the neighbour-pair half of the descriptor, and the reference
 * settles it by rounding in its distance arithmetic and by how its sort orders equal keys.
 *
 * <p><b>Periodic structures</b> ({@code descriptor_pbc}). Atoms are wrapped through fractional
 * coordinates: {@code f = x · inv(cell)}, rounded to 12 decimals, taken modulo 1, {@code x' = f · cell}.
 * Each axis is cut into {@code max(floor(height / rc), 1)} bins. An atom's candidates are the atoms
 * of its own bin in atom order, then for every bin offset {@code (dx, dy, dz)} in
 * {@code -reach..reach} (z fastest, the zero offset skipped) the atoms of that bin in atom order,
 * moved by the periodic shift of the offset; {@code reach = ceil(rc · bins / height)}. A candidate
 * b of atom a is keyed by {@code sqrt((|a|² - 2 a·b) + |b|²)} (0 when that is not positive) and the
 * candidates are ordered with numba's {@code np.argsort}: its default quicksort, which does not keep
 * equal keys in their original order. The first is the atom itself, the next k its neighbours.
 *
 * <p><b>Structures without periodic axes</b> ({@code descriptor_nopbc}). The candidates are all
 * atoms in atom order, keyed by their distance, ordered the same way.
 *
 * <p>The arithmetic is the reference's as compiled (numba with {@code fastmath}, small matrix
 * products through BLAS {@code dgemm}) on x86-64 with FMA: three-term dot products and squared
 * norms are fused multiply-add chains in index order (except for a bin holding a single atom,
 * whose one-row product OpenBLAS 0.3.21 sums y, x, z), the periodic shift likewise, the inverse
 * cell multiplies by a reciprocal of the determinant, the 12-decimal rounding divides by
 * {@code 1e12}. Each of these was checked against the reference's output, which depends on them;
 * a reference run with a BLAS or on hardware that rounds differently can take other atoms of a
 * degenerate shell.
 *
 * <p>Immutable and thread-safe; each query allocates its own scratch.
 */
final class ReferenceOrder {
    /** numba's quicksort finishes ranges of at most this many elements by insertion sort. */
    private static final int SMALL_SORT = 15;
    /** Largest bin grid set up (a 2^24-bin grid is a cell over 1000 Å on a side at rc = 5 Å). */
    static final int MAX_BINS = 1 << 24;

    private final boolean periodic;
    /** Reference coordinates of the atoms: wrapped for periodic structures, as given otherwise. */
    private final double[] x, y, z;
    /** Lattice vectors as rows (periodic only). */
    private final double[] cell;
    /** Bins per axis and bin offsets searched per axis (periodic only). */
    private final int nx, ny, nz, rx, ry, rz;
    /** Atoms of bin b in atom order are {@code binAtoms[binStart[b] .. binStart[b+1]-1]}; binOf[atom] (periodic only). */
    private final int[] binStart, binAtoms, binOf;

    private ReferenceOrder(double[] positions) {
        int n = positions.length / 3;
        periodic = false;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = positions[3 * i];
            y[i] = positions[3 * i + 1];
            z[i] = positions[3 * i + 2];
        }
        cell = null;
        nx = ny = nz = rx = ry = rz = 0;
        binStart = binAtoms = binOf = null;
    }

    private ReferenceOrder(double[] positions, double[] cell, int[] grid) {
        int n = positions.length / 3;
        periodic = true;
        this.cell = cell.clone();
        double[] c = this.cell;
        double[] b0 = cross(c, 3, 6), b1 = cross(c, 6, 0), b2 = cross(c, 0, 3);
        double reciprocal = 1.0 / dot3(c[0], c[1], c[2], b0[0], b0[1], b0[2]);
        double[] inv = new double[9]; // inv[3i + j] = b_j[i] / det
        for (int i = 0; i < 3; i++) {
            inv[3 * i] = b0[i] * reciprocal;
            inv[3 * i + 1] = b1[i] * reciprocal;
            inv[3 * i + 2] = b2[i] * reciprocal;
        }
        nx = grid[0];
        ny = grid[1];
        nz = grid[2];
        rx = grid[3];
        ry = grid[4];
        rz = grid[5];

        x = new double[n];
        y = new double[n];
        z = new double[n];
        binOf = new int[n];
        double[] f = new double[3];
        for (int i = 0; i < n; i++) {
            double px = positions[3 * i], py = positions[3 * i + 1], pz = positions[3 * i + 2];
            for (int j = 0; j < 3; j++) f[j] = wrap(dot3(px, py, pz, inv[j], inv[3 + j], inv[6 + j]));
            x[i] = dot3(f[0], f[1], f[2], c[0], c[3], c[6]);
            y[i] = dot3(f[0], f[1], f[2], c[1], c[4], c[7]);
            z[i] = dot3(f[0], f[1], f[2], c[2], c[5], c[8]);
            // f is in [0, 1 - 1e-12] after the rounding, so these stay below the bin counts
            int ix = Math.min((int) Math.floor(f[0] / (1.0 / nx)), nx - 1);
            int iy = Math.min((int) Math.floor(f[1] / (1.0 / ny)), ny - 1);
            int iz = Math.min((int) Math.floor(f[2] / (1.0 / nz)), nz - 1);
            binOf[i] = ix + iy * nx + iz * nx * ny;
        }
        int bins3 = nx * ny * nz;
        binStart = new int[bins3 + 1];
        for (int i = 0; i < n; i++) binStart[binOf[i] + 1]++;
        for (int q = 0; q < bins3; q++) binStart[q + 1] += binStart[q];
        binAtoms = new int[n];
        int[] fill = Arrays.copyOf(binStart, bins3);
        for (int i = 0; i < n; i++) binAtoms[fill[binOf[i]]++] = i;
    }

    /**
     * The reference order of a structure periodic along all three axes, or null where there is
     * nothing meaningful to reproduce: a left-handed cell (the reference's bin heights are then
     * negative and it searches no periodic images) or a cell of more than {@value #MAX_BINS} bins.
     */
    static ReferenceOrder periodic(double[] positions, double[] cell, double cutoff) {
        int[] grid = grid(cell, cutoff);
        return grid == null ? null : new ReferenceOrder(positions, cell, grid);
    }

    /** Bins per axis and bin offsets searched per axis, as the reference sets them up; null as above. */
    private static int[] grid(double[] c, double cutoff) {
        double[][] b = {cross(c, 3, 6), cross(c, 6, 0), cross(c, 0, 3)};
        double volume = dot3(c[0], c[1], c[2], b[0][0], b[0][1], b[0][2]);
        if (!(volume > 0)) return null;
        int[] grid = new int[6];
        long bins = 1;
        for (int a = 0; a < 3; a++) {
            double height = volume / Math.sqrt(dot3(b[a][0], b[a][1], b[a][2], b[a][0], b[a][1], b[a][2]));
            double perAxis = Math.max(Math.floor(height / cutoff), 1);
            if (!(perAxis <= MAX_BINS)) return null;
            grid[a] = (int) perAxis;
            grid[3 + a] = (int) Math.ceil(cutoff * grid[a] / height);
            bins *= grid[a];
            if (bins > MAX_BINS) return null;
        }
        return grid;
    }

    /** The reference order of a structure without periodic axes. */
    static ReferenceOrder open(double[] positions) {
        return new ReferenceOrder(positions);
    }

    /**
     * Replaces the contents of {@code out} by the reference's k neighbours of {@code atom} that lie
     * within the cutoff ({@code d² < cutoff2}), nearest first by their own squared distance.
     */
    void nearest(int atom, int k, double cutoff2, Neighbours out) {
        Candidates c = periodic ? periodicCandidates(atom) : openCandidates(atom);
        int take = Math.min(k + 1, c.key.length); // the atom itself and k neighbours
        int[] order = argsort(c.key, take);
        int centre = order[0];
        double cx = c.x[centre], cy = c.y[centre], cz = c.z[centre];
        out.clearForInsertion();
        for (int t = 1; t < take; t++) {
            int p = order[t];
            double ex = c.x[p] - cx, ey = c.y[p] - cy, ez = c.z[p] - cz;
            double d2 = ex * ex + ey * ey + ez * ez;
            if (d2 < cutoff2) out.insert(d2, ex, ey, ez, c.atom == null ? p : c.atom[p]);
        }
    }

    /** Candidate points in the reference's order, their atoms (null: candidate q is atom q) and sort keys. */
    private record Candidates(double[] x, double[] y, double[] z, int[] atom, double[] key) {
    }

    private Candidates periodicCandidates(int atom) {
        int b = binOf[atom];
        int iz = b / (nx * ny), iy = (b - iz * nx * ny) / nx, ix = b - iz * nx * ny - iy * nx;
        int m = binStart[b + 1] - binStart[b];
        for (int dx = -rx; dx <= rx; dx++)
            for (int dy = -ry; dy <= ry; dy++)
                for (int dz = -rz; dz <= rz; dz++) {
                    if (dx == 0 && dy == 0 && dz == 0) continue;
                    int q = Math.floorMod(ix + dx, nx) + Math.floorMod(iy + dy, ny) * nx + Math.floorMod(iz + dz, nz) * nx * ny;
                    m += binStart[q + 1] - binStart[q];
                }
        // a bin of one atom makes the reference's product a single row, which BLAS (OpenBLAS 0.3.21
        // as checked) sums in another order: y first, then x, then z
        Row row = new Row(m, x[atom], y[atom], z[atom], binStart[b + 1] - binStart[b] == 1);
        row.addBin(b, false, 0, 0, 0);
        double[] c = cell;
        for (int dx = -rx; dx <= rx; dx++) {
            double sx = Math.floorDiv(ix + dx, nx);
            int bx = Math.floorMod(ix + dx, nx);
            for (int dy = -ry; dy <= ry; dy++) {
                double sy = Math.floorDiv(iy + dy, ny);
                int by = Math.floorMod(iy + dy, ny);
                for (int dz = -rz; dz <= rz; dz++) {
                    if (dx == 0 && dy == 0 && dz == 0) continue;
                    double sz = Math.floorDiv(iz + dz, nz);
                    int bz = Math.floorMod(iz + dz, nz);
                    row.addBin(bx + by * nx + bz * nx * ny, true,
                            Math.fma(sz, c[6], Math.fma(sy, c[3], sx * c[0])),
                            Math.fma(sz, c[7], Math.fma(sy, c[4], sx * c[1])),
                            Math.fma(sz, c[8], Math.fma(sy, c[5], sx * c[2])));
                }
            }
        }
        return new Candidates(row.px, row.py, row.pz, row.src, row.key);
    }

    /** Fills the candidates of one periodic query and their keys, in the order they are added. */
    private final class Row {
        final double[] px, py, pz, key;
        final int[] src;
        final double ax, ay, az, na;
        final boolean singleRow;
        int size;

        Row(int capacity, double ax, double ay, double az, boolean singleRow) {
            px = new double[capacity];
            py = new double[capacity];
            pz = new double[capacity];
            key = new double[capacity];
            src = new int[capacity];
            this.ax = ax;
            this.ay = ay;
            this.az = az;
            this.na = dot3(ax, ay, az, ax, ay, az);
            this.singleRow = singleRow;
        }

        /** The atoms of bin q, in atom order, moved by (tx, ty, tz) when {@code shifted}. */
        void addBin(int q, boolean shifted, double tx, double ty, double tz) {
            for (int s = binStart[q]; s < binStart[q + 1]; s++) {
                int j = binAtoms[s];
                double qx = shifted ? x[j] + tx : x[j], qy = shifted ? y[j] + ty : y[j], qz = shifted ? z[j] + tz : z[j];
                double ab = singleRow ? Math.fma(az, qz, Math.fma(ax, qx, ay * qy)) : dot3(ax, ay, az, qx, qy, qz);
                double d = (na - 2.0 * ab) + dot3(qx, qy, qz, qx, qy, qz);
                px[size] = qx;
                py[size] = qy;
                pz[size] = qz;
                src[size] = j;
                key[size] = d > 0 ? Math.sqrt(d) : 0;
                size++;
            }
        }
    }

    private Candidates openCandidates(int atom) {
        int m = x.length;
        double[] key = new double[m];
        double ax = x[atom], ay = y[atom], az = z[atom];
        for (int q = 0; q < m; q++) {
            if (q == atom) continue; // the reference sets its own distance to 0
            double ex = ax - x[q], ey = ay - y[q], ez = az - z[q];
            key[q] = Math.sqrt(dot3(ex, ey, ez, ex, ey, ez));
        }
        return new Candidates(x, y, z, null, key);
    }

    /**
     * Indices whose first {@code take} entries are those of numba's {@code np.argsort} (kind
     * "quicksort") of {@code key}, equal keys included; later entries are left unsorted. The
     * algorithm: a range of more than {@value #SMALL_SORT} elements is partitioned around the
     * median of its first, middle and last elements, the pivot parked at the end while both sides
     * are swept towards each other; the larger side is deferred on a stack and the smaller one split
     * further; shorter ranges are finished by insertion sort. A partition only moves elements within
     * its range, so a range lying wholly at or beyond position {@code take} cannot change the first
     * {@code take} entries and is skipped. Keys must not be NaN.
     */
    static int[] argsort(double[] key, int take) {
        int n = key.length;
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        if (n < 2) return r;
        int[] lows = new int[32], highs = new int[32];
        lows[0] = 0;
        highs[0] = n - 1;
        int depth = 1;
        while (depth > 0) {
            depth--;
            int low = lows[depth], high = highs[depth];
            while (low < take && high - low >= SMALL_SORT) {
                int i = partition(key, r, low, high);
                int pushLow, pushHigh;
                if (high - i > i - low) { // right side larger: defer it, go on with the left
                    pushLow = i + 1;
                    pushHigh = high;
                    high = i - 1;
                } else {
                    pushLow = low;
                    pushHigh = i - 1;
                    low = i + 1;
                }
                if (pushHigh >= pushLow && pushLow < take) {
                    if (depth == lows.length) {
                        lows = Arrays.copyOf(lows, 2 * depth);
                        highs = Arrays.copyOf(highs, 2 * depth);
                    }
                    lows[depth] = pushLow;
                    highs[depth] = pushHigh;
                    depth++;
                }
            }
            if (low < take) insertionSort(key, r, low, high);
        }
        return r;
    }

    private static int partition(double[] key, int[] r, int low, int high) {
        int mid = (low + high) >>> 1;
        if (key[r[mid]] < key[r[low]]) swap(r, low, mid);
        if (key[r[high]] < key[r[mid]]) swap(r, high, mid);
        if (key[r[mid]] < key[r[low]]) swap(r, low, mid);
        double pivot = key[r[mid]];
        swap(r, high, mid);
        int i = low, j = high - 1;
        while (true) {
            while (i < high && key[r[i]] < pivot) i++;
            while (j >= low && pivot < key[r[j]]) j--;
            if (i >= j) break;
            swap(r, i, j);
            i++;
            j--;
        }
        swap(r, i, high);
        return i;
    }

    private static void insertionSort(double[] key, int[] r, int low, int high) {
        for (int i = low + 1; i <= high; i++) {
            int item = r[i];
            double v = key[item];
            int j = i;
            while (j > low && v < key[r[j - 1]]) {
                r[j] = r[j - 1];
                j--;
            }
            r[j] = item;
        }
    }

    private static void swap(int[] r, int i, int j) {
        int t = r[i];
        r[i] = r[j];
        r[j] = t;
    }

    /** Rounds to 12 decimals (half to even, as numba's np.round) and takes the result modulo 1, as Python's %. */
    private static double wrap(double f) {
        double rounded = Math.rint(f * 1e12) / 1e12;
        double m = rounded % 1.0;
        return m < 0 ? m + 1.0 : m + 0.0;
    }

    /** Row u × row w of the cell, each component's first product fused with the subtraction (numba's np.cross with fastmath). */
    private static double[] cross(double[] c, int u, int w) {
        return new double[] {
                Math.fma(c[u + 1], c[w + 2], -(c[u + 2] * c[w + 1])),
                Math.fma(c[u + 2], c[w], -(c[u] * c[w + 2])),
                Math.fma(c[u], c[w + 1], -(c[u + 1] * c[w]))};
    }

    /** a·b as the reference's dgemm kernel and norm loops compute it: fused multiply-adds in index order. */
    private static double dot3(double a0, double a1, double a2, double b0, double b1, double b2) {
        return Math.fma(a2, b2, Math.fma(a1, b1, a0 * b0));
    }
}
