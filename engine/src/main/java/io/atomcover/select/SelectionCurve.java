package io.atomcover.select;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.PrefixSession;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;

/**
 * Entropy, diversity and (optionally) overlap of every prefix of an ordered selection; entry
 * {@code n-1} describes the first n picks.
 *
 * <p>Computed incrementally, never from scratch: the backend's {@link PrefixSession} reports, per
 * pick, the self-inclusive kernel sums p_i of the new rows against the prefix and the increments of
 * the earlier rows' p_i; Σ log p_i and Σ 1/p_i are updated only where p_i changed, with compensated
 * (Neumaier) sums so the result stays within rounding of the from-scratch value. The session also
 * keeps, for every dataset environment, the linear kernel sum against the prefix and counts
 * environments as they cross {@code dH < eps}; sums only grow, so each crosses once.
 *
 * @param entropy      entropy of each prefix
 * @param diversity    diversity of each prefix
 * @param overlap      overlap of the dataset with each prefix, or null when not requested
 * @param environments environment count of each prefix
 */
public record SelectionCurve(double[] entropy, double[] diversity, double[] overlap, int[] environments) {

    /**
     * @param order       ordered structure indices, each at most once (any selector's, typically an
     *                    MSC full ordering)
     * @param withOverlap also compute the overlap per prefix
     * @param eps         overlap threshold on dH
     * @param progress    receives (prefixes done, order length)
     */
    public static SelectionCurve of(KdeBackend backend, Descriptors d, int[] order, double bandwidth, boolean withOverlap,
                                    double eps, ProgressListener progress) {
        int n = order.length;
        int[] off = d.offsets();
        double[] p = new double[d.rows()];
        double[] sums = new double[d.rows()];
        double[] entropy = new double[n];
        double[] diversity = new double[n];
        double[] overlap = withOverlap ? new double[n] : null;
        int[] envs = new int[n];
        Neumaier sumLog = new Neumaier();
        Neumaier sumInv = new Neumaier();
        int count = 0;
        try (PrefixSession session = backend.prefixSession(d, order, bandwidth, withOverlap, eps)) {
            for (int k = 0; k < n; k++) {
                int s = order[k];
                int grown = session.next(sums);
                int[] rows = session.grown();
                for (int i = 0; i < grown; i++) {
                    int e = rows[i];
                    double dp = sums[e];
                    double old = p[e];
                    double now = old + dp;
                    sumLog.add(Math.log1p(dp / old));
                    sumInv.add(1.0 / now - 1.0 / old);
                    p[e] = now;
                }
                for (int e = off[s]; e < off[s + 1]; e++) {
                    p[e] = sums[e];
                    sumLog.add(Math.log(p[e]));
                    sumInv.add(1.0 / p[e]);
                }
                count += d.rowsOf(s);
                envs[k] = count;
                if (count == 0) {
                    entropy[k] = Double.NaN;
                    diversity[k] = Double.NaN;
                } else {
                    entropy[k] = Math.log(count) - sumLog.value() / count;
                    diversity[k] = Math.log(sumInv.value());
                }
                if (withOverlap) overlap[k] = d.rows() == 0 ? Double.NaN : (double) session.covered() / d.rows();
                progress.progress(k + 1, n);
            }
        }
        return new SelectionCurve(entropy, diversity, overlap, envs);
    }

    /** entropy × diversity of every prefix (the criterion of the optimal size). */
    public double[] entropyTimesDiversity() {
        double[] p = new double[entropy.length];
        for (int i = 0; i < p.length; i++) p[i] = entropy[i] * diversity[i];
        return p;
    }

    /** The prefix size (1-based) with the largest entropy × diversity; the smallest such size on ties. */
    public int optimalSize() {
        double[] p = entropyTimesDiversity();
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best + 1;
    }

    /** Curve with the overlap at the default threshold and no progress reports. */
    public static SelectionCurve of(KdeBackend backend, Descriptors d, int[] order, double bandwidth, boolean withOverlap) {
        return of(backend, d, order, bandwidth, withOverlap, InformationMetrics.DEFAULT_OVERLAP_EPS, ProgressListener.NONE);
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
