package io.atomcover.ilpselect.fchl;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Structure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Fchl19Test {
    private static final Fchl19 DEFAULT = Fchl19.defaults();

    /** A 14-atom structure with every default element, spread so that some pairs lie beyond 8 Å. */
    static Structure scattered(long seed) {
        String[] symbols = {"S", "C", "C", "N", "O", "C", "H", "H", "H", "O", "N", "H", "C", "H"};
        Random rnd = new Random(seed);
        double[] pos = new double[3 * symbols.length];
        for (int a = 0; a < symbols.length; a++) {
            while (true) {
                for (int c = 0; c < 3; c++) pos[3 * a + c] = rnd.nextDouble() * 9.0 - 4.5;
                if (minDistance(pos, a) > 1.0) break;
            }
        }
        return Structure.molecule(symbols, pos);
    }

    private static double minDistance(double[] pos, int a) {
        double min = Double.POSITIVE_INFINITY;
        for (int b = 0; b < a; b++) min = Math.min(min, distance(pos, a, b));
        return min;
    }

    private static double distance(double[] pos, int a, int b) {
        double dx = pos[3 * a] - pos[3 * b], dy = pos[3 * a + 1] - pos[3 * b + 1], dz = pos[3 * a + 2] - pos[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    private static String[] symbols(Structure s) {
        String[] out = new String[s.size()];
        for (int a = 0; a < out.length; a++) out[a] = s.symbol(a);
        return out;
    }

    @Test
    void defaultParametersGive720Values() {
        assertEquals(720, DEFAULT.dim());
        assertArrayEquals(new int[] {1, 6, 7, 8, 16}, DEFAULT.elements());
        assertEquals(24, DEFAULT.nRs2());
        assertEquals(20, DEFAULT.nRs3());
        assertEquals(1, DEFAULT.nFourier());
        assertEquals(0.32, DEFAULT.eta2());
        assertEquals(2.7, DEFAULT.eta3());
        assertEquals(Math.PI, DEFAULT.zeta());
        assertEquals(8.0, DEFAULT.rcut());
        assertEquals(8.0, DEFAULT.acut());
        assertEquals(1.8, DEFAULT.twoBodyDecay());
        assertEquals(0.57, DEFAULT.threeBodyDecay());
        assertEquals(13.4, DEFAULT.threeBodyWeight());
        // Block layout: 5 two-body blocks of 24, then 15 element pairs of 20 × 2.
        assertEquals(0, DEFAULT.twoBodyOffset(0));
        assertEquals(96, DEFAULT.twoBodyOffset(4));
        assertEquals(120, DEFAULT.threeBodyOffset(0, 0));
        assertEquals(160, DEFAULT.threeBodyOffset(0, 1));
        assertEquals(160, DEFAULT.threeBodyOffset(1, 0));
        assertEquals(120 + 5 * 40, DEFAULT.threeBodyOffset(1, 1));
        assertEquals(720 - 40, DEFAULT.threeBodyOffset(4, 4));
    }

    @Test
    void dimensionFollowsParameters() {
        Fchl19 f = Fchl19.builder().elements(1, 6).nRs2(10).nRs3(7).nFourier(3).build();
        assertEquals(2 * 10 + 2 * 3 * 7 * 3, f.dim());
        assertEquals(f.dim(), f.toBuilder().build().dim());
    }

    @Test
    void rowsAreInvariantUnderRotationAndTranslation() {
        Structure s = scattered(7);
        double[] ref = DEFAULT.compute(s);
        double[] pos = s.positions();
        // Rotation about an oblique axis, then a translation.
        double[] axis = {0.3, -0.5, 0.81};
        double len = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double ux = axis[0] / len, uy = axis[1] / len, uz = axis[2] / len;
        double t = 1.234, c = Math.cos(t), sn = Math.sin(t), k = 1 - c;
        double[][] rot = {
                {c + ux * ux * k, ux * uy * k - uz * sn, ux * uz * k + uy * sn},
                {uy * ux * k + uz * sn, c + uy * uy * k, uy * uz * k - ux * sn},
                {uz * ux * k - uy * sn, uz * uy * k + ux * sn, c + uz * uz * k}};
        double[] shift = {12.5, -3.25, 40.0};
        double[] moved = new double[pos.length];
        for (int a = 0; a < s.size(); a++)
            for (int r = 0; r < 3; r++)
                moved[3 * a + r] = rot[r][0] * pos[3 * a] + rot[r][1] * pos[3 * a + 1] + rot[r][2] * pos[3 * a + 2] + shift[r];
        double[] out = DEFAULT.compute(Structure.molecule(symbols(s), moved));
        double diff = maxAbsDiff(ref, out);
        assertTrue(diff <= 1e-10, "max difference after rotation and translation " + diff);
        assertTrue(hasPairBeyond(s, 8.0), "test structure should straddle the cutoff");
    }

    private static boolean hasPairBeyond(Structure s, double r) {
        for (int a = 0; a < s.size(); a++)
            for (int b = 0; b < a; b++) if (distance(s.positions(), a, b) > r) return true;
        return false;
    }

    @Test
    void permutingAtomsPermutesRows() {
        Structure s = scattered(11);
        int n = s.size();
        int[] perm = {5, 0, 13, 2, 9, 1, 12, 3, 7, 4, 11, 6, 10, 8};
        String[] sym = new String[n];
        double[] pos = new double[3 * n];
        for (int a = 0; a < n; a++) {
            sym[a] = s.symbol(perm[a]);
            System.arraycopy(s.positions(), 3 * perm[a], pos, 3 * a, 3);
        }
        double[] ref = DEFAULT.compute(s);
        double[] out = DEFAULT.compute(Structure.molecule(sym, pos));
        int d = DEFAULT.dim();
        double max = 0;
        for (int a = 0; a < n; a++)
            for (int c = 0; c < d; c++) max = Math.max(max, Math.abs(out[a * d + c] - ref[perm[a] * d + c]));
        assertTrue(max <= 1e-12, "max difference after permutation " + max);
    }

    @Test
    void customElementListReordersBlocks() {
        // H, C, O only; the custom list is in a different order and lacks N and S.
        String[] sym = {"C", "O", "H", "H", "C", "H", "H", "H", "O", "H"};
        double[] pos = {
                0.00, 0.00, 0.00, 1.21, 0.05, 0.00, -0.55, 0.93, 0.10, -0.52, -0.95, 0.05,
                -0.10, 0.20, 1.52, 0.40, -0.65, 1.98, 0.35, 1.10, 1.95, -1.15, 0.22, 1.85,
                2.30, 0.90, 3.10, 2.05, 1.60, 3.70};
        Structure s = Structure.molecule(sym, pos);
        int[] custom = {8, 1, 6};
        Fchl19 f = Fchl19.builder().elements(custom).build();
        assertEquals(3 * 24 + 6 * 20 * 2, f.dim());
        double[] out = f.compute(s);
        double[] ref = DEFAULT.compute(s);
        int[] defaultIndex = {3, 0, 1}; // positions of O, H, C in [1, 6, 7, 8, 16]
        int n = s.size();
        double max = 0;
        for (int a = 0; a < n; a++) {
            for (int e = 0; e < 3; e++)
                for (int k = 0; k < 24; k++)
                    max = Math.max(max, Math.abs(out[a * f.dim() + f.twoBodyOffset(e) + k]
                            - ref[a * 720 + DEFAULT.twoBodyOffset(defaultIndex[e]) + k]));
            for (int p = 0; p < 3; p++)
                for (int q = p; q < 3; q++)
                    for (int k = 0; k < 40; k++)
                        max = Math.max(max, Math.abs(out[a * f.dim() + f.threeBodyOffset(p, q) + k]
                                - ref[a * 720 + DEFAULT.threeBodyOffset(defaultIndex[p], defaultIndex[q]) + k]));
        }
        assertTrue(max <= 1e-14, "custom element list differs from the default blocks by " + max);
        // Every value of the default row lives in one of the blocks compared above.
        double blocksTotal = 0, rowTotal = 0;
        for (double v : out) blocksTotal += Math.abs(v);
        for (double v : ref) rowTotal += Math.abs(v);
        assertEquals(rowTotal, blocksTotal, 1e-9 * rowTotal);
    }

    @Test
    void threeAtomsMatchTheFormulasWrittenOut() {
        // A bent triangle of bonded size, one near the cutoff and a squeezed one below the first grid point.
        checkAgainstFormulas(new double[] {0.1, -0.2, 0.05, 1.05, 0.15, -0.1, -0.45, 1.2, 0.3});
        checkAgainstFormulas(new double[] {0, 0, 0, 7.5, 0, 0, 3.75, 6.4, 0.3});
        checkAgainstFormulas(new double[] {0, 0, 0, 0.12, 0.02, 0, -0.03, 0.15, 0.01});
    }

    private static void checkAgainstFormulas(double[] pos) {
        // nFourier = 2 with a small zeta checks the third harmonic and the slot layout.
        String[] sym = {"O", "H", "N"};
        double zeta = 0.5;
        Fchl19 f = Fchl19.builder().elements(1, 7, 8).nFourier(2).zeta(zeta).build();
        int d = f.dim();
        assertEquals(3 * 24 + 6 * 20 * 4, d);
        double[] out = f.compute(Structure.molecule(sym, pos));
        int[] type = {2, 0, 1};
        double[] expected = new double[3 * d];
        double w = Math.sqrt(2.7 / Math.PI) * 13.4;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (j == i) continue;
                double r = distance(pos, i, j);
                double mu = Math.log(r / Math.sqrt(1 + 0.32 / (r * r)));
                double sigma = Math.sqrt(Math.log(1 + 0.32 / (r * r)));
                for (int k = 0; k < 24; k++) {
                    double rs = (k + 1) * 8.0 / 24;
                    double g = 0.5 * (Math.cos(Math.PI * r / 8) + 1)
                            * Math.exp(-Math.pow(Math.log(rs) - mu, 2) / (2 * sigma * sigma))
                            / (sigma * Math.sqrt(2 * Math.PI) * rs) / Math.pow(r, 1.8);
                    expected[i * d + type[j] * 24 + k] += g;
                }
            }
            int j = (i + 1) % 3, k = (i + 2) % 3;
            double rij = distance(pos, i, j), rik = distance(pos, i, k), rjk = distance(pos, j, k);
            double ci = (rij * rij + rik * rik - rjk * rjk) / (2 * rij * rik);
            double cj = (rij * rij + rjk * rjk - rik * rik) / (2 * rij * rjk);
            double ck = (rik * rik + rjk * rjk - rij * rij) / (2 * rik * rjk);
            double theta = Math.acos(ci);
            double xi = (1 + 3 * ci * cj * ck) / Math.pow(rij * rik * rjk, 0.57) * w;
            int p = Math.min(type[j], type[k]), q = Math.max(type[j], type[k]);
            int start = 3 * 24 + 20 * 4 * (q + 3 * p - p * (p + 1) / 2);
            for (int l = 0; l < 20; l++) {
                double rs = (l + 1) * 8.0 / 20;
                double rho = Math.exp(-2.7 * Math.pow(0.5 * (rij + rik) - rs, 2))
                        * 0.5 * (Math.cos(Math.PI * rij / 8) + 1) * 0.5 * (Math.cos(Math.PI * rik / 8) + 1);
                for (int h = 0; h < 2; h++) {
                    int o = 2 * h + 1;
                    double damp = Math.exp(-Math.pow(zeta * o, 2) / 2);
                    expected[i * d + start + 4 * l + 2 * h] = 2 * Math.cos(o * theta) * damp * rho * xi;
                    expected[i * d + start + 4 * l + 2 * h + 1] = 2 * Math.sin(o * theta) * damp * rho * xi;
                }
            }
        }
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        double diff = maxAbsDiff(expected, out);
        assertTrue(diff <= 1e-13 * scale, "difference to the written-out formulas " + diff + " (scale " + scale + ")");
        // The third harmonic carries weight here, so the comparison above tests it.
        int hn = f.threeBodyOffset(0, 1); // O's (H, N) block; per l the slots are cos θ, sin θ, cos 3θ, sin 3θ
        assertEquals(3 * 24 + 20 * 4, hn);
        double third = 0;
        for (int l = 0; l < 20; l++)
            third = Math.max(third, Math.max(Math.abs(out[hn + 4 * l + 2]), Math.abs(out[hn + 4 * l + 3])));
        assertTrue(third > 1e-3 * scale, "largest third-harmonic term " + third + " (scale " + scale + ")");
    }

    @Test
    void pairsBeyondTheCutoffContributeNothing() {
        double[] far = {0, 0, 0, 8.05, 0, 0};
        double[] rows = DEFAULT.compute(Structure.molecule(new String[] {"C", "O"}, far));
        for (double v : rows) assertEquals(0.0, v);
        double[] near = {0, 0, 0, 7.9, 0, 0};
        rows = DEFAULT.compute(Structure.molecule(new String[] {"C", "O"}, near));
        // C's row: O block only; O's row: C block only; no three-body terms with two atoms.
        double cToO = 0, other = 0;
        for (int c = 0; c < 720; c++) {
            if (c >= DEFAULT.twoBodyOffset(3) && c < DEFAULT.twoBodyOffset(3) + 24) cToO += rows[c];
            else other += Math.abs(rows[c]);
        }
        assertTrue(cToO > 0);
        assertEquals(0.0, other);
        for (int k = 0; k < 24; k++) assertEquals(rows[DEFAULT.twoBodyOffset(3) + k], rows[720 + DEFAULT.twoBodyOffset(1) + k]);
    }

    @Test
    void paddingAddsZeroRows() {
        Structure s = scattered(3);
        double[] plain = DEFAULT.compute(s);
        double[] padded = DEFAULT.compute(s, 20);
        assertEquals(20 * 720, padded.length);
        for (int c = 0; c < plain.length; c++) assertEquals(plain[c], padded[c]);
        for (int c = plain.length; c < padded.length; c++) assertEquals(0.0, padded[c]);
        assertArrayEquals(plain, DEFAULT.compute(s, s.size()));
        assertEquals(0, DEFAULT.compute(Structure.molecule(new String[0], new double[0])).length);
    }

    @Test
    void batchMatchesSingleStructuresForAnyThreadCount() {
        List<Structure> list = List.of(scattered(1), Structure.molecule(new String[] {"H"}, new double[3]),
                scattered(2), Structure.molecule(new String[0], new double[0]), scattered(3));
        AtomicLong last = new AtomicLong();
        Descriptors one = DEFAULT.compute(list, 1, (done, total) -> last.accumulateAndGet(done, Math::max));
        assertEquals(list.size(), last.get());
        Descriptors two = DEFAULT.compute(list, 2, null);
        Descriptors many = DEFAULT.compute(list, 8, (done, total) -> assertEquals(list.size(), total));
        assertArrayEquals(one.data(), two.data());
        assertArrayEquals(one.data(), many.data());
        assertArrayEquals(new int[] {0, 14, 15, 29, 29, 43}, one.offsets());
        assertEquals(720, one.dim());
        for (int s = 0; s < list.size(); s++) {
            double[] rows = DEFAULT.compute(list.get(s));
            for (int c = 0; c < rows.length; c++) assertEquals(rows[c], one.data()[one.offsets()[s] * 720 + c]);
        }
        assertEquals(0, DEFAULT.compute(List.of(), 2, null).rows());
    }

    @Test
    void progressCountsEveryStructureOnceInOrder() {
        List<Structure> list = new ArrayList<>();
        for (int s = 0; s < 60; s++) list.add(scattered(100 + s));
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        DEFAULT.compute(list, 2, (done, total) -> {
            assertEquals(60, total);
            seen.add(done);
        });
        assertEquals(60, seen.size());
        for (int i = 0; i < seen.size(); i++) assertEquals(i + 1, seen.get(i));
    }

    @Test
    void elementOutsideTheListIsRejectedByName() {
        Structure s = Structure.molecule(new String[] {"C", "Cl", "H"}, new double[] {0, 0, 0, 1.8, 0, 0, -0.6, 0.9, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULT.compute(s));
        assertTrue(e.getMessage().contains("Cl"), e.getMessage());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> DEFAULT.compute(List.of(scattered(1), s), 2, null));
        assertTrue(batch.getMessage().contains("structure 1") && batch.getMessage().contains("Cl"), batch.getMessage());
        Fchl19 noSulfur = Fchl19.builder().elements(1, 6, 7, 8).build();
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> noSulfur.compute(scattered(1)));
        assertTrue(e2.getMessage().contains("element S "), e2.getMessage());
    }

    @Test
    void invalidInputsAreRejected() {
        Structure s = scattered(5);
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.compute(s, s.size() - 1));
        Structure periodic = new Structure(new String[] {"C"}, new double[3],
                new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5}, new boolean[] {true, true, true}, null, null);
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.compute(periodic));
        Structure coincident = Structure.molecule(new String[] {"C", "H"}, new double[] {1, 2, 3, 1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.compute(coincident));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.compute(List.of(s), 0, null));
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().elements(1, 6, 1).build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().elements().build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().elements(0).build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().nRs2(0).build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().nFourier(0).build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().rcut(-1).build());
        assertThrows(IllegalArgumentException.class, () -> Fchl19.builder().eta3(Double.NaN).build());
        assertThrows(IndexOutOfBoundsException.class, () -> DEFAULT.threeBodyOffset(0, 5));
    }
}
