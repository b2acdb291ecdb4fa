package io.atomcover.descriptor;

import java.util.Arrays;

/**
 * The neighbours of one atom, nearest first: distance, displacement vector from the atom to the
 * neighbour (to the periodic image that is this close) and the neighbour's atom index.
 *
 * <p>A reusable buffer: one per thread, filled by {@link NeighbourSearch}; its contents are valid
 * until the next search into it. While a search runs it acts as a bounded selection: candidates are
 * inserted into a sorted list that never holds more than the requested number, so keeping the k
 * nearest of a few hundred candidates costs a few comparisons per rejected candidate, not a sort.
 */
public final class Neighbours {
    private int count;
    private int limit;
    private double[] squared;
    private int[] point;
    private double[] distance;
    private double[] dx, dy, dz;
    private int[] atom;

    public Neighbours() {
        this(32);
    }

    /** @param capacity initial capacity (grows as needed) */
    public Neighbours(int capacity) {
        int c = Math.max(capacity, 1);
        squared = new double[c];
        point = new int[c];
        distance = new double[c];
        dx = new double[c];
        dy = new double[c];
        dz = new double[c];
        atom = new int[c];
    }

    /** Number of neighbours found. */
    public int count() {
        return count;
    }

    /** Distance to neighbour j (0 = nearest). */
    public double distance(int j) {
        check(j);
        return distance[j];
    }

    /** Atom index of neighbour j (the atom whose image it may be). */
    public int atom(int j) {
        check(j);
        return atom[j];
    }

    /** Component {@code t} (0, 1, 2 = x, y, z) of the vector from the centre atom to neighbour j. */
    public double displacement(int j, int t) {
        check(j);
        return t == 0 ? dx[j] : t == 1 ? dy[j] : dz[j];
    }

    private void check(int j) {
        if (j < 0 || j >= count) throw new IndexOutOfBoundsException("neighbour " + j + " of " + count);
    }

    // ---- package-private access for the descriptor hot loop (no bounds checks beyond the JVM's) ----

    double[] distances() {
        return distance;
    }

    double[] dx() {
        return dx;
    }

    double[] dy() {
        return dy;
    }

    double[] dz() {
        return dz;
    }

    // ---- filled by NeighbourSearch ----

    /** Starts a search that keeps at most {@code limit} candidates. */
    void reset(int limit) {
        this.count = 0;
        this.limit = limit;
        if (limit < Integer.MAX_VALUE && limit > squared.length) grow(limit);
    }

    /**
     * Offers a candidate at squared distance {@code d2}. Equal distances keep the earlier candidate
     * first; when full, a candidate no nearer than the farthest kept one is dropped.
     */
    void offer(double d2, int p) {
        int n = count;
        if (n == limit) {
            if (!(d2 < squared[n - 1])) return;
            n--; // the farthest one falls out
        } else {
            if (n == squared.length) grow(n + (n >> 1) + 16);
            count = n + 1;
        }
        int i = n;
        double[] sq = squared;
        int[] pt = point;
        while (i > 0 && sq[i - 1] > d2) {
            sq[i] = sq[i - 1];
            pt[i] = pt[i - 1];
            i--;
        }
        sq[i] = d2;
        pt[i] = p;
    }

    /** Squared distance of kept candidate j (while a search runs and after it). */
    double squared(int j) {
        return squared[j];
    }

    /** Keeps only the nearest {@code n} candidates (n at most the current count). */
    void truncate(int n) {
        count = Math.min(count, n);
    }

    /** Empties the buffer for {@link #insert}, which fills it directly rather than through a search. */
    void clearForInsertion() {
        count = 0;
        limit = Integer.MAX_VALUE;
    }

    /**
     * Adds a finished neighbour: squared distance, displacement and atom index. Kept nearest first;
     * a neighbour as distant as one already there goes after it.
     */
    void insert(double d2, double ex, double ey, double ez, int atomIndex) {
        int n = count;
        if (n == squared.length) grow(n + (n >> 1) + 16);
        int i = n;
        while (i > 0 && squared[i - 1] > d2) {
            squared[i] = squared[i - 1];
            point[i] = point[i - 1];
            distance[i] = distance[i - 1];
            dx[i] = dx[i - 1];
            dy[i] = dy[i - 1];
            dz[i] = dz[i - 1];
            atom[i] = atom[i - 1];
            i--;
        }
        squared[i] = d2;
        point[i] = -1;
        distance[i] = Math.sqrt(d2);
        dx[i] = ex;
        dy[i] = ey;
        dz[i] = ez;
        atom[i] = atomIndex;
        count = n + 1;
    }

    /** Largest squared distance that can still enter, given the search radius {@code reach2}. */
    double bound(double reach2) {
        return count == limit ? Math.min(reach2, squared[count - 1]) : reach2;
    }

    /** Turns the kept candidates into distances, displacements from (cx, cy, cz) and atom indices. */
    void finish(PointCloud cloud, double cx, double cy, double cz) {
        for (int j = 0; j < count; j++) {
            int p = point[j];
            dx[j] = cloud.x[p] - cx;
            dy[j] = cloud.y[p] - cy;
            dz[j] = cloud.z[p] - cz;
            distance[j] = Math.sqrt(squared[j]);
            atom[j] = cloud.source[p];
        }
    }

    private void grow(int capacity) {
        squared = Arrays.copyOf(squared, capacity);
        point = Arrays.copyOf(point, capacity);
        distance = Arrays.copyOf(distance, capacity);
        dx = Arrays.copyOf(dx, capacity);
        dy = Arrays.copyOf(dy, capacity);
        dz = Arrays.copyOf(dz, capacity);
        atom = Arrays.copyOf(atom, capacity);
    }
}
