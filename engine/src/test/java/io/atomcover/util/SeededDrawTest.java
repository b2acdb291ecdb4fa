package io.atomcover.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.select.RandomSelector;
import org.junit.jupiter.api.Test;

class SeededDrawTest {
    /** The orders every seed has always given: stored rankings and selections depend on them. */
    @Test
    void eachSeedGivesItsFixedOrder() {
        assertArrayEquals(new int[] {18, 8, 11, 15, 14, 6, 9, 12}, SeededDraw.withoutReplacement(0, 20, 8));
        assertArrayEquals(new int[] {6, 4, 3, 11, 2, 17, 16, 7}, SeededDraw.withoutReplacement(1, 20, 8));
        assertArrayEquals(new int[] {11, 7, 0, 18, 15, 16, 5, 9}, SeededDraw.withoutReplacement(42, 20, 8));
    }

    @Test
    void theRandomSelectorDrawsTheSameOrder() {
        for (long seed = 0; seed < 5; seed++)
            assertArrayEquals(SeededDraw.withoutReplacement(seed, 30, 12), new RandomSelector(seed).select(30, 12).indices());
    }

    @Test
    void aSizeOutsideTheTotalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SeededDraw.withoutReplacement(0, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> SeededDraw.withoutReplacement(0, 3, -1));
    }
}
