package io.atomcover.cli.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Legend placement (never on the data), error bars and axis ranges. */
class ChartLayoutTest {
    private static Chart chart() {
        Chart c = new Chart("t", 560, 420);
        c.x().title("structures selected (count)").counts();
        c.y().title("entropy H (nats)");
        return c;
    }

    /** No drawn point of any series lies in (or within a marker of) the legend box. */
    static void assertLegendClearOfPoints(Chart c) {
        ChartLayout l = ChartLayout.of(c);
        assertNotNull(l.legend());
        Rectangle2D box = l.legend();
        Rectangle2D grown = new Rectangle2D.Double(box.getX() - 3, box.getY() - 3, box.getWidth() + 6, box.getHeight() + 6);
        for (Series s : c.series())
            for (int i = 0; i < s.x.length; i++) {
                Point2D p = l.point(s, i);
                if (p != null) assertFalse(grown.contains(p), s.name() + " point " + i + " at " + p + " under the legend " + box);
            }
    }

    @Test
    void aRisingCurveKeepsTheTopRightCornerFree() {
        // The compress plot of a random pick of 5: the last point sits top right, where a legend used to hide it.
        Chart c = chart();
        c.add(new Series("random", new double[] {1, 2, 3, 4, 5}, new double[] {0, 2.8, 3.9, 4.1, 3.8})).marker(Marker.NONE);
        c.add(new Series("selected: 5", new double[] {5}, new double[] {3.8})).noLine().marker(Marker.DIAMOND);
        assertLegendClearOfPoints(c);
        ChartLayout l = ChartLayout.of(c);
        assertFalse(l.legendOutside());
        assertTrue(l.plot().contains(l.legend()), "inside the plot area");
    }

    @Test
    void dataInEveryCornerSendsTheLegendBelowThePlot() {
        Chart c = chart();
        double[] x = new double[121], y = new double[121];
        for (int i = 0; i < 121; i++) {
            x[i] = i % 11;
            y[i] = i / 11;
        }
        c.add(new Series("grid", x, y)).noLine();
        ChartLayout l = ChartLayout.of(c);
        assertTrue(l.legendOutside());
        assertTrue(l.legend().getY() > l.plot().getMaxY(), "below the plot area");
        assertFalse(l.legend().intersects(l.plot()));
        assertTrue(l.legend().getMaxY() <= c.height, "inside the chart");
    }

    @Test
    void errorBarsCountAsDataForTheLegend() {
        Chart c = chart();
        c.add(new Series("a", new double[] {1, 2, 3}, new double[] {1, 1, 1})).errors(new double[] {0, 0, 5});
        ChartLayout l = ChartLayout.of(c);
        assertNotNull(l.errorBar(c.series().get(0), 2));
        assertNull(l.errorBar(c.series().get(0), 0), "a zero std draws no bar");
        // The bar at x = 3 reaches the top right; the legend goes elsewhere.
        Rectangle2D box = l.legend();
        double x = l.px(3);
        assertFalse(box.getMinX() <= x + 4 && box.getMaxX() >= x - 4 && box.getMaxY() > l.py(6), "legend over the error bar: " + box);
    }

    @Test
    void aLogAxisDropsNonPositiveValuesAndStopsLowErrorBarsAtTheAxis() {
        Chart c = chart();
        c.y().log();
        Series s = c.add(new Series("mae", new double[] {8, 16, 32}, new double[] {0, 20, 10})).errors(new double[] {1, 19.9, 2});
        ChartLayout l = ChartLayout.of(c);
        assertNull(l.point(s, 0), "0 has no place on a log axis");
        assertTrue(l.yRange().lo() > 1, "a bar down to 0.1 does not stretch the axis over decades: " + l.yRange());
        double[] bar = l.errorBar(s, 1);
        assertTrue(Math.abs(bar[0] - l.plot().getMaxY()) < 1e-9, "the low end stops at the axis");
    }

    @Test
    void fixedEndsAreKept() {
        Chart c = chart();
        c.x().min(0);
        c.add(new Series("a", new double[] {3, 9}, new double[] {1, 2}));
        assertTrue(ChartLayout.of(c).xRange().lo() == 0);
    }
}
