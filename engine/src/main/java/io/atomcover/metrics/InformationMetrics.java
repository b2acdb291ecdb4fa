package io.atomcover.metrics;

import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.Tolerance;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;
import io.atomcover.util.SeededDraw;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Information metrics of descriptor sets from Gaussian kernel sums: entropy, diversity,
 * differential entropy, overlap and per-structure entropies. Stateless apart from the backend it
 * delegates the pair work to; safe to share between threads if the backend is. The definitions are
 * in docs/methods.md, "Kernel density estimates".
 */
public final class InformationMetrics {
    /** Default threshold of {@link #overlap(double[])}. */
    public static final double DEFAULT_OVERLAP_EPS = 1e-5;

    private final KdeBackend backend;

    public InformationMetrics(KdeBackend backend) {
        this.backend = backend;
    }

    public KdeBackend backend() {
        return backend;
    }

    /**
     * Entropy {@code H = -(1/N) Σ_i log(p_i/N)} and diversity {@code D = log Σ_i 1/p_i} of a set of N ≥ 1
     * rows, with {@code p_i = Σ_j k(x_i, x_j)} over the same set (self term included, so p_i ≥ 1).
     */
    public EntropyResult entropy(Descriptors x, double h) {
        return entropy(x, h, ProgressListener.NONE);
    }

    /** {@link #entropy(Descriptors, double)}, reporting progress in rows of x. */
    public EntropyResult entropy(Descriptors x, double h, ProgressListener progress) {
        return entropy(x, h, 0.0, progress);
    }

    /**
     * {@link #entropy(Descriptors, double, ProgressListener)} from kernel sums within {@code tolerance}
     * relative ({@link io.atomcover.backend.Tolerance}): H and D are then within
     * {@link io.atomcover.backend.Tolerance#logBound} of the exact values.
     */
    public EntropyResult entropy(Descriptors x, double h, double tolerance, ProgressListener progress) {
        return entropyOf(RowBlock.of(x), h, tolerance, backend, progress.part(0, x.rows(), x.rows()));
    }

    private static EntropyResult entropyOf(RowBlock rows, double h, double tolerance, KdeBackend b, ProgressListener progress) {
        int n = rows.count();
        if (n == 0) throw new IllegalArgumentException("entropy of an empty set is undefined");
        double[] p = new double[n];
        if (tolerance == 0.0) b.kernelSums(rows, rows, h, p, progress);
        else b.kernelSums(rows, rows, h, tolerance, p, progress);
        return fromSums(p);
    }

    /** Nominal coverage of the interval of {@link #sampledEntropy}. */
    public static final double SAMPLE_CONFIDENCE = 0.95;

    /**
     * The entropy of x estimated from {@code n} of its rows drawn uniformly without replacement
     * ({@link SeededDraw}, {@code seed}), each summed against all rows of x within {@code tolerance};
     * see {@link SampledEntropy} for the estimate and its interval. Progress in sampled rows.
     *
     * @throws IllegalArgumentException when n is not in 2..rows (or 1 for a single row)
     */
    public SampledEntropy sampledEntropy(Descriptors x, double h, int n, long seed, double tolerance,
                                         ProgressListener progress) {
        int total = x.rows();
        if (n < Math.min(2, total) || n > total)
            throw new IllegalArgumentException("sample size must be between " + Math.min(2, total) + " and " + total + ", got " + n);
        int dim = x.dim();
        // The drawn rows first, then the others: the queries are a range of the reference, which
        // tells the backend that each holds its own self term (no nearest-neighbour search).
        int[] drawn = SeededDraw.withoutReplacement(seed, total, total);
        double[] rows = new double[total * dim];
        for (int i = 0; i < total; i++) System.arraycopy(x.data(), drawn[i] * dim, rows, i * dim, dim);
        double[] p = new double[n];
        RowBlock q = new RowBlock(rows, dim, 0, n);
        RowBlock all = new RowBlock(rows, dim, 0, total);
        ProgressListener part = progress.part(0, n, n);
        if (tolerance == 0.0) backend.kernelSums(q, all, h, p, part);
        else backend.kernelSums(q, all, h, tolerance, p, part);
        double logN = Math.log(total);
        double mean = 0;
        for (double v : p) mean += logN - Math.log(v);
        mean /= n;
        double ss = 0;
        for (double v : p) {
            double d = logN - Math.log(v) - mean;
            ss += d * d;
        }
        double bound = Tolerance.logBound(tolerance);
        double se = n < 2 ? 0.0 : Math.sqrt(ss / (n - 1) / n * (1.0 - (double) n / total));
        double half = se == 0.0 ? 0.0
                : new TDistribution(n - 1).inverseCumulativeProbability(0.5 + SAMPLE_CONFIDENCE / 2) * se;
        return new SampledEntropy(mean, se, mean - half - bound, mean + half + bound, SAMPLE_CONFIDENCE, bound, n, total, seed);
    }

