package io.atomcover.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.ExtXyzWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThermalReplicasTest {
    private static final Path SI_TRAIN = Path.of("../examples/mlearn-si/Si-train.extxyz");
    private static Dataset train;

    @BeforeAll
    static void read() {
        train = ExtXyzReader.read(SI_TRAIN);
    }

    @Test
    void countsAreThoseOfTheIssue() {
        assertEquals(214, train.size());
        assertEquals(13_233, train.atomCount());
        for (int r : new int[] {1, 2, 8}) {
            Dataset d = ThermalReplicas.of(train, r);
            assertEquals(214 * r, d.size());
            assertEquals(13_233 * r, d.atomCount());
        }
        // Every replica holds the input's atoms (checked above), so R = 40 and 80 follow without building them.
        assertEquals(105_864, ThermalReplicas.of(train, 8).atomCount());
        assertEquals(529_320, 40 * train.atomCount());
        assertEquals(1_058_640, 80 * train.atomCount());
    }

    @Test
    void sigmaRisesLinearlyFromFirstToLastReplica() {
        assertEquals(0.01, ThermalReplicas.sigma(0, 1), 0);
        assertEquals(0.01, ThermalReplicas.sigma(0, 8), 0);
        assertEquals(0.10, ThermalReplicas.sigma(7, 8), 1e-15);
        assertEquals(0.01 + 0.09 * 3 / 7, ThermalReplicas.sigma(3, 8), 1e-15);
        assertEquals(0.055, ThermalReplicas.sigma(1, 3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ThermalReplicas.sigma(8, 8));
        assertThrows(IllegalArgumentException.class, () -> ThermalReplicas.of(train, 0));
        Dataset d = ThermalReplicas.of(train, 2);
        assertEquals("0", d.get(0).info().get("replica"));
        assertEquals("0.01", d.get(0).info().get("sigma"));
        assertEquals("1", d.get(214).info().get("replica"));
        assertEquals("0.1", d.get(214).info().get("sigma"));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String a = text(ThermalReplicas.of(train, 2));
        assertEquals(a, text(ThermalReplicas.of(train, 2)));
        assertEquals(a, text(ThermalReplicas.of(train, 2, ThermalReplicas.DEFAULT_SEED)));
        assertNotEquals(a, text(ThermalReplicas.of(train, 2, ThermalReplicas.DEFAULT_SEED + 1)));
    }

    @Test
    void firstReplicaFollowsTheRecipeWhateverTheReplicaCount() {
        // Independent oracle of the documented recipe, on the first structure of the first replica.
        SplittableRandom rng = new SplittableRandom(new SplittableRandom(ThermalReplicas.DEFAULT_SEED).nextLong());
        Structure s = train.get(0);
        double[] expected = s.positions().clone();
        for (int i = 0; i < expected.length; i += 2) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double rho = StrictMath.sqrt(-2 * StrictMath.log(1 - u1));
            expected[i] += 0.01 * (rho * StrictMath.cos(2 * StrictMath.PI * u2));
            if (i + 1 < expected.length) expected[i + 1] += 0.01 * (rho * StrictMath.sin(2 * StrictMath.PI * u2));
        }
        // Pinned, so that a change of SplittableRandom or of the maths library would show on any machine.
        assertEquals(0.3010954754758416, expected[0], 0);
        assertEquals(9.05060484453063, expected[1], 0);
        assertEquals(0.3556168477995035, ThermalReplicas.of(train, 2).get(214).positions()[0], 0);
        for (int r : new int[] {1, 2, 8}) {
            Dataset d = ThermalReplicas.of(train, r);
            assertArrayEquals(expected, d.get(0).positions(), 0, "R = " + r);
            for (int k = 0; k < train.size(); k++)
                assertArrayEquals(ThermalReplicas.of(train, 1).get(k).positions(), d.get(k).positions(), 0, "structure " + k + ", R = " + r);
        }
    }

    @Test
    void displacementsAreCentredWithStandardDeviationSigma() {
        Dataset d = ThermalReplicas.of(train, 2);
        for (int r = 0; r < 2; r++) {
            double sigma = ThermalReplicas.sigma(r, 2);
            double sum = 0, sumSq = 0;
            long n = 0;
            for (int k = 0; k < train.size(); k++) {
                double[] before = train.get(k).positions();
                double[] after = d.get(r * train.size() + k).positions();
                for (int i = 0; i < before.length; i++) {
                    double z = (after[i] - before[i]) / sigma;
                    sum += z;
                    sumSq += z * z;
                    n++;
                }
            }
            assertEquals(39_699, n);
            double mean = sum / n;
            double std = Math.sqrt(sumSq / n - mean * mean);
            // Standard errors at n = 39,699: 0.005 on the mean, 0.0036 on the std; 5 of them allowed.
            assertEquals(0, mean, 0.025, "mean of z, replica " + r);
            assertEquals(1, std, 0.018, "std of z, replica " + r);
        }
    }

    @Test
    void cellsPeriodicityAndEnergyStayForcesGo() {
        Dataset d = ThermalReplicas.of(train, 2);
        assertTrue(train.get(0).column("forces") != null, "the input has forces");
        for (int r = 0; r < 2; r++)
            for (int k = 0; k < train.size(); k++) {
                Structure in = train.get(k);
                Structure out = d.get(r * train.size() + k);
                assertArrayEquals(in.cell(), out.cell(), 0);
                assertArrayEquals(in.pbc(), out.pbc());
                assertEquals(in.info().get("energy"), out.info().get("energy"));
                assertEquals(in.info().get("config_type"), out.info().get("config_type"));
                assertNull(out.column("forces"));
                for (int a = 0; a < in.size(); a++) assertEquals(in.symbol(a), out.symbol(a));
                assertFalse(in.positions() == out.positions());
            }
    }

    private static String text(Dataset d) throws IOException {
        StringWriter w = new StringWriter();
        for (Structure s : d.structures()) ExtXyzWriter.write(w, s);
        return w.toString();
    }
}
