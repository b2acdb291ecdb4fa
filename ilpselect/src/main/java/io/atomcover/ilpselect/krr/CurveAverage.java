package io.atomcover.ilpselect.krr;

import java.util.List;

/**
 * Mean and population standard deviation, point by point, of several curves of the same length
 * (for example the MAE of one method at each training-set size, over targets or over seeds). A NaN
 * marks a point a curve does not have; each point is averaged over the curves that have it.
 *
 * @param mean  mean at each point (NaN where no curve has it)
 * @param std   population standard deviation at each point (0 for a single value, NaN for none)
 * @param count number of curves that have each point
 */
public record CurveAverage(double[] mean, double[] std, int[] count) {
    /**
     * @param curves the curves, each {@code points} long
     * @throws IllegalArgumentException when a curve has another length
     */
    public static CurveAverage of(List<double[]> curves, int points) {
        double[] mean = new double[points], std = new double[points];
        int[] count = new int[points];
        for (double[] c : curves)
            if (c.length != points) throw new IllegalArgumentException("a curve has " + c.length + " points, expected " + points);
        for (int i = 0; i < points; i++) {
            double sum = 0;
            int n = 0;
            for (double[] c : curves)
                if (!Double.isNaN(c[i])) {
                    sum += c[i];
                    n++;
                }
            count[i] = n;
            if (n == 0) {
                mean[i] = std[i] = Double.NaN;
                continue;
            }
            double m = sum / n;
            double ss = 0;
            for (double[] c : curves)
                if (!Double.isNaN(c[i])) ss += (c[i] - m) * (c[i] - m);
            mean[i] = m;
            std[i] = Math.sqrt(ss / n);
        }
        return new CurveAverage(mean, std, count);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }
}
