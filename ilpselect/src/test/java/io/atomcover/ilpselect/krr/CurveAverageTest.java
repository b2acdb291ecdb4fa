package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveAverageTest {
    @Test
    void meanAndPopulationStdPointByPointSkippingMissingPoints() {
        CurveAverage a = CurveAverage.of(List.of(
                new double[] {1, 10, 5, Double.NaN},
                new double[] {3, 20, Double.NaN, Double.NaN},
                new double[] {5, 60, Double.NaN, Double.NaN}), 4);
        assertArrayEquals(new int[] {3, 3, 1, 0}, a.count());
        assertEquals(3, a.mean()[0], 0);
        assertEquals(Math.sqrt(8.0 / 3), a.std()[0], 1e-15);
        assertEquals(30, a.mean()[1], 0);
        assertEquals(Math.sqrt((400 + 100 + 900) / 3.0), a.std()[1], 1e-12);
        assertEquals(5, a.mean()[2], 0);
        assertEquals(0, a.std()[2], 0, "one value: no spread");
        assertEquals(Double.NaN, a.mean()[3]);
        assertEquals(Double.NaN, a.std()[3]);
    }

    @Test
    void curvesOfAnotherLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CurveAverage.of(List.of(new double[2], new double[3]), 2));
    }
}