    /** H and D from self-inclusive kernel sums. */
    static EntropyResult fromSums(double[] p) {
        int n = p.length;
        double logN = Math.log(n);
        double sumLog = 0;
        double sumInv = 0;
        for (double v : p) {
            sumLog += Math.log(v) - logN;
            sumInv += 1.0 / v;
        }
        return new EntropyResult(-sumLog / n, Math.log(sumInv));
    }

    /**
     * Differential entropy {@code dH(y_i | X) = -log p(y_i | X)} of every row of y against the rows of
     * x, from linear kernel sums as the reference computes it: {@code +∞} where every term underflows
     * (y_i farther than about 38.6·h from all of X), and negative where p > 1.
     */
    public double[] differentialEntropy(Descriptors y, Descriptors x, double h) {
        return differentialEntropy(y, x, h, ProgressListener.NONE);
    }

    /** {@link #differentialEntropy(Descriptors, Descriptors, double)}, reporting progress in rows of y. */
    public double[] differentialEntropy(Descriptors y, Descriptors x, double h, ProgressListener progress) {
        return differentialEntropy(y, x, h, 0.0, progress);
    }

    /**
     * {@link #differentialEntropy(Descriptors, Descriptors, double, ProgressListener)} from kernel sums
     * within {@code tolerance} relative: each finite value within
     * {@link io.atomcover.backend.Tolerance#logBound} of the exact one.
     */
    public double[] differentialEntropy(Descriptors y, Descriptors x, double h, double tolerance, ProgressListener progress) {
        double[] p = new double[y.rows()];
        ProgressListener part = progress.part(0, y.rows(), y.rows());
        if (tolerance == 0.0) backend.kernelSums(RowBlock.of(y), RowBlock.of(x), h, p, part);
        else backend.kernelSums(RowBlock.of(y), RowBlock.of(x), h, tolerance, p, part);
        for (int i = 0; i < p.length; i++) p[i] = -Math.log(p[i]);
        return p;
    }

    /**
     * Differential entropy from max-shifted log sums: equal to {@link #differentialEntropy} where that
     * is finite, and still finite (and meaningful for ranking novelty) where the linear sum underflows.
     * {@code +∞} only when x has no rows.
     */
    public double[] differentialEntropyLog(Descriptors y, Descriptors x, double h) {
        double[] lp = new double[y.rows()];
        backend.logKernelSums(RowBlock.of(y), RowBlock.of(x), h, lp);
        for (int i = 0; i < lp.length; i++) lp[i] = -lp[i];
        return lp;
    }

    /** Fraction of values with {@code dH < eps}; NaN for an empty array. */
    public static double overlap(double[] dH, double eps) {
        if (dH.length == 0) return Double.NaN;
        int n = 0;
        for (double v : dH) if (v < eps) n++;
        return (double) n / dH.length;
    }

    /** {@link #overlap(double[], double)} with eps = {@value #DEFAULT_OVERLAP_EPS}. */
    public static double overlap(double[] dH) {
        return overlap(dH, DEFAULT_OVERLAP_EPS);
    }

    /** Per-structure entropies on all available processors. */
    public double[] structureEntropies(Descriptors x, double h) {
        return structureEntropies(x, h, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Entropy of each structure's own rows (N = its atom count); NaN for a structure without rows.
     * Structures are independent problems and run in parallel on {@code threads} threads (largest
     * first); each result is the same whatever the thread count.
     */
    public double[] structureEntropies(Descriptors x, double h, int threads, ProgressListener progress) {
        int s = x.structureCount();
        double[] out = new double[s];
        Integer[] bySize = new Integer[s];
        for (int i = 0; i < s; i++) bySize[i] = i;
        Arrays.sort(bySize, (a, b) -> Integer.compare(x.rowsOf(b), x.rowsOf(a)));
        AtomicLong done = new AtomicLong();
        Parallel.run(Math.max(1, threads), s, t -> {
            int st = bySize[t];
            out[st] = x.rowsOf(st) == 0 ? Double.NaN : entropyOf(RowBlock.ofStructure(x, st), h, 0.0, backend, ProgressListener.NONE).entropy();
            progress.progress(done.incrementAndGet(), s);
        });
        return out;
    }
}
