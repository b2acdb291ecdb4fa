package io.atomcover.ilpselect.krr;

import io.atomcover.backend.PairDistances;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The element-matched squared distances behind the local kernel, computed once: for every pair of
 * training molecules (i ≤ j) and for every (query, training molecule) pair, the squared distances of
 * all same-element atom pairs, in flat per-row arrays. A kernel matrix for any σ, and for any leading
 * subset of the training molecules, is then a sum of exponentials of stored numbers: no representation
 * is touched again when σ or the training-set size changes.
 */
public final class KernelBlocks {
    private final int trainCount;
    private final int queryCount;
    /** Row i: pairs (i, j) for j = i..n-1; the values of pair (i, j) are trainD2[i][trainStart[i][j-i] .. trainStart[i][j-i+1]). */
    private final double[][] trainD2;
    private final int[][] trainStart;
    /** Row t: pairs (query t, train j) for j = 0..n-1, laid out like the training rows. */
    private final double[][] queryD2;
    private final int[][] queryStart;

    private KernelBlocks(double[][] trainD2, int[][] trainStart, double[][] queryD2, int[][] queryStart) {
        this.trainCount = trainD2.length;
        this.queryCount = queryD2.length;
        this.trainD2 = trainD2;
        this.trainStart = trainStart;
        this.queryD2 = queryD2;
        this.queryStart = queryStart;
    }

    /**
     * Computes the blocks on {@code threads} threads. Progress is reported in rows (one per training
     * molecule, then one per query molecule).
     *
     * @param train training molecules (kernel matrices use their leading subsets)
     * @param query molecules to predict (may be empty)
     */
    public static KernelBlocks compute(LocalReps train, LocalReps query, int threads, ProgressListener progress) {
        LocalReps.checkDim(train, query);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int n = train.count(), q = query.count();
        long total = (long) n + q;
        AtomicLong done = new AtomicLong();
        double[][] trainD2 = new double[n][];
        int[][] trainStart = new int[n][];
        // Row i has n - i pairs; hand out the long rows first so the threads finish together.
        Parallel.run(threads, n, i -> {
            int[] start = new int[n - i + 1];
            for (int j = i; j < n; j++)
                start[j - i + 1] = Math.addExact(start[j - i], LocalReps.sameElementPairs(train, i, train, j, null, 0));
            double[] d2 = new double[start[n - i]];
            for (int j = i; j < n; j++) LocalReps.sameElementPairs(train, i, train, j, d2, start[j - i]);
            trainD2[i] = d2;
            trainStart[i] = start;
            report(listener, done, total);
        });
        double[][] queryD2 = new double[q][];
        int[][] queryStart = new int[q][];
        Parallel.run(threads, q, t -> {
            int[] start = new int[n + 1];
            for (int j = 0; j < n; j++)
                start[j + 1] = Math.addExact(start[j], LocalReps.sameElementPairs(query, t, train, j, null, 0));
            double[] d2 = new double[start[n]];
            for (int j = 0; j < n; j++) LocalReps.sameElementPairs(query, t, train, j, d2, start[j]);
            queryD2[t] = d2;
            queryStart[t] = start;
            report(listener, done, total);
        });
        return new KernelBlocks(trainD2, trainStart, queryD2, queryStart);
    }

    private static void report(ProgressListener listener, AtomicLong done, long total) {
        synchronized (done) { // keeps the reported counts monotone across workers
            listener.progress(done.incrementAndGet(), total);
        }
    }

    /** Number of training molecules. */
    public int trainCount() {
        return trainCount;
    }

    /** Number of query molecules. */
    public int queryCount() {
        return queryCount;
    }

    /** Number of stored squared distances (memory is 8 bytes each). */
    public long storedValues() {
        long s = 0;
        for (double[] r : trainD2) s += r.length;
        for (double[] r : queryD2) s += r.length;
        return s;
    }

    /**
     * The local-kernel Gram matrix of the first {@code size} training molecules, row-major
     * {@code size × size} into {@code out}.
     */
    public void gram(double sigma, int size, double[] out, int threads) {
        checkSize(size);
        if (out.length < (long) size * size) throw new IllegalArgumentException("out holds fewer than " + size + "² values");
        double c = exponentFactor(sigma);
        Parallel.run(threads, size, i -> {
            double[] d2 = trainD2[i];
            int[] start = trainStart[i];
            for (int j = i; j < size; j++) {
                double s = PairDistances.gaussianSum(d2, start[j - i], start[j - i + 1], c);
                out[i * size + j] = s;
                out[j * size + i] = s;
            }
        });
    }

    /**
     * The local kernel between every query molecule and the first {@code size} training molecules,
     * row-major {@code queries × size} into {@code out}.
     */
    public void cross(double sigma, int size, double[] out) {
        checkSize(size);
        if (out.length < (long) queryCount * size) throw new IllegalArgumentException("out is too short");
        double c = exponentFactor(sigma);
        for (int t = 0; t < queryCount; t++) {
            double[] d2 = queryD2[t];
            int[] start = queryStart[t];
            for (int j = 0; j < size; j++) out[t * size + j] = PairDistances.gaussianSum(d2, start[j], start[j + 1], c);
        }
    }

    private void checkSize(int size) {
        if (size < 0 || size > trainCount)
            throw new IllegalArgumentException("size " + size + " outside 0.." + trainCount);
    }

    private static double exponentFactor(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("sigma must be positive: " + sigma);
        return PairDistances.gaussianFactor(sigma);
    }
}
