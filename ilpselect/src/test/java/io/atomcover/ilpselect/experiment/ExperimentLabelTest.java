package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentLabelTest {
    private static final ExperimentMethod ILP = ExperimentMethod.of(RankingMethod.ILP);

    /** Only the fields the label reads: methods, sizes, --ilp-n and the fill. */
    private static ExperimentSetup setup(int ilpN, ExperimentSetup.IlpFill fill) {
        return new ExperimentSetup("drugs", null, null, null, null, null, null, List.of(), List.of(ILP), new long[] {0},
                new int[] {16, 64, 256}, ilpN, fill, IlpOptions.defaults(), List.of(), null, null, null, null, 1, null);
    }

    private static Experiment.Run ilp(int molecules) {
        return new Experiment.Run(null, ILP, 0, new double[3], molecules, false, null);
    }

    @Test
    void theIlpLabelSaysWhereSmlTookOverForEveryTarget() {
        ExperimentSetup s = setup(64, ExperimentSetup.IlpFill.SML);
        assertEquals("ilp (sml after 64)", ExperimentAverages.label(s, ILP, List.of(ilp(64), ilp(64))));
        // The time limit stopped the ILP early, at different counts per target.
        assertEquals("ilp (sml after 15-30)", ExperimentAverages.label(s, ILP, List.of(ilp(16), ilp(30), ilp(15))));
        // Ranked to the largest size: nothing was filled.
        assertEquals("ilp", ExperimentAverages.label(s, ILP, List.of(ilp(256))));
        // No ranking counted yet: the configured --ilp-n.
        assertEquals("ilp (sml after 64)", ExperimentAverages.label(s, ILP, List.of()));
        assertEquals("ilp", ExperimentAverages.label(setup(64, ExperimentSetup.IlpFill.NONE), ILP, List.of(ilp(20))));
        // One method per penalty: the penalty and the fill in one parenthesis.
        ExperimentMethod zero = new ExperimentMethod(RankingMethod.ILP, 0.0);
        assertEquals("ilp (λ=0, sml after 15-30)", ExperimentAverages.label(s, zero, List.of(ilp(16), ilp(30), ilp(15))));
        assertEquals("ilp (λ=0)", ExperimentAverages.label(s, zero, List.of(ilp(256))));
        assertEquals("random (1 seed)", ExperimentAverages.label(s, ExperimentMethod.of(RankingMethod.RANDOM), List.of()));
    }
}
