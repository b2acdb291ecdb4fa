package io.atomcover.metrics;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import io.atomcover.util.SeededDraw;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Computes {@link EntropyCurve}s: for each fraction f, {@code runs} samples of floor(f·N) environments
 * and the entropy H of each sample on its own (kernel sums within the sample, normalised by its size).
 * Upstream QUESTS draws with replacement (a sample may repeat an environment, which lowers its H);
 * without replacement a fraction of 1 gives the dataset's H in every run.
 */
public final class EntropyCurves {
    private final InformationMetrics metrics;

    public EntropyCurves(InformationMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The curve; every draw comes from one {@link SplittableRandom} seeded with {@code seed}, fraction
     * after fraction and run after run, so a seed gives the same curve everywhere. Progress in sampled
     * environments.
     *
     * @throws IllegalArgumentException when a fraction is not in (0, 1] or gives an empty sample, or runs &lt; 1
     */
    public EntropyCurve compute(Descriptors x, double h, double[] fractions, int runs, boolean withReplacement, long seed,
                                ProgressListener progress) {
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        int n = x.rows();
        int dim = x.dim();
        int[] sizes = new int[fractions.length];
        long total = 0;
        for (int i = 0; i < fractions.length; i++) {
            double f = fractions[i];
            if (!(f > 0 && f <= 1)) throw new IllegalArgumentException("fraction " + f + " is not in (0, 1]");
            sizes[i] = (int) Math.floor(f * n);
            if (sizes[i] == 0) throw new IllegalArgumentException("fraction " + f + " of " + n + " environments is an empty sample");
            total += (long) sizes[i] * runs;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<EntropyCurve.Point> points = new ArrayList<>();
        long done = 0;
        for (int i = 0; i < fractions.length; i++) {
            int m = sizes[i];
            double[] values = new double[runs];
            for (int r = 0; r < runs; r++) {
                int[] rows = withReplacement ? withReplacement(rng, n, m) : SeededDraw.withoutReplacement(rng.nextLong(), n, m);
                double[] data = new double[m * dim];
                for (int j = 0; j < m; j++) System.arraycopy(x.data(), rows[j] * dim, data, j * dim, dim);
                values[r] = metrics.entropy(Descriptors.ofRows(data, dim), h, progress.part(done, m, total)).entropy();
                done += m;
            }
            points.add(new EntropyCurve.Point(fractions[i], m, values, mean(values), std(values)));
        }
        return new EntropyCurve(List.copyOf(points), n, withReplacement, seed);
    }

    private static int[] withReplacement(SplittableRandom rng, int n, int m) {
        int[] out = new int[m];
        for (int j = 0; j < m; j++) out[j] = rng.nextInt(n);
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Population standard deviation (divisor n). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }
}
