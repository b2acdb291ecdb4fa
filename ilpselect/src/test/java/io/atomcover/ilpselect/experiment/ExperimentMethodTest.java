package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentMethodTest {
    private static final List<RankingMethod> ALL = List.of(RankingMethod.values());

    @Test
    void onePenaltyKeepsTheOldNamesSoStoredResultsResume() {
        List<ExperimentMethod> m = ExperimentMethod.expand(ALL, new double[] {1});
        assertEquals(List.of("ilp", "sml", "fps", "cur", "random"), m.stream().map(ExperimentMethod::toString).toList());
        assertEquals("ilp", m.get(0).label());
        // Without a penalty of its own the ILP runs with the base settings' penalty.
        assertEquals(0.5, m.get(0).ilp(IlpOptions.defaults().withPenalty(0.5)).penalty());
    }

    @Test
    void severalPenaltiesAreOneMethodEachInTheOrderGiven() {
        List<ExperimentMethod> m = ExperimentMethod.expand(List.of(RankingMethod.SML, RankingMethod.ILP), new double[] {0, 1, 0.25});
        assertEquals(List.of("sml", "ilp-p0", "ilp-p1", "ilp-p0.25"), m.stream().map(ExperimentMethod::toString).toList());
        assertEquals(List.of("sml", "ilp (λ=0)", "ilp (λ=1)", "ilp (λ=0.25)"), m.stream().map(ExperimentMethod::label).toList());
        assertEquals(0.0, m.get(1).ilp(IlpOptions.defaults()).penalty());
        assertEquals(0.25, m.get(3).ilp(IlpOptions.defaults()).penalty());
        assertEquals("ilp-p2", new ExperimentMethod(RankingMethod.ILP, 2.0).toString());
        assertThrows(IllegalArgumentException.class, () -> new ExperimentMethod(RankingMethod.SML, 1.0));
    }
}
