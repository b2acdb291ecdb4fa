package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atomcover.util.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    @Test
    void foldAssignments() {
        // scikit-learn KFold(5) on 16 samples: sizes 4, 3, 3, 3, 3 in order.
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4},
                CrossValidation.assign(16, 5, CrossValidation.FoldScheme.CONTIGUOUS));
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, CrossValidation.assign(7, 3, CrossValidation.FoldScheme.INTERLEAVED));
    }

    @Test
    void cvErrorMatchesAHandRolledLoop() {
        int n = 20;
        LocalReps train = LocalReps.of(KrrFixtures.moleculeReps().select(LocalKernelTest.range(n)),
                KrrFixtures.atomicNumbers(KrrFixtures.molecules().structures().subList(0, n)), true);
        LocalReps target = LocalReps.of(KrrFixtures.targetReps(), List.of(KrrFixtures.sildenafil().atomicNumbers()), true);
        KernelBlocks blocks = KernelBlocks.compute(train, target, 2, ProgressListener.NONE);
        double[] k = new double[n * n];
        blocks.gram(3.0, n, k, 2);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = KrrFixtures.referenceLabel(KrrFixtures.molecules().get(i));
        double lambda = 1e-6;
        for (CrossValidation.FoldScheme scheme : CrossValidation.FoldScheme.values()) {
            int[] fold = CrossValidation.assign(n, 5, scheme);
            double sumMae = 0, sumFirst = 0;
            for (int f = 0; f < 5; f++) {
                final int ff = f;
                int[] tr = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
                int[] va = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == ff).toArray();
                double[] alpha = Krr.train(k, n, tr, y, lambda);
                double mae = 0;
                for (int v : va) mae += Math.abs(Krr.predict(k, v * n, tr, alpha) - y[v]);
                sumMae += mae / va.length;
                sumFirst += Math.abs(Krr.predict(k, va[0] * n, tr, alpha) - y[va[0]]);
            }
            assertEquals(sumMae / 5, CrossValidation.error(k, n, n, y, lambda, 5, scheme, CrossValidation.Score.MEAN_ABSOLUTE), 1e-15);
            assertEquals(sumFirst / 5, CrossValidation.error(k, n, n, y, lambda, 5, scheme, CrossValidation.Score.FIRST_OF_FOLD), 1e-15);
        }
    }

    @Test
    void selectionIsDeterministicAcrossRunsAndThreadCounts() {
        int n = 40;
        LocalReps train = LocalReps.of(KrrFixtures.moleculeReps().select(LocalKernelTest.range(n)),
                KrrFixtures.atomicNumbers(KrrFixtures.molecules().structures().subList(0, n)), true);
        LocalReps target = LocalReps.of(KrrFixtures.targetReps(), List.of(KrrFixtures.sildenafil().atomicNumbers()), true);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = KrrFixtures.referenceLabel(KrrFixtures.molecules().get(i));
        double t = KrrFixtures.referenceLabel(KrrFixtures.sildenafil());
        int[] sizes = {16, 40, 24};
        List<CurvePoint> one = LearningCurves.compute(train, y, target, t, sizes, KrrSettings.defaults(), 1, null);
        List<CurvePoint> two = LearningCurves.compute(train, y, target, t, sizes, KrrSettings.defaults(), 2, null);
        List<CurvePoint> again = LearningCurves.compute(train, y, target, t, sizes, KrrSettings.defaults(), 2, null);
        assertEquals(one, two);
        assertEquals(two, again);
        assertEquals(List.of(16, 40, 24), one.stream().map(CurvePoint::size).toList(), "points follow the order of sizes");
    }
}
