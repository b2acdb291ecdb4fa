package io.atomcover.select;

import io.atomcover.structure.AtomColumn;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Long-tail check for datasets with forces: per-atom force magnitudes |F| of a selection against the
 * whole dataset — quantiles and the two-sample Kolmogorov–Smirnov statistic (Commons Statistics).
 *
 * @param probabilities quantile levels, {@link #LEVELS}
 * @param full          quantiles of |F| over the whole dataset, then its maximum
 * @param selected      the same over the selected structures
 * @param ksStatistic   sup-norm distance between the two empirical distributions
 * @param ksPValue      p-value of the two-sample test (two-sided)
 */
public record ForceTails(double[] probabilities, double[] full, double[] selected, double ksStatistic, double ksPValue) {
    /** 50 %, 90 %, 99 %, 99.9 %; the maximum is appended to each quantile list. */
    public static final double[] LEVELS = {0.5, 0.9, 0.99, 0.999};
    private static final String FORCES = "forces";

    /** True when every structure has a real per-atom column {@code forces} of width 3. */
    public static boolean available(Dataset data) {
        if (data.size() == 0) return false;
        for (Structure s : data.structures()) {
            AtomColumn c = s.column(FORCES);
            if (c == null || c.reals() == null || c.width() != 3) return false;
        }
        return true;
    }

    /** |F| for the atoms of the given structures, structure after structure. */
    public static double[] magnitudes(Dataset data, int[] structures) {
        int n = 0;
        for (int s : structures) n += data.get(s).size();
        double[] out = new double[n];
        int k = 0;
        for (int s : structures) {
            double[] f = data.get(s).column(FORCES).reals();
            for (int a = 0; a < f.length; a += 3) out[k++] = Math.sqrt(f[a] * f[a] + f[a + 1] * f[a + 1] + f[a + 2] * f[a + 2]);
        }
        return out;
    }

    /**
     * Compares the selection's |F| distribution with the dataset's.
     *
     * @throws IllegalArgumentException when the dataset has no forces or the selection is empty
     */
    public static ForceTails of(Dataset data, int[] selection) {
        if (!available(data)) throw new IllegalArgumentException("the dataset has no per-atom 'forces' column");
        if (selection.length == 0) throw new IllegalArgumentException("empty selection");
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        double[] full = magnitudes(data, all);
        double[] sel = magnitudes(data, selection);
        KolmogorovSmirnovTest.TwoResult ks = KolmogorovSmirnovTest.withDefaults().test(full, sel);
        return new ForceTails(LEVELS.clone(), quantiles(full), quantiles(sel), ks.getStatistic(), ks.getPValue());
    }

    /** Quantiles at {@link #LEVELS} (linear interpolation, NumPy's default) followed by the maximum. */
    static double[] quantiles(double[] values) {
        double[] q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(values, LEVELS);
        double[] out = java.util.Arrays.copyOf(q, q.length + 1);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) max = Math.max(max, v);
        out[q.length] = max;
        return out;
    }
}
