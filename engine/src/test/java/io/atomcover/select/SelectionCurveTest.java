package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.atomcover.select.SelectFixtures.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SelectionCurveTest {
    static final double H = 0.015;

    private static void assertRelative(double expect, double got, double rel, String what) {
        assertEquals(expect, got, rel * Math.abs(expect), what);
    }

    @Test
    void incrementalCurveEqualsFromScratchSummariesOnSilicon() {
        Descriptors d = SelectFixtures.silicon();
        MscSelector sel = new MscSelector(BACKEND, H, MscSelector.Mode.DEFAULT);
        int[] order = sel.select(d, SelectFixtures.siliconEntropies(), 60).indices();
        SelectionCurve curve = SelectionCurve.of(BACKEND, d, order, H, true, 1e-5, ProgressListener.NONE);
        for (int n : new int[] {1, 2, 10, 33, 60}) {
            int[] prefix = Arrays.copyOf(order, n);
            SelectionSummary s = SelectionSummary.of(BACKEND, d, prefix, H);
            assertRelative(s.entropy(), curve.entropy()[n - 1], 1e-10, "entropy at " + n);
            assertRelative(s.diversity(), curve.diversity()[n - 1], 1e-10, "diversity at " + n);
            assertRelative(s.overlap(), curve.overlap()[n - 1], 1e-10, "overlap at " + n);
            assertEquals(s.compressedEnvs(), curve.environments()[n - 1]);
        }
    }

    @Test
    void curveOnClusteredDataWithoutOverlap() {
        Descriptors d = SelectFixtures.clustered(40, 6, 17);
        int[] order = new RandomSelector(5).select(40, 40).indices();
        SelectionCurve curve = SelectionCurve.of(BACKEND, d, order, H, false);
        assertNull(curve.overlap());
        for (int n = 1; n <= 40; n += 13) {
            SelectionSummary s = SelectionSummary.of(BACKEND, d, Arrays.copyOf(order, n), H);
            assertRelative(s.entropy(), curve.entropy()[n - 1], 1e-10, "entropy at " + n);
            assertRelative(s.diversity(), curve.diversity()[n - 1], 1e-10, "diversity at " + n);
        }
        // The full prefix is the whole dataset.
        assertEquals(d.rows(), curve.environments()[39]);
    }
}
