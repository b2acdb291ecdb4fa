package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.ChartLayout;
import io.atomcover.cli.plot.Series;
import io.atomcover.cli.plot.Tick;
import io.atomcover.select.SelectionCurve;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line's plots: units in the axis titles, labelled ticks, legends off the data, error bars. */
class PlotsTest {
    /** The curve of {@code compress -m random -s 5} on Si-train (seed 0), whose last point a legend used to hide. */
    private static SelectionCurve randomFive() {
        return new SelectionCurve(new double[] {0, 2.77, 3.86, 4.07, 3.80}, new double[] {0, 4.17, 4.85, 4.95, 4.94},
                new double[] {0.063, 0.068, 0.073, 0.495, 0.541}, new int[] {64, 128, 192, 256, 320});
    }

    private static void assertLegendClearOfData(Chart c) {
        ChartLayout l = ChartLayout.of(c);
        Rectangle2D box = l.legend();
        assertNotNull(box, c.title());
        for (Series s : c.series())
            for (int i = 0; i < s.x().length; i++) {
                Point2D p = l.point(s, i);
                if (p != null) assertFalse(box.contains(p), c.title() + ": " + s.name() + " point " + i + " under the legend");
            }
    }

    private static List<String> labels(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).map(Tick::label).toList();
    }

    @Test
    void compressPanelsKeepEveryPointVisibleAndLabelTheirAxes() {
        List<Chart> panels = CurveOutput.panels(randomFive(), "random", 5, "selected: 5", false);
        assertEquals(3, panels.size());
        for (Chart c : panels) {
            assertLegendClearOfData(c);
            ChartLayout l = ChartLayout.of(c);
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), labels(l.xTicks()), "whole counts on the size axis");
            assertTrue(labels(l.yTicks()).size() >= 4, c.title() + ": " + l.yTicks());
            assertTrue(c.x().title().contains("count"), c.x().title());
        }
        assertTrue(panels.get(0).y().title().contains("nats"));
        assertTrue(panels.get(2).y().title().contains("fraction"));
    }

    @Test
    void forceHistogramNamesItsUnitAndLabelsItsLogAxis() {
        double[] all = new double[2000];
        for (int i = 0; i < all.length; i++) all[i] = 12.0 * Math.pow((i + 0.5) / all.length, 3);
        Chart c = Plots.forceHistogram(all, new double[] {0.1, 1, 5, 11}, CompressReport.FORCE_BINS);
        assertEquals("force magnitude |F| (eV/Å)", c.x().title());
        assertTrue(c.y().isLog());
        List<String> y = labels(ChartLayout.of(c).yTicks());
        assertTrue(y.contains("0.01") && y.contains("0.1"), y::toString);
        assertLegendClearOfData(c);
    }

    @Test
    void learningCurvesAreLogLogWithLabelsBetweenDecades() {
        double[] n = {16, 32, 64, 128, 256, 512, 1024};
        Chart c = CurvePlot.chart("Learning curves: t", "MAE (kcal/mol)", List.of(
                new CurvePlot.Line("ilp", n, new double[] {40, 30, 21, 14, 9, 6, 4}),
                new CurvePlot.Line("sml", n, new double[] {45, 35, 26, 18, 12, 8, 5})));
        assertTrue(c.x().isLog() && c.y().isLog());
        assertEquals("training set size N (molecules)", c.x().title());
        ChartLayout l = ChartLayout.of(c);
        assertEquals(List.of("20", "50", "100", "200", "500", "1000"), labels(l.xTicks()));
        assertTrue(labels(l.yTicks()).containsAll(List.of("5", "10", "20")), l.yTicks()::toString);
        assertLegendClearOfData(c);
    }

    @Test
    void experimentPlotsAreInThePaperStyleWithThePublishedCurvesDashed() {
        double[] n = {16, 32, 64, 128, 256, 512, 1024};
        double[] err = {5, 4, 3, 2, 1, 1, 1};
        List<CurvePlot.Line> lines = new ArrayList<>();
        String[] methods = {"ilp (λ=0)", "ilp (λ=1)", "sml", "fps", "cur", "random (5 seeds)"};
        for (int m = 0; m < methods.length; m++) {
            double[] y = new double[n.length];
            for (int i = 0; i < n.length; i++) y[i] = (200 + 20 * m) / Math.sqrt(n[i] / 16);
            lines.add(new CurvePlot.Line(methods[m], n, y, err));
        }
        lines.add(new CurvePlot.Line("ilp (λ=1), paper", n, new double[] {214, 93, 145, 49, 8.8, 75, 5.5}, null, 1));
        Chart c = CurvePlot.chart("drugs: mean MAE over 10 targets", "MAE (kcal/mol)", lines, true);
        ChartLayout l = ChartLayout.of(c);
        // N ticks at exactly the sizes, as the paper's figures.
        assertEquals(List.of("16", "32", "64", "128", "256", "512", "1024"), labels(l.xTicks()));
        List<Series> s = c.series();
        // One colour and marker per method: no two methods share both.
        Set<String> styles = new HashSet<>();
        for (int m = 0; m < methods.length; m++) {
            assertFalse(s.get(m).isDashed());
            assertTrue(styles.add(s.get(m).color() + " " + s.get(m).marker()), "style of " + methods[m] + " repeats");
        }
        // The paper's curve: dashed, in the colour and marker of its method.
        Series paper = s.get(methods.length);
        assertTrue(paper.isDashed());
        assertEquals(s.get(1).color(), paper.color());
        assertEquals(s.get(1).marker(), paper.marker());
        assertLegendClearOfData(c);
        // Other learning-curve plots keep the ticks chosen for their range.
        assertEquals(List.of("20", "50", "100", "200", "500", "1000"), labels(ChartLayout.of(CurvePlot.chart("t", "MAE", lines)).xTicks()));
    }

    @Test
    void experimentCurvesCarryTheirStandardDeviationsAsErrorBars() {
        Chart c = CurvePlot.chart("drugs", "MAE (kcal/mol), mean ± std over targets", List.of(
                new CurvePlot.Line("sml", new double[] {5, 8, 12}, new double[] {30, 33, 35}, new double[] {5, 8, 3})));
        Series s = c.series().get(0);
        ChartLayout l = ChartLayout.of(c);
        double[] bar = l.errorBar(s, 1);
        assertEquals(l.py(33 - 8), bar[0], 1e-9);
        assertEquals(l.py(33 + 8), bar[1], 1e-9);
        assertFalse(labels(l.yTicks()).isEmpty(), "the y axis is labelled");
    }
}
