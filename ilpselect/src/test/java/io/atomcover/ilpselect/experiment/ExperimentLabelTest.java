package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentLabelTest {
    /** Only the fields the label reads: methods, sizes, --ilp-n and the fill. */
    private static ExperimentSetup setup(int ilpN, ExperimentSetup.IlpFill fill) {
        return new ExperimentSetup("drugs", null, null, null, null, null, List.of(), List.of(RankingMethod.ILP), new long[] {0},
                new int[] {16, 64, 256}, ilpN, fill, IlpOptions.defaults(), List.of(), null, null, null, null, 1);
    }

    private static Experiment.Run ilp(int molecules) {
        return new Experiment.Run(null, RankingMethod.ILP, 0, new double[3], molecules, null);
    }

    @Test
    void theIlpLabelSaysWhereSmlTookOverForEveryTarget() {
        ExperimentSetup s = setup(64, ExperimentSetup.IlpFill.SML);
        assertEquals("ilp (sml after 64)", ExperimentAverages.label(s, RankingMethod.ILP, List.of(ilp(64), ilp(64))));
        // The time limit stopped the ILP early, at different counts per target.
        assertEquals("ilp (sml after 15-30)", ExperimentAverages.label(s, RankingMethod.ILP, List.of(ilp(16), ilp(30), ilp(15))));
        // Ranked to the largest size: nothing was filled.
        assertEquals("ilp", ExperimentAverages.label(s, RankingMethod.ILP, List.of(ilp(256))));
        // No ranking counted yet: the configured --ilp-n.
        assertEquals("ilp (sml after 64)", ExperimentAverages.label(s, RankingMethod.ILP, List.of()));
        assertEquals("ilp", ExperimentAverages.label(setup(64, ExperimentSetup.IlpFill.NONE), RankingMethod.ILP, List.of(ilp(20))));
        assertEquals("random (1 seed)", ExperimentAverages.label(s, RankingMethod.RANDOM, List.of()));
    }
}
