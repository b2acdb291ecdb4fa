package io.atomcover.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The registry of selection methods: names and the facts the command line and the facade rely on. */
class SelectionMethodTest {
    @Test
    void namesAndFacts() {
        assertEquals("msc, msc_compat, fps, mean_fps, k_means, random", SelectionMethod.ids());
        // name, seeded, nested, needs entropies
        Object[][] facts = {
                {"msc", false, true, true}, {"msc_compat", false, true, true}, {"fps", false, true, true},
                {"mean_fps", true, true, false}, {"k_means", true, false, false}, {"random", true, true, false}};
        for (Object[] f : facts) {
            SelectionMethod m = SelectionMethod.byId((String) f[0]);
            assertEquals(f[0], m.id());
            assertEquals(f[1], m.seeded(), m.id());
            assertEquals(f[2], m.nested(), m.id());
            assertEquals(f[3], m.needsEntropies(), m.id());
        }
        assertEquals(SelectionMethod.K_MEANS, SelectionMethod.byId(" K_Means "));
        assertNull(SelectionMethod.byId("kmeans"));
    }
}
