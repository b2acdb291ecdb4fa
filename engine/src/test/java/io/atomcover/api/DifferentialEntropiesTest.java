package io.atomcover.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The statistics of a dH vector over its finite values, with infinite values counted apart. */
class DifferentialEntropiesTest {
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void infiniteValuesAreCountedAndLeftOutOfMeanAndMax() {
        DifferentialEntropies d = new DifferentialEntropies(new double[] {INF, 1.0, -2.0, 4.0, INF}, 7);
        assertEquals(2, d.infinite());
        assertEquals(1.0, d.finiteMean());
        assertEquals(4.0, d.finiteMax());
        assertEquals(0.2, d.overlap(1e-5), "of the 5 values only -2 is below 1e-5");
    }

    @Test
    void withoutFiniteValuesMeanAndMaxAreNaN() {
        DifferentialEntropies d = new DifferentialEntropies(new double[] {INF, INF}, 3);
        assertEquals(2, d.infinite());
        assertEquals(Double.NaN, d.finiteMean());
        assertEquals(Double.NaN, d.finiteMax());
        assertEquals(0.0, d.overlap(1e-5));
    }
}
