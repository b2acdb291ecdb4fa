package io.atomcover.ilpselect.fchl;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.Npy;
import io.atomcover.io.NpyArray;
import io.atomcover.structure.Structure;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with FCHL19 rows computed by the reference code of the ILPSelect paper (QML/qmllib
 * {@code generate_fchl19}, default parameters, elements [1, 6, 7, 8, 16], padded to 68 rows).
 */
class Fchl19ReferenceTest {
    private static final int PAD = 68;

    private static Path resource(String name) {
        try {
            return Path.of(Fchl19ReferenceTest.class.getResource("/fchl/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Structure target(String name) throws Exception {
        Dataset targets = ExtXyzReader.read(resource("targets.extxyz"));
        for (Structure s : targets.structures())
            if (name.equals(s.info().get("name"))) return s;
        throw new AssertionError("no frame named " + name);
    }

    private static void assertParity(String name, int atoms) throws Exception {
        Structure s = target(name);
        assertEquals(atoms, s.size());
        NpyArray ref = Npy.read(resource(name + "_rep.npy"));
        assertArrayEquals(new long[] {PAD, 720}, ref.shape());
        double[] rows = Fchl19.defaults().compute(s, PAD);
        assertEquals(ref.data().length, rows.length);
        double max = 0;
        for (int c = 0; c < rows.length; c++) max = Math.max(max, Math.abs(rows[c] - ref.data()[c]));
        System.out.printf("FCHL19 %s: max |difference| to the reference over %d x 720 = %.3g%n", name, PAD, max);
        assertTrue(max <= 1e-8, name + ": max difference " + max);
        for (int c = atoms * 720; c < rows.length; c++) {
            assertEquals(0.0, rows[c]);
            assertEquals(0.0, ref.data()[c]);
        }
    }

    @Test
    void batchOfBothTargetsMatchesTheReference() {
        Dataset targets = ExtXyzReader.read(resource("targets.extxyz"));
        Descriptors d = Fchl19.defaults().compute(targets.structures(), 2, null);
        assertArrayEquals(new int[] {0, 63, 104}, d.offsets());
        String[] names = {"sildenafil", "penicillin"};
        for (int s = 0; s < 2; s++) {
            double[] ref = Npy.read(resource(names[s] + "_rep.npy")).data();
            double max = 0;
            for (int c = 0; c < d.rowsOf(s) * 720; c++)
                max = Math.max(max, Math.abs(d.data()[d.offsets()[s] * 720 + c] - ref[c]));
            assertTrue(max <= 1e-8, names[s] + ": max difference " + max);
        }
    }

    @Test
    void penicillinMatchesTheReference() throws Exception {
        assertParity("penicillin", 41);
    }

    @Test
    void sildenafilMatchesTheReference() throws Exception {
        assertParity("sildenafil", 63);
    }
}
