package io.atomcover.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tick choice: labels at every decade, between decades over narrow ranges, never crowded. */
class TicksTest {
    /** Labels as an x axis would place them: 7 pixels per character, 14 pixels apart at least. */
    private static List<String> labels(double lo, double hi, boolean log, boolean counts, double length) {
        return Ticks.choose(lo, hi, log, counts, length, s -> 7.0 * s.length(), 14).stream().filter(Tick::major).map(Tick::label)
                .toList();
    }

    @Test
    void aWideLogRangeIsLabelledAtEveryDecade() {
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10", "100", "1000"), labels(8e-4, 1500, true, false, 700));
        List<String> small = labels(9e-7, 2e-3, true, false, 700);
        assertTrue(small.containsAll(List.of("10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001")), small::toString);
    }

    @Test
    void learningCurveSizesAreLabelledBetweenDecades() {
        // Sizes 16 .. 1024 with the 5 % margin of the layout: 1-2-5 steps, every decade among them.
        List<String> l = labels(12.9, 1270, true, true, 700);
        assertEquals(List.of("20", "50", "100", "200", "500", "1000"), l);
    }

    @Test
    void aNarrowLogRangeGetsSeveralLabels() {
        List<String> l = labels(70, 180, true, false, 500);
        assertTrue(l.size() >= 4, l::toString);
        List<String> mae = labels(3.7, 45, true, false, 450);
        assertTrue(mae.containsAll(List.of("5", "10", "20")), mae::toString);
    }

    @Test
    void logAxesHaveMinorTicksBetweenLabels() {
        List<Tick> t = Ticks.choose(12.9, 1270, true, true, 700, s -> 7.0 * s.length(), 14);
        assertTrue(t.stream().anyMatch(x -> !x.major() && x.value() == 30), t::toString);
    }

    @Test
    void countAxesGetWholeNumbersOnly() {
        List<String> l = labels(-0.2, 5.2, false, true, 480);
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), l);
        assertTrue(labels(-0.2, 5.2, false, false, 480).contains("0.5"), "a continuous axis may take halves");
    }

    @Test
    void labelsNeverOverlap() {
        for (double hi : new double[] {1.3, 7, 22, 107, 2000, 1e5}) {
            List<Tick> t = Ticks.choose(0, hi, false, false, 400, s -> 7.0 * s.length(), 14).stream().filter(Tick::major).toList();
            for (int i = 1; i < t.size(); i++) {
                double d = (t.get(i).value() - t.get(i - 1).value()) / hi * 400;
                assertTrue(d >= 7.0 * (t.get(i).label().length() + t.get(i - 1).label().length()) / 2 + 14, hi + ": " + t);
            }
            assertTrue(t.size() >= 3, hi + ": " + t);
        }
    }

    @Test
    void labelsAreWrittenAsTyped() {
        assertEquals("0.002", Ticks.power(2, -3));
        assertEquals("2000", Ticks.power(2, 3));
        assertEquals("10⁵", Ticks.power(1, 5));
        assertEquals("5×10⁻⁴", Ticks.power(5, -4));
        assertEquals(List.of("0", "0.05", "0.1", "0.15"), labels(0, 0.16, false, false, 300).subList(0, 4));
    }
}
