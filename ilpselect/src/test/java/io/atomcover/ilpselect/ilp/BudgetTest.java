package io.atomcover.ilpselect.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void eachSolveGetsTheSmallerOfItsRoundBudgetAndWhatIsLeft() {
        Budget b = new Budget(IlpOptions.defaults().withBudget(10), System.nanoTime());
        assertEquals(new MappingModel.Limits(4, Double.POSITIVE_INFINITY), b.next(4, Double.POSITIVE_INFINITY));
        b.charge(7.5);
        assertEquals(2.5, b.next(4, Double.POSITIVE_INFINITY).deterministicTime(), 0.0);
        b.charge(Double.NaN); // SCIP reports no deterministic time: nothing is charged
        assertEquals(7.5, b.used(), 0.0);
        assertFalse(b.spent());
        b.charge(2.5);
        assertTrue(b.spent(), "spent at exactly the budget");
    }

    @Test
    void aWallClockLimitIsOnlyThereWhenGiven() {
        Budget none = new Budget(IlpOptions.defaults(), System.nanoTime());
        assertEquals(Double.POSITIVE_INFINITY, none.next(1, Double.POSITIVE_INFINITY).seconds());
        Budget over = new Budget(IlpOptions.defaults().withTimeLimit(5), System.nanoTime() - 6_000_000_000L);
        assertTrue(over.spent(), "six seconds of a five-second limit have passed");
        assertTrue(over.next(1, 3).seconds() < 0);
        Budget fresh = new Budget(IlpOptions.defaults().withTimeLimit(5), System.nanoTime());
        assertTrue(fresh.next(1, 3).seconds() <= 3 && fresh.next(1, 3).seconds() > 2.9, "the round limit caps what is left");
    }
}
