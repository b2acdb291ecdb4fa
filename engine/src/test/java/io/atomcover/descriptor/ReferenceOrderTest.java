package io.atomcover.descriptor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tie-breaking rule of {@link NeighbourSearch#nearest} where the k-th neighbour falls in a shell
 * of equally distant atoms, against a brute-force oracle written here: every candidate in the
 * reference program's order, keyed with its arithmetic, sorted by a recursive transcription of
 * numba's quicksort.
 */
class ReferenceOrderTest {
    private static final double RC = 5.0;
    private static final int K = 32;

    // ---- oracle: numba's np.argsort (quicksort), recursive ----

    private static int[] oracleArgsort(double[] key) {
        int[] r = new int[key.length];
        for (int i = 0; i < r.length; i++) r[i] = i;
        oracleSort(key, r, 0, r.length - 1);
        return r;
    }

    private static void oracleSort(double[] key, int[] r, int low, int high) {
        if (high - low < 15) { // insertion sort
            for (int i = low + 1; i <= high; i++) {
                int v = r[i];
                int j = i;
                for (; j > low && key[v] < key[r[j - 1]]; j--) r[j] = r[j - 1];
                r[j] = v;
            }
            return;
        }
        int mid = (low + high) / 2;
        if (key[r[mid]] < key[r[low]]) swap(r, mid, low);
        if (key[r[high]] < key[r[mid]]) swap(r, high, mid);
        if (key[r[mid]] < key[r[low]]) swap(r, mid, low);
        double pivot = key[r[mid]];
        swap(r, mid, high);
        int i = low, j = high - 1;
        for (;;) {
            while (i < high && key[r[i]] < pivot) i++;
            while (j >= low && pivot < key[r[j]]) j--;
            if (i >= j) break;
            swap(r, i++, j--);
        }
        swap(r, i, high);
        oracleSort(key, r, low, i - 1);
        oracleSort(key, r, i + 1, high);
    }

    private static void swap(int[] r, int a, int b) {
        int t = r[a];
        r[a] = r[b];
        r[b] = t;
    }

    // ---- oracle: the reference's neighbour choice for cells of one bin per axis ----

    private static double fmaDot(double a0, double a1, double a2, double b0, double b1, double b2) {
        return Math.fma(a2, b2, Math.fma(a1, b1, a0 * b0));
    }

    /**
     * "atom:dx,dy,dz" (displacement in 1e-6 Å) of the reference's k neighbours of every atom of a
     * periodic structure whose cell is between rc and 2 rc high along every axis (one bin, images
     * of every atom at each of the 26 offsets), the order of its candidate list spelled out.
     */
    private static List<Set<String>> oraclePeriodic(double[] pos, double[] c) {
        int n = pos.length / 3;
        // inverse cell: rows of reciprocal vectors times 1/det, as the reference computes them
        double[][] r = {cross(c, 3, 6), cross(c, 6, 0), cross(c, 0, 3)};
        double inverseDet = 1.0 / fmaDot(c[0], c[1], c[2], r[0][0], r[0][1], r[0][2]);
        double[][] w = new double[n][3];
        for (int i = 0; i < n; i++) {
            double[] f = new double[3];
            for (int a = 0; a < 3; a++) {
                double g = fmaDot(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2], r[a][0] * inverseDet, r[a][1] * inverseDet, r[a][2] * inverseDet);
                g = Math.rint(g * 1e12) / 1e12;
                g = g - Math.floor(g); // exact for these values, as Python's modulo
                f[a] = g;
            }
            for (int t = 0; t < 3; t++) w[i][t] = fmaDot(f[0], f[1], f[2], c[t], c[3 + t], c[6 + t]);
        }
        List<double[]> pts = new ArrayList<>();
        List<Integer> src = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            pts.add(w[j]);
            src.add(j);
        }
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
                for (int dz = -1; dz <= 1; dz++) {
                    if (dx == 0 && dy == 0 && dz == 0) continue;
                    double[] s = new double[3];
                    for (int t = 0; t < 3; t++) s[t] = Math.fma(dz, c[6 + t], Math.fma(dy, c[3 + t], dx * c[t]));
                    for (int j = 0; j < n; j++) {
                        pts.add(new double[] {w[j][0] + s[0], w[j][1] + s[1], w[j][2] + s[2]});
                        src.add(j);
                    }
                }
        List<Set<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] a = w[i];
            double[] key = new double[pts.size()];
            for (int q = 0; q < key.length; q++) {
                double[] b = pts.get(q);
                double d = (fmaDot(a[0], a[1], a[2], a[0], a[1], a[2]) - 2.0 * fmaDot(a[0], a[1], a[2], b[0], b[1], b[2]))
                        + fmaDot(b[0], b[1], b[2], b[0], b[1], b[2]);
                key[q] = d > 0 ? Math.sqrt(d) : 0;
            }
            int[] order = oracleArgsort(key);
            Set<String> chosen = new TreeSet<>();
            double[] centre = pts.get(order[0]);
            for (int t = 1; t <= K; t++) {
                double[] b = pts.get(order[t]);
                double ex = b[0] - centre[0], ey = b[1] - centre[1], ez = b[2] - centre[2];
                if (ex * ex + ey * ey + ez * ez < RC * RC) chosen.add(label(src.get(order[t]), ex, ey, ez));
            }
            all.add(chosen);
        }
        return all;
    }

    /** The same for a structure without periodic axes: every atom a candidate, keyed by its distance. */
    private static List<Set<String>> oracleOpen(double[] pos) {
        int n = pos.length / 3;
        List<Set<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] key = new double[n];
            for (int j = 0; j < n; j++) {
                double ex = pos[3 * i] - pos[3 * j], ey = pos[3 * i + 1] - pos[3 * j + 1], ez = pos[3 * i + 2] - pos[3 * j + 2];
                key[j] = Math.sqrt(fmaDot(ex, ey, ez, ex, ey, ez));
            }
            int[] order = oracleArgsort(key);
            Set<String> chosen = new TreeSet<>();
            for (int t = 1; t <= Math.min(K, n - 1); t++) {
                int j = order[t];
                double ex = pos[3 * j] - pos[3 * order[0]], ey = pos[3 * j + 1] - pos[3 * order[0] + 1], ez = pos[3 * j + 2] - pos[3 * order[0] + 2];
                if (ex * ex + ey * ey + ez * ez < RC * RC) chosen.add(label(j, ex, ey, ez));
            }
            all.add(chosen);
        }
        return all;
    }

    private static double[] cross(double[] c, int u, int v) {
        return new double[] {
                Math.fma(c[u + 1], c[v + 2], -(c[u + 2] * c[v + 1])),
                Math.fma(c[u + 2], c[v], -(c[u] * c[v + 2])),
                Math.fma(c[u], c[v + 1], -(c[u + 1] * c[v]))};
    }

    private static String label(int atom, double ex, double ey, double ez) {
        return atom + ":" + Math.round(ex * 1e6) + "," + Math.round(ey * 1e6) + "," + Math.round(ez * 1e6);
    }

    private static Set<String> picked(Neighbours nb) {
        Set<String> s = new TreeSet<>();
        for (int j = 0; j < nb.count(); j++) s.add(label(nb.atom(j), nb.displacement(j, 0), nb.displacement(j, 1), nb.displacement(j, 2)));
        return s;
    }

    /** fcc with lattice constant a, 2×2×2 conventional cells (32 atoms), in the cell {@code [2a, 2a, 2a]} scaled by {@code strain}. */
    private static double[] fcc(double a, double[] strain) {
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        double[] pos = new double[3 * 32];
        int p = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int l = 0; l < 2; l++)
                    for (double[] b : basis) {
                        pos[p++] = (i + b[0]) * a * strain[0];
                        pos[p++] = (j + b[1]) * a * strain[1];
                        pos[p++] = (l + b[2]) * a * strain[2];
                    }
        return pos;
    }

    /**
     * Checks every atom against the oracle, and that the 32nd place really is in a tied shell whose
     * atoms this search's own scan would have cut elsewhere for at least one atom.
     */
    private static void assertReferenceChoice(double[] pos, double[] cell, boolean[] pbc, List<Set<String>> oracle) {
        NeighbourSearch search = new NeighbourSearch(pos, cell, pbc, RC);
        Neighbours nb = new Neighbours(), all = new Neighbours();
        int differFromScan = 0;
        for (int i = 0; i < pos.length / 3; i++) {
            assertEquals(K, search.nearest(i, K, nb));
            assertEquals(oracle.get(i), picked(nb), "neighbours of atom " + i);
            search.all(i, all);
            assertTrue(all.count() > K && all.distance(K) - all.distance(K - 1) < 1e-9, "the 32nd place of atom " + i + " is in a shell");
            Set<String> scan = new TreeSet<>();
            for (int j = 0; j < K; j++) scan.add(label(all.atom(j), all.displacement(j, 0), all.displacement(j, 1), all.displacement(j, 2)));
            if (!scan.equals(oracle.get(i))) differFromScan++;
        }
        assertTrue(differFromScan > 0, "the test case must distinguish the reference's choice from the scan order");
    }

    @Test
    void perfectFccCell() {
        // shells of 12 (2.86 Å), 6 (4.05 Å) and 24 (4.96 Å): the 32nd neighbour is the 14th of 24
        double a = 4.05;
        double[] strain = {1, 1, 1};
        double[] cell = {2 * a, 0, 0, 0, 2 * a, 0, 0, 0, 2 * a};
        double[] pos = fcc(a, strain);
        assertReferenceChoice(pos, cell, new boolean[] {true, true, true}, oraclePeriodic(pos, cell));
    }

    @Test
    void strainedFccCell() {
        // 0.5 % along x splits the 24-shell into 8 + 16 at 4.96 Å: the 32nd place is among the 16
        double a = 4.05;
        double[] strain = {1.005, 1, 1};
        double[] cell = {2 * a * 1.005, 0, 0, 0, 2 * a, 0, 0, 0, 2 * a};
        double[] pos = fcc(a, strain);
        assertReferenceChoice(pos, cell, new boolean[] {true, true, true}, oraclePeriodic(pos, cell));
    }

    @Test
    void fccClusterWithoutCell() {
        // the 3×3×3 conventional cells of fcc as a molecule: inner atoms have all 42 neighbours
        double a = 4.05;
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        double[] pos = new double[3 * 108];
        int p = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int l = 0; l < 3; l++)
                    for (double[] b : basis) {
                        pos[p++] = (i + b[0]) * a;
                        pos[p++] = (j + b[1]) * a;
                        pos[p++] = (l + b[2]) * a;
                    }
        List<Set<String>> oracle = oracleOpen(pos);
        NeighbourSearch search = new NeighbourSearch(pos, null, null, RC);
        Neighbours nb = new Neighbours(), all = new Neighbours();
        int tied = 0, differFromScan = 0;
        for (int i = 0; i < 108; i++) {
            search.nearest(i, K, nb);
            assertEquals(oracle.get(i), picked(nb), "neighbours of atom " + i);
            search.all(i, all);
            if (all.count() > K && all.distance(K) - all.distance(K - 1) < 1e-9) {
                tied++;
                Set<String> scan = new TreeSet<>();
                for (int j = 0; j < K; j++) scan.add(label(all.atom(j), all.displacement(j, 0), all.displacement(j, 1), all.displacement(j, 2)));
                if (!scan.equals(oracle.get(i))) differFromScan++;
            }
        }
        assertTrue(tied > 0 && differFromScan > 0, tied + " tied atoms, " + differFromScan + " cut differently by the scan");
    }

    @Test
    void argsortPrefixIsNumbaQuicksort() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rnd.nextInt(300);
            double[] key = new double[n];
            int distinct = 1 + rnd.nextInt(12); // many equal keys
            for (int i = 0; i < n; i++) key[i] = rnd.nextInt(distinct) * 0.5;
            int[] expect = oracleArgsort(key);
            int take = 1 + rnd.nextInt(n);
            int[] got = ReferenceOrder.argsort(key, take);
            assertArrayEquals(Arrays.copyOf(expect, take), Arrays.copyOf(got, take), "n " + n + ", take " + take);
        }
    }

    @Test
    void shortRangesKeepEqualKeysInOrder() {
        // up to 15 elements the quicksort is an insertion sort, which is stable: an independent check
        Random rnd = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(15);
            double[] key = new double[n];
            for (int i = 0; i < n; i++) key[i] = rnd.nextInt(4);
            Integer[] stable = new Integer[n];
            for (int i = 0; i < n; i++) stable[i] = i;
            Arrays.sort(stable, Comparator.comparingDouble(i -> key[i]));
            assertArrayEquals(Arrays.stream(stable).mapToInt(Integer::intValue).toArray(), ReferenceOrder.argsort(key, n));
        }
    }
}
