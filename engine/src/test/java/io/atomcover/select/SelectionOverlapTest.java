package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.metrics.SelectionOverlap;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The early-stopping overlap equals, count for count, the full pass it replaces: every dataset row
 * summed against every selected row ({@link InformationMetrics#differentialEntropy}) and counted by
 * {@link InformationMetrics#overlap(double[], double)}; selections of every kind and several sizes.
 */
class SelectionOverlapTest {
    private static final double H = 0.015;

    /** The full pass: the oracle. */
    private static int fullPassCount(Descriptors d, int[] selected, double eps) {
        double[] dH = new InformationMetrics(SelectFixtures.BACKEND).differentialEntropy(d, d.select(selected), H);
        int n = 0;
        for (double v : dH) if (v < eps) n++;
        return n;
    }

    private static void assertSameCount(Descriptors d, int[] selected, double eps, String what) {
        assertSameCount(d, selected, eps, null, what);
    }

    private static void assertSameCount(Descriptors d, int[] selected, double eps, double[] bounds, String what) {
        SelectionOverlap.Count c = new SelectionOverlap(SelectFixtures.BACKEND).count(d, selected, H, eps, bounds, ProgressListener.NONE);
        assertEquals(fullPassCount(d, selected, eps), c.covered(), what);
        assertEquals(d.rows(), c.rows(), what);
    }

    /** An MSC run's own selection with the bounds its covers leave. */
    private static void assertSameCount(Descriptors d, MscResult r, double eps, String what) {
        assertSameCount(d, r.indices(), eps, r.coverBounds(), what);
    }

    private static int[] randomSelection(int total, int n, long seed) {
        int[] all = new int[total];
        for (int i = 0; i < total; i++) all[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, n);
    }

    private static void checkAll(Descriptors d, double[] entropies, String name) {
        int total = d.structureCount();
        int[] sizes = {1, Math.max(1, total / 20), Math.max(1, total / 10), total / 3, total};
        MscSelector def = new MscSelector(SelectFixtures.BACKEND, H, MscSelector.Mode.DEFAULT);
        MscSelector compat = new MscSelector(SelectFixtures.BACKEND, H, MscSelector.Mode.COMPAT);
        int[] full = def.select(d, entropies, total).indices();
        int[] fullCompat = compat.select(d, entropies, total).indices();
        Descriptors reference = d.select(new int[] {0, 1});
        for (int n : sizes) {
            for (double eps : new double[] {InformationMetrics.DEFAULT_OVERLAP_EPS, -0.5}) {
                String at = name + " n=" + n + " eps=" + eps;
                assertSameCount(d, Arrays.copyOf(full, n), eps, at + " msc default");
                assertSameCount(d, Arrays.copyOf(fullCompat, n), eps, at + " msc compat");
                assertSameCount(d, randomSelection(total, n, n), eps, at + " random");
                assertSameCount(d, def.select(d, entropies, n), eps, at + " msc default, cover bounds");
                assertSameCount(d, compat.select(d, entropies, n), eps, at + " msc compat, cover bounds");
            }
            String at = name + " n=" + n;
            double eps = InformationMetrics.DEFAULT_OVERLAP_EPS;
            assertSameCount(d, def.selectConditional(d, entropies, n, reference), eps, at + " conditional default");
            assertSameCount(d, compat.selectConditional(d, entropies, n, reference), eps, at + " conditional compat");
            assertSameCount(d, def.selectConditional(d, entropies, n, d.select(new int[0])), eps, at + " conditional default, empty reference");
            if (n > 0 && n * 2 < total) {
                assertSameCount(d, def.selectSegmented(d, entropies, n, 2), eps, at + " chunks default");
                assertSameCount(d, compat.selectSegmented(d, entropies, n, 2), eps, at + " chunks compat");
            }
        }
        assertSameCount(d, new int[0], InformationMetrics.DEFAULT_OVERLAP_EPS, name + " empty selection");
    }

    @Test
    void equalsTheFullPassOnSilicon() {
        checkAll(SelectFixtures.silicon(), SelectFixtures.siliconEntropies(), "Si-train");
    }

    @Test
    void equalsTheFullPassOnTheBundledMolecules() {
        Descriptors d = new QuestsDescriptor(32, 5.0).compute(
                ExtXyzReader.read(Path.of("src/test/resources/golden/molecules.extxyz")).structures(), 2, ProgressListener.NONE);
        double[] entropies = new InformationMetrics(SelectFixtures.BACKEND).structureEntropies(d, H, 2, ProgressListener.NONE);
        checkAll(d, entropies, "molecules");
    }

    @Test
    void equalsTheFullPassOnClusteredData() {
        for (long seed = 1; seed <= 3; seed++) {
            Descriptors d = SelectFixtures.clustered(60, 6, seed);
            double[] entropies = new InformationMetrics(SelectFixtures.BACKEND).structureEntropies(d, H, 2, ProgressListener.NONE);
            checkAll(d, entropies, "clustered seed " + seed);
        }
    }

    @Test
    void coverBoundsOnlyWhereTheyAreAgainstTheSelection() {
        Descriptors d = SelectFixtures.silicon();
        double[] entropies = SelectFixtures.siliconEntropies();
        MscSelector def = new MscSelector(SelectFixtures.BACKEND, H, MscSelector.Mode.DEFAULT);
        int n = d.structureCount() / 10;
        double[] bounds = def.select(d, entropies, n).coverBounds();
        assertEquals(d.rows(), bounds.length);
        SelectionOverlap.Count c = new SelectionOverlap(SelectFixtures.BACKEND).count(d, def.select(d, entropies, n).indices(), H,
                InformationMetrics.DEFAULT_OVERLAP_EPS, bounds, ProgressListener.NONE);
        assertTrue(c.summed() < d.rows(), "the bounds decide some rows: " + c);
        assertNull(def.select(d, entropies, 1).coverBounds(), "a one-pick run has no covers");
        assertNull(def.selectConditional(d, entropies, n, d.select(new int[] {0})).coverBounds(), "conditional covers include the reference");
        assertNull(def.selectSegmented(d, entropies, 5, 2).coverBounds(), "segmented covers are of a part of the dataset");
    }

    @Test
    void summaryOverlapIsTheFullPassFraction() {
        Descriptors d = SelectFixtures.silicon();
        int[] sel = randomSelection(d.structureCount(), d.structureCount() / 10, 7);
        SelectionSummary s = SelectionSummary.of(SelectFixtures.BACKEND, d, sel, H);
        assertEquals((double) fullPassCount(d, sel, InformationMetrics.DEFAULT_OVERLAP_EPS) / d.rows(), s.overlap());
    }
}
