package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How -s reads a size: counts, percentages, fractions, and the ambiguous decimals it refuses. */
class SizeArgTest {
    private static int n(String s, int total) {
        return SizeArg.parse("-s", s).resolve(total);
    }

    private static String refused(String s) {
        return assertThrows(IllegalArgumentException.class, () -> SizeArg.parse("-s", s)).getMessage();
    }

    @Test
    void wholeNumbersAreCounts() {
        assertEquals(1, n("1", 214));
        assertEquals(21, n("21", 214));
        assertTrue(SizeArg.parse("-s", "21").isCount());
        assertEquals(21.0, SizeArg.parse("-s", "21").requested());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> n("215", 214)).getMessage().contains("exceeds the 214"));
    }

    @Test
    void percentagesAndFractionsAreShares() {
        // Rounded half to even, as NumPy: 0.1 x 214 = 21.4 -> 21, 0.25 x 194 = 48.5 -> 48.
        assertEquals(21, n("10%", 214));
        assertEquals(21, n("0.1", 214));
        assertEquals(48, n("25%", 194));
        assertEquals(48, n("0.25", 194));
        assertEquals(214, n("100%", 214));
        assertEquals(1, n("0.5%", 214));
        assertEquals(0.1, SizeArg.parse("-s", "10%").requested(), 1e-15);
    }

    @Test
    void decimalsOfOneOrMoreAreRefusedWithAHint() {
        assertEquals("-s 1.0 is ambiguous: write 1 for one structure or 100% for all", refused("1.0"));
        assertEquals("-s 21.0 is ambiguous: write 21 for 21 structures or 100% for all", refused("21.0"));
        assertTrue(refused("2.5").contains("must be whole"));
        assertTrue(refused("0").startsWith("-s must be"));
        assertTrue(refused("-0.5").startsWith("-s must be"));
        assertTrue(refused("0%").contains("above 0%"));
        assertTrue(refused("150%").contains("at most 100%"));
        assertTrue(refused("ten").contains("got 'ten'"));
        assertTrue(refused("NaN").startsWith("-s must be"));
    }
}
