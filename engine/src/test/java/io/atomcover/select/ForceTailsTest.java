package io.atomcover.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForceTailsTest {
    private static final Path SI_TRAIN = Path.of("../examples/mlearn-si/Si-train.extxyz");

    /** Golden values from NumPy 2.4 (np.quantile, linear) and SciPy 1.17 (stats.ks_2samp, exact). */
    @Test
    void matchesNumPyAndSciPyOnSiTrain() {
        Dataset data = ExtXyzReader.read(SI_TRAIN);
        assertTrue(ForceTails.available(data));
        int[] msc21 = {137, 66, 138, 146, 129, 9, 150, 151, 24, 18, 68, 143, 98, 126, 130, 4, 3, 62, 145, 127, 154};
        ForceTails t = ForceTails.of(data, msc21);
        double[] full = {0.9725032223724834, 2.3218717411617678, 4.419972091344727, 6.3881505207613705, 12.320876364833843};
        double[] sel = {1.3266341324235131, 3.225972280874474, 6.249590109875488, 11.636187247519791, 12.320876364833843};
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i], t.full()[i], 1e-12 * full[i], "full quantile " + i);
            assertEquals(sel[i], t.selected()[i], 1e-12 * sel[i], "selected quantile " + i);
        }
        assertEquals(0.15500147164872885, t.ksStatistic(), 1e-12);
        assertEquals(4.997209124584759e-24, t.ksPValue(), 1e-3 * 4.997209124584759e-24);
    }

    @Test
    void sameDistributionGivesZeroStatistic() {
        Dataset data = ExtXyzReader.read(SI_TRAIN);
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        assertEquals(0.0, ForceTails.of(data, all).ksStatistic(), 0.0);
    }

    @Test
    void refusesDatasetsWithoutForces() {
        Dataset mols = ExtXyzReader.read(Path.of("src/test/resources/golden/molecules.extxyz"));
        assertFalse(ForceTails.available(mols));
        assertThrows(IllegalArgumentException.class, () -> ForceTails.of(mols, new int[] {0}));
    }
}
