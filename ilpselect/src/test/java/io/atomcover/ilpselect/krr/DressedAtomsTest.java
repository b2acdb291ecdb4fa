package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.structure.Structure;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class DressedAtomsTest {
    /** Element counts of the bundled molecules, for commons-math's OLS. */
    private static double[][] counts(List<Structure> mols, int[] elements) {
        double[][] x = new double[mols.size()][elements.length];
        for (int i = 0; i < mols.size(); i++)
            for (int z : mols.get(i).atomicNumbers())
                for (int e = 0; e < elements.length; e++) if (elements[e] == z) x[i][e]++;
        return x;
    }

    @Test
    void elementCountFitMatchesAnIndependentLeastSquaresSolve() {
        List<Structure> mols = KrrFixtures.molecules().structures();
        double[] e = mols.stream().mapToDouble(KrrFixtures::energy).toArray();
        DressedAtoms fit = DressedAtoms.fit(KrrFixtures.atomicNumbers(mols), e, DressedAtoms.Fit.ELEMENT_COUNTS);
        int[] elements = fit.elements();
        assertArrayEquals(new int[] {1, 6, 7, 8, 16}, elements, "the 64 molecules hold H, C, N, O, S");

        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(e, counts(mols, elements));
        double[] beta = ols.estimateRegressionParameters();
        for (int k = 0; k < elements.length; k++)
            assertEquals(beta[k], fit.coefficient(elements[k]), 1e-9 * Math.abs(beta[k]), "element " + elements[k]);
        assertEquals(0.0, fit.intercept());
        Structure m = mols.get(3);
        double base = 0;
        for (int z : m.atomicNumbers()) base += fit.coefficient(z);
        assertEquals(KrrFixtures.energy(m) - base, fit.label(m.atomicNumbers(), KrrFixtures.energy(m)), 1e-12);
    }

    @Test
    void interceptDroppedFitMatchesOlsWithIntercept() {
        List<Structure> mols = KrrFixtures.molecules().structures();
        double[] e = mols.stream().mapToDouble(KrrFixtures::energy).toArray();
        DressedAtoms fit = DressedAtoms.fit(KrrFixtures.atomicNumbers(mols), e, DressedAtoms.Fit.INTERCEPT_DROPPED);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(e, counts(mols, fit.elements()));
        double[] beta = ols.estimateRegressionParameters(); // intercept first
        assertEquals(beta[0], fit.intercept(), 1e-7, "intercept");
        int[] elements = fit.elements();
        for (int k = 0; k < elements.length; k++)
            assertEquals(beta[k + 1], fit.coefficient(elements[k]), 1e-9 * Math.abs(beta[k + 1]), "element " + elements[k]);
        // The intercept is not part of the baseline: labels keep it.
        Structure m = mols.get(0);
        assertEquals(KrrFixtures.energy(m) - fit.baseline(m.atomicNumbers()), fit.label(m.atomicNumbers(), KrrFixtures.energy(m)), 0);
    }

    @Test
    void exactDataIsRecovered() {
        List<int[]> z = List.of(new int[] {1, 1, 8}, new int[] {6, 1, 1, 1, 1}, new int[] {7, 1, 1, 1},
                new int[] {6, 6, 1, 1, 1, 1, 1, 1}, new int[] {8, 8});
        double[] c = {-0.5, -37.8, -54.5, -75.0}; // H C N O
        int[] el = {1, 6, 7, 8};
        double[] e = new double[z.size()];
        for (int i = 0; i < e.length; i++)
            for (int v : z.get(i)) e[i] += c[java.util.Arrays.binarySearch(el, v)];
        DressedAtoms fit = DressedAtoms.fit(z, e, DressedAtoms.Fit.ELEMENT_COUNTS);
        for (int k = 0; k < el.length; k++) assertEquals(c[k], fit.coefficient(el[k]), 1e-12);
        for (int i = 0; i < e.length; i++) assertEquals(0.0, fit.label(z.get(i), e[i]), 1e-11);
    }

    @Test
    void rejectsUnknownElementsAndUnderdeterminedFits() {
        DressedAtoms fit = DressedAtoms.fit(List.of(new int[] {1, 1}, new int[] {1, 8}), new double[] {-1, -76},
                DressedAtoms.Fit.ELEMENT_COUNTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.baseline(new int[] {16}));
        assertTrue(e.getMessage().contains("S"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DressedAtoms.fit(List.of(new int[] {1, 8}), new double[] {-76},
                DressedAtoms.Fit.ELEMENT_COUNTS));
        // C and H always 1:4 (methane only, twice): counts are collinear.
        assertThrows(IllegalArgumentException.class, () -> DressedAtoms.fit(
                List.of(new int[] {6, 1, 1, 1, 1}, new int[] {6, 6, 1, 1, 1, 1, 1, 1, 1, 1}), new double[] {-40, -80},
                DressedAtoms.Fit.ELEMENT_COUNTS));
    }
}
