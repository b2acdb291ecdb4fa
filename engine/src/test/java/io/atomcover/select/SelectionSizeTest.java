package io.atomcover.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SelectionSizeTest {
    @Test
    void fractionsRoundHalfToEvenLikeNumPy() {
        assertEquals(48, SelectionSize.resolve(0.25, 194)); // 48.5 → 48
        assertEquals(716, SelectionSize.resolve(0.1, 7165)); // 716.5 → 716
        assertEquals(21, SelectionSize.resolve(0.1, 214)); // 21.4
        assertEquals(54, SelectionSize.resolve(0.25, 214)); // 53.5 → 54
        assertEquals(107, SelectionSize.resolve(0.5, 214));
        assertEquals(0, SelectionSize.resolve(0.001, 214));
    }

    @Test
    void countsAreWholeAndBounded() {
        assertEquals(1, SelectionSize.resolve(1, 214));
        assertEquals(214, SelectionSize.resolve(214, 214));
        assertThrows(IllegalArgumentException.class, () -> SelectionSize.resolve(215, 214));
        assertThrows(IllegalArgumentException.class, () -> SelectionSize.resolve(2.5, 214));
        assertThrows(IllegalArgumentException.class, () -> SelectionSize.resolve(0, 214));
        assertThrows(IllegalArgumentException.class, () -> SelectionSize.resolve(-0.1, 214));
        assertThrows(IllegalArgumentException.class, () -> SelectionSize.resolve(Double.NaN, 214));
    }
}
