package io.atomcover.descriptor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourSearchTest {
    private static final boolean[] PERIODIC = {true, true, true};
    private static final boolean[] SLAB = {true, true, false};

    /** A random triclinic cell: roughly {@code edge} long vectors, tilted, right-handed or not. */
    static double[] triclinic(Random rnd, double edge) {
        return new double[] {
                edge * (0.8 + 0.4 * rnd.nextDouble()), edge * 0.3 * (rnd.nextDouble() - 0.5), edge * 0.3 * (rnd.nextDouble() - 0.5),
                edge * 0.5 * (rnd.nextDouble() - 0.5), edge * (0.8 + 0.4 * rnd.nextDouble()), edge * 0.3 * (rnd.nextDouble() - 0.5),
                edge * 0.5 * (rnd.nextDouble() - 0.5), edge * 0.5 * (rnd.nextDouble() - 0.5), edge * (0.8 + 0.4 * rnd.nextDouble())};
    }

    /** Random atoms with fractional coordinates in [-1, 2): deliberately not wrapped into the cell. */
    static double[] atomsIn(Random rnd, double[] cell, int n) {
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double f0 = 3 * rnd.nextDouble() - 1, f1 = 3 * rnd.nextDouble() - 1, f2 = 3 * rnd.nextDouble() - 1;
            for (int t = 0; t < 3; t++) pos[3 * i + t] = f0 * cell[t] + f1 * cell[3 + t] + f2 * cell[6 + t];
        }
        return pos;
    }

    /** Checks every atom's full neighbour list against the brute-force reference. */
    static void assertMatchesReference(double[] pos, double[] cell, boolean[] pbc, double rc) {
        NeighbourSearch search = new NeighbourSearch(pos, cell, pbc, rc);
        Neighbours out = new Neighbours();
        for (int i = 0; i < pos.length / 3; i++) {
            List<Reference.Nb> ref = Reference.neighbours(pos, cell, pbc, rc, i);
            int n = search.all(i, out);
            assertEquals(ref.size(), n, "neighbour count of atom " + i);
            for (int j = 0; j < n; j++) {
                Reference.Nb r = ref.get(j);
                assertEquals(r.distance(), out.distance(j), 1e-9, "distance " + j + " of atom " + i);
                if (j > 0) assertTrue(out.distance(j) >= out.distance(j - 1), "sorted");
                double len = Math.sqrt(sq(out.displacement(j, 0)) + sq(out.displacement(j, 1)) + sq(out.displacement(j, 2)));
                assertEquals(out.distance(j), len, 1e-12, "displacement length");
                // same atom unless two candidates are (nearly) equidistant
                boolean tie = (j > 0 && ref.get(j - 1).distance() > r.distance() - 1e-9)
                        || (j + 1 < n && ref.get(j + 1).distance() < r.distance() + 1e-9);
                if (!tie) {
                    assertEquals(r.atom(), out.atom(j), "atom of neighbour " + j + " of atom " + i);
                    assertEquals(r.dx(), out.displacement(j, 0), 1e-9);
                    assertEquals(r.dy(), out.displacement(j, 1), 1e-9);
                    assertEquals(r.dz(), out.displacement(j, 2), 1e-9);
                }
            }
        }
    }

    @Test
    void randomTriclinicCellsMatchBruteForce() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            double[] cell = triclinic(rnd, 4 + 6 * rnd.nextDouble());
            double[] pos = atomsIn(rnd, cell, 5 + rnd.nextInt(30));
            assertMatchesReference(pos, cell, PERIODIC, 5.0);
        }
    }

    @Test
    void largeCellUsesBinsAndMatchesBruteForce() {
        Random rnd = new Random(5);
        double[] cell = triclinic(rnd, 13);
        double[] pos = atomsIn(rnd, cell, 220);
        NeighbourSearch search = new NeighbourSearch(pos, cell, PERIODIC, 4.0);
        assertTrue(search.pointCount() > CellList.BRUTE_FORCE_POINTS, "binned path exercised");
        assertMatchesReference(pos, cell, PERIODIC, 4.0);
    }

    @Test
    void tinyCellNeedsManyImages() {
        Random rnd = new Random(3);
        double[] cell = {2.0, 0, 0, 0.7, 2.1, 0, -0.4, 0.5, 1.9};
        double[] pos = atomsIn(rnd, cell, 3);
        assertMatchesReference(pos, cell, PERIODIC, 5.0);
        Neighbours out = new Neighbours();
        assertTrue(new NeighbourSearch(pos, cell, PERIODIC, 5.0).all(0, out) > 150, "hundreds of image neighbours");
    }

    @Test
    void slabHasNoImagesAlongTheOpenAxis() {
        Random rnd = new Random(7);
        double[] cell = triclinic(rnd, 6);
        double[] pos = atomsIn(rnd, cell, 12);
        assertMatchesReference(pos, cell, SLAB, 5.0);
        // an open axis may come with a zero vector in the file
        double[] flat = cell.clone();
        flat[6] = flat[7] = flat[8] = 0;
        assertMatchesReference(pos, flat, SLAB, 5.0);
        assertMatchesReference(pos, flat, new boolean[] {true, false, false}, 5.0);
    }

    @Test
    void moleculesMatchBruteForceIncludingSpreadOutOnes() {
        Random rnd = new Random(9);
        double[] compact = new double[3 * 150];
        for (int i = 0; i < compact.length; i++) compact[i] = 12 * rnd.nextDouble();
        assertMatchesReference(compact, null, null, 5.0);
        double[] sparse = new double[3 * 120];
        for (int i = 0; i < sparse.length; i++) sparse[i] = (i % 2 == 0 ? 1000 : 3) * rnd.nextDouble();
        assertMatchesReference(sparse, null, null, 5.0);
    }

    @Test
    void singleAtomSeesOnlyItsOwnImagesWhenPeriodic() {
        double[] cell = {3, 0, 0, 0, 4, 0, 0, 0, 10};
        Neighbours out = new Neighbours();
        NeighbourSearch periodic = new NeighbourSearch(new double[] {1, 1, 1}, cell, PERIODIC, 5.0);
        int n = periodic.all(0, out);
        // lattice points with 0 < |(3a, 4b, 10c)| < 5: (±1,0,0) (0,±1,0) at 3 and 4
        assertEquals(4, n);
        assertEquals(3.0, out.distance(0), 1e-12);
        assertEquals(3.0, out.distance(1), 1e-12);
        assertEquals(4.0, out.distance(2), 1e-12);
        for (int j = 0; j < n; j++) assertEquals(0, out.atom(j));
        NeighbourSearch open = new NeighbourSearch(new double[] {1, 1, 1}, null, null, 5.0);
        assertEquals(0, open.all(0, out));
    }

    @Test
    void twoAtomsAndTheStrictCutoff() {
        Neighbours out = new Neighbours();
        NeighbourSearch near = new NeighbourSearch(new double[] {0, 0, 0, 1, 2, 2}, null, null, 5.0);
        assertEquals(1, near.all(0, out));
        assertEquals(3.0, out.distance(0), 0);
        assertEquals(1, out.atom(0));
        assertEquals(1, near.all(1, out));
        assertEquals(-2.0, out.displacement(0, 2), 0, "displacement points from the centre to the neighbour");
        NeighbourSearch atCutoff = new NeighbourSearch(new double[] {0, 0, 0, 0, 3, 4}, null, null, 5.0);
        assertEquals(0, atCutoff.all(0, out), "an atom exactly at the cutoff is not a neighbour");
    }

    @Test
    void nearestIsThePrefixOfAll() {
        Random rnd = new Random(21);
        double[] cell = triclinic(rnd, 9);
        double[] pos = atomsIn(rnd, cell, 60);
        NeighbourSearch search = new NeighbourSearch(pos, cell, PERIODIC, 5.0);
        Neighbours all = new Neighbours(), some = new Neighbours(4);
        for (int i = 0; i < 60; i++) {
            int n = search.all(i, all);
            int m = search.nearest(i, 8, some);
            assertEquals(Math.min(8, n), m);
            for (int j = 0; j < m; j++) assertEquals(all.distance(j), some.distance(j), 0);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new NeighbourSearch(new double[3], null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourSearch(new double[3], null, PERIODIC, 5));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourSearch(new double[3], new double[9], PERIODIC, 5));
        NeighbourSearch s = new NeighbourSearch(new double[3], null, null, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> s.all(1, new Neighbours()));
        assertThrows(IllegalArgumentException.class, () -> s.nearest(0, 0, new Neighbours()));
    }

    private static double sq(double v) {
        return v * v;
    }
}
