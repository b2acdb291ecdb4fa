package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalKernelTest {
    private static final int N = 24;

    /** The local kernel by a plain double loop over the raw FCHL19 rows (file order, no grouping). */
    static double bruteForce(Descriptors a, List<Structure> sa, int i, Descriptors b, List<Structure> sb, int j,
                             double sigma, boolean hydrogens) {
        int[] za = sa.get(i).atomicNumbers(), zb = sb.get(j).atomicNumbers();
        double s = 0;
        for (int x = 0; x < za.length; x++) {
            for (int y = 0; y < zb.length; y++) {
                if (za[x] != zb[y] || (!hydrogens && za[x] == 1)) continue;
                double[] u = a.row(a.offsets()[i] + x), v = b.row(b.offsets()[j] + y);
                double d2 = 0;
                for (int k = 0; k < u.length; k++) d2 += (u[k] - v[k]) * (u[k] - v[k]);
                s += Math.exp(-d2 / (2 * sigma * sigma));
            }
        }
        return s;
    }

    private static void check(boolean hydrogens) {
        List<Structure> mols = KrrFixtures.molecules().structures().subList(0, N);
        Descriptors reps = KrrFixtures.moleculeReps().select(range(N));
        List<Structure> tgt = List.of(KrrFixtures.sildenafil());
        Descriptors tReps = KrrFixtures.targetReps();
        LocalReps train = LocalReps.of(reps, KrrFixtures.atomicNumbers(mols), hydrogens);
        LocalReps target = LocalReps.of(tReps, KrrFixtures.atomicNumbers(tgt), hydrogens);
        KernelBlocks blocks = KernelBlocks.compute(train, target, 2, ProgressListener.NONE);
        for (double sigma : new double[] {1.0, 7.498942093324558, 100.0}) {
            for (int n : new int[] {N, 13}) {
                double[] g = new double[n * n];
                blocks.gram(sigma, n, g, 2);
                double[] c = new double[n];
                blocks.cross(sigma, n, c);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = bruteForce(reps, mols, i, reps, mols, j, sigma, hydrogens);
                        assertEquals(want, g[i * n + j], 1e-12 * Math.max(1, Math.abs(want)), "K[" + i + "," + j + "] sigma " + sigma);
                    }
                    double want = bruteForce(tReps, tgt, 0, reps, mols, i, sigma, hydrogens);
                    assertEquals(want, c[i], 1e-12 * Math.max(1, Math.abs(want)), "target row " + i + " sigma " + sigma);
                    assertEquals(LocalReps.kernel(target, 0, train, i, sigma), c[i], 1e-12 * Math.max(1, Math.abs(want)));
                }
            }
        }
    }

    @Test
    void blocksGiveTheBruteForceKernelWithHydrogens() {
        check(true);
    }

    @Test
    void blocksGiveTheBruteForceKernelWithoutHydrogens() {
        check(false);
    }

    @Test
    void selfKernelAtTinySigmaCountsAtomsAndLargeSigmaCountsSameElementPairs() {
        List<Structure> mols = KrrFixtures.molecules().structures().subList(0, 3);
        LocalReps r = LocalReps.of(KrrFixtures.moleculeReps().select(range(3)), KrrFixtures.atomicNumbers(mols), true);
        int[] z = mols.get(0).atomicNumbers();
        // σ → 0: only identical rows count (an atom with itself; symmetric-equivalent atoms may coincide).
        double k0 = LocalReps.kernel(r, 0, r, 0, 1e-6);
        assertTrue(k0 >= z.length && k0 <= (double) z.length * z.length, "self kernel " + k0);
        // σ → ∞: every same-element pair counts 1.
        int[] zb = mols.get(1).atomicNumbers();
        long pairs = 0;
        for (int a : z) for (int b : zb) if (a == b) pairs++;
        assertEquals(pairs, LocalReps.kernel(r, 0, r, 1, 1e9), 1e-6);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
