package io.atomcover.api;

import io.atomcover.select.SelectionMethod;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Atomcover#compare}: the metrics of every method at every size.
 *
 * @param sizes            the sizes as counts, in the order asked
 * @param cells            one per method and size: size-major, methods in the order asked
 * @param selectionSeconds wall time of each method's selections (with the structure entropies for
 *                         the first method that needs them), in the order asked
 * @param metricsSeconds   wall time of all the metrics
 * @param backend          the backend that did the work (after any fallback in mid-run)
 */
public record Comparison(int[] sizes, List<Cell> cells, Map<SelectionMethod, Double> selectionSeconds, double metricsSeconds,
                         String backend) {
    /** The three numbers measured of every selection. */
    public enum Metric {
        ENTROPY, DIVERSITY, OVERLAP;

        /** The lower-case name, as in reports. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One method at one size: each metric per run (one run, or one per seed).
     *
     * @param method     the method
     * @param size       structures selected
     * @param seeds      the seed of each run, or null for a method without a seed
     * @param values     {@code values[metric.ordinal()][run]}
     * @param selections the selection of each run
     */
    public record Cell(SelectionMethod method, int size, long[] seeds, double[][] values, int[][] selections) {
        /** The metric's values, one per run. */
        public double[] values(Metric metric) {
            return values[metric.ordinal()].clone();
        }

        /** Mean over the runs. */
        public double mean(Metric metric) {
            double s = 0;
            for (double v : values[metric.ordinal()]) s += v;
            return s / values[metric.ordinal()].length;
        }

        /** Population standard deviation (ddof = 0) over the runs; 0 for one run. */
        public double std(Metric metric) {
            double m = mean(metric);
            double s = 0;
            for (double v : values[metric.ordinal()]) s += (v - m) * (v - m);
            return Math.sqrt(s / values[metric.ordinal()].length);
        }
    }

    /** The cell of {@code method} at {@code size}, or null. */
    public Cell cell(SelectionMethod method, int size) {
        for (Cell c : cells) if (c.method() == method && c.size() == size) return c;
        return null;
    }
}
