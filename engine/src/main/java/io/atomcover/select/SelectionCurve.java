package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.kde.Kde;
import io.atomcover.kde.KdeBackend;
import io.atomcover.kde.RowBlock;
import io.atomcover.util.ProgressListener;

/**
 * Entropy, diversity and (optionally) overlap of every prefix of an ordered selection; entry
 * {@code n-1} describes the first n picks.
 *
 * <p>Computed incrementally, never from scratch: with the rows of the prefix kept in pick order and
 * their self-inclusive kernel sums p_i, adding a structure costs one backend call for the old rows
 * against its rows (p_i grows) and one for its rows against the whole prefix; Σ log p_i and
 * Σ 1/p_i are updated only where p_i changed, with compensated (Neumaier) sums so the result stays
 * within rounding of the from-scratch value. The overlap keeps, for every dataset environment, the
 * linear kernel sum against the prefix (one call per pick, all rows against the new structure's
 * rows) and counts environments as they cross {@code dH < eps}; sums only grow, so each crosses once.
 *
 * @param entropy      entropy of each prefix
 * @param diversity    diversity of each prefix
 * @param overlap      overlap of the dataset with each prefix, or null when not requested
 * @param environments environment count of each prefix
 */
public record SelectionCurve(double[] entropy, double[] diversity, double[] overlap, int[] environments) {

    /**
     * @param order       ordered structure indices (any selector's, typically an MSC full ordering)
     * @param withOverlap also compute the overlap per prefix (one extra call over all rows per pick)
     * @param eps         overlap threshold on dH
     * @param progress    receives (prefixes done, order length)
     */
    public static SelectionCurve of(KdeBackend backend, Descriptors d, int[] order, double bandwidth, boolean withOverlap,
                                    double eps, ProgressListener progress) {
        int n = order.length;
        int dim = d.dim();
        double[] x = d.data();
        long rowsTotal = 0;
        for (int s : order) rowsTotal += d.rowsOf(s);
        double[] rows = new double[Math.toIntExact(rowsTotal * dim)];
        double[] p = new double[(int) rowsTotal];
        double[] delta = new double[(int) rowsTotal];
        double[] all = withOverlap ? new double[d.rows()] : null;
        double[] allDelta = withOverlap ? new double[d.rows()] : null;
        boolean[] covered = withOverlap ? new boolean[d.rows()] : null;
        double[] entropy = new double[n];
        double[] diversity = new double[n];
        double[] overlap = withOverlap ? new double[n] : null;
        int[] envs = new int[n];
        Neumaier sumLog = new Neumaier();
        Neumaier sumInv = new Neumaier();
        int count = 0;
        int coveredCount = 0;
        for (int k = 0; k < n; k++) {
            int s = order[k];
            int m = d.rowsOf(s);
            RowBlock added = RowBlock.ofStructure(d, s);
            if (count > 0 && m > 0) {
                backend.kernelSums(new RowBlock(rows, dim, 0, count), added, bandwidth, delta);
                for (int i = 0; i < count; i++) {
                    double dp = delta[i];
                    if (dp == 0) continue;
                    double old = p[i];
                    double now = old + dp;
                    sumLog.add(Math.log1p(dp / old));
                    sumInv.add(1.0 / now - 1.0 / old);
                    p[i] = now;
                }
            }
            System.arraycopy(x, d.offsets()[s] * dim, rows, count * dim, m * dim);
            if (m > 0) {
                backend.kernelSums(new RowBlock(rows, dim, count, m), new RowBlock(rows, dim, 0, count + m), bandwidth, delta);
                for (int i = 0; i < m; i++) {
                    p[count + i] = delta[i];
                    sumLog.add(Math.log(delta[i]));
                    sumInv.add(1.0 / delta[i]);
                }
            }
            count += m;
            envs[k] = count;
            if (count == 0) {
                entropy[k] = Double.NaN;
                diversity[k] = Double.NaN;
            } else {
                entropy[k] = Math.log(count) - sumLog.value() / count;
                diversity[k] = Math.log(sumInv.value());
            }
            if (withOverlap) {
                if (m > 0) {
                    backend.kernelSums(RowBlock.of(d), added, bandwidth, allDelta);
                    for (int e = 0; e < all.length; e++) {
                        if (allDelta[e] == 0 || covered[e]) continue;
                        all[e] += allDelta[e];
                        if (-Math.log(all[e]) < eps) {
                            covered[e] = true;
                            coveredCount++;
                        }
                    }
                }
                overlap[k] = all.length == 0 ? Double.NaN : (double) coveredCount / all.length;
            }
            progress.progress(k + 1, n);
        }
        return new SelectionCurve(entropy, diversity, overlap, envs);
    }

    /** Curve with the overlap at the default threshold and no progress reports. */
    public static SelectionCurve of(KdeBackend backend, Descriptors d, int[] order, double bandwidth, boolean withOverlap) {
        return of(backend, d, order, bandwidth, withOverlap, Kde.DEFAULT_OVERLAP_EPS, ProgressListener.NONE);
    }

    /** Compensated summation (Neumaier). */
    private static final class Neumaier {
        double sum;
        double c;

        void add(double v) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) c += (sum - t) + v;
            else c += (v - t) + sum;
            sum = t;
        }

        double value() {
            return sum + c;
        }
    }
}
