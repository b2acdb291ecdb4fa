package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.io.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reading curves in the layout of ILPSelect's published files. The fixtures under
 * experiment/reference are small synthetic curves written with numpy.savez (made-up numbers in
 * Hartree, sizes 5, 8, 12), not the paper's.
 */
class ReferenceCurvesTest {
    private static final double KCAL = 627.5095;

    private static double[] kcal(double... hartree) {
        return java.util.Arrays.stream(hartree).map(v -> v * KCAL).toArray();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ReferenceCurvesTest.class.getResource("/experiment/reference/" + name).toURI());
    }

    @Test
    void fileNamesFollowTheReferenceCode() {
        assertEquals("algo_FCHL_qm7_sildenafil_1.npz",
                ReferenceCurves.fileName(ExperimentMethod.of(RankingMethod.ILP), "sildenafil", 1.0));
        assertEquals("algo_FCHL_qm7_sildenafil_0.npz",
                ReferenceCurves.fileName(new ExperimentMethod(RankingMethod.ILP, 0.0), "sildenafil", 1.0));
        assertEquals("sml_FCHL_qm7_sildenafil.npz", ReferenceCurves.fileName(ExperimentMethod.of(RankingMethod.SML), "sildenafil", 1.0));
        assertEquals("random_FCHL_qm7_x.npz", ReferenceCurves.fileName(ExperimentMethod.of(RankingMethod.RANDOM), "x", 0.0));
    }

    @Test
    void aCurveIsItsSizesAndMaes() throws Exception {
        ReferenceCurves.Curve c = ReferenceCurves.read(fixture("algo_FCHL_qm7_qm7_16_1.npz"));
        assertArrayEquals(new int[] {5, 8, 12}, c.sizes());
        // Hartree in the file, kcal/mol here.
        assertArrayEquals(kcal(2.5, 1.25, 0.5), c.mae(), 1e-12);
        assertEquals(1.25 * KCAL, c.maeAt(8), 1e-12);
        assertTrue(Double.isNaN(c.maeAt(16)));
    }

    @Test
    void randomIsTheMeanOverItsSeeds() throws Exception {
        // all_maes_random = [[6, 4, 2], [8, 2, 1]]
        ReferenceCurves.Curve c = ReferenceCurves.read(fixture("random_FCHL_qm7_qm7_16.npz"));
        assertArrayEquals(kcal(7, 3, 1.5), c.mae(), 1e-12);
    }

    @Test
    void aMalformedFileIsAnErrorNamingIt() throws Exception {
        Path broken = fixture("fps_FCHL_qm7_broken.npz");
        InputException e = assertThrows(InputException.class, () -> ReferenceCurves.read(broken));
        assertTrue(e.getMessage().contains("fps_FCHL_qm7_broken.npz") && e.getMessage().contains("mae"), e.getMessage());
    }
}
