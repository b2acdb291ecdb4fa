package io.atomcover.ilpselect.krr;

import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * KRR learning curves with the local kernel: for each training-set size N (a prefix of a ranking),
 * σ and λ are chosen by k-fold cross-validation on the N training molecules, then the model trained on
 * all N predicts the target.
 *
 * <p>The element-matched squared distances are computed once ({@link KernelBlocks}) for the largest N;
 * for each σ the Gram matrix of the largest N is formed once and the leading N × N block serves every
 * smaller size. Folds, λ values and sizes of one σ run in parallel.
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /** Progress units {@link #compute} reports in total, for callers that add phases of their own. */
    public static long workUnits(int[] sizes, KrrSettings settings) {
        int nMax = Arrays.stream(sizes).max().orElse(0);
        return (long) nMax + 1 + (long) settings.sigmas().length * sizes.length * settings.lambdas().length * settings.folds()
                + sizes.length;
    }

    /**
     * Computes a learning curve.
     *
     * @param train       training molecules in ranking order (at least {@code max(sizes)}; later ones are ignored)
     * @param labels      their labels, same order
     * @param target      exactly one target molecule
     * @param targetLabel the target's true label
     * @param sizes       training-set sizes, each at least {@code settings.folds()}
     * @return one point per size, in the order of {@code sizes}
     * @throws IllegalArgumentException for bad sizes, or when no (σ, λ) of the grid gives a positive
     *                                  definite kernel matrix for some size
     */
    public static List<CurvePoint> compute(LocalReps train, double[] labels, LocalReps target, double targetLabel,
                                           int[] sizes, KrrSettings settings, int threads, ProgressListener progress) {
        if (target.count() != 1) throw new IllegalArgumentException("expected one target molecule, got " + target.count());
        if (sizes.length == 0) throw new IllegalArgumentException("no training-set sizes");
        int nMax = 0;
        for (int n : sizes) {
            if (n < settings.folds())
                throw new IllegalArgumentException("training-set size " + n + " is smaller than the " + settings.folds() + " folds");
            nMax = Math.max(nMax, n);
        }
        if (nMax > train.count()) throw new IllegalArgumentException("size " + nMax + " exceeds the " + train.count() + " training molecules");
        if (labels.length < nMax) throw new IllegalArgumentException("fewer labels than training molecules");
        if (!Double.isFinite(targetLabel)) throw new IllegalArgumentException("the target label is not finite");
        for (int i = 0; i < nMax; i++)
            if (!Double.isFinite(labels[i])) throw new IllegalArgumentException("label " + i + " is not finite");

        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long total = workUnits(sizes, settings);
        AtomicLong done = new AtomicLong();
        KernelBlocks blocks = KernelBlocks.compute(train.head(nMax), target, threads, (d, t) -> report(listener, done, total, d));

        double[] sigmas = settings.sigmas(), lambdas = settings.lambdas();
        int k = settings.folds();
        int[][] foldOf = new int[sizes.length][];
        for (int s = 0; s < sizes.length; s++) foldOf[s] = CrossValidation.assign(sizes[s], k, settings.foldScheme());

        // Tasks of one σ: (size, λ, fold), biggest sizes first so the threads finish together.
        Integer[] bySize = new Integer[sizes.length];
        for (int s = 0; s < sizes.length; s++) bySize[s] = s;
        Arrays.sort(bySize, Comparator.comparingInt((Integer s) -> sizes[s]).reversed());
        int perSize = lambdas.length * k;
        int tasks = sizes.length * perSize;
        double[][][][] err = new double[sizes.length][sigmas.length][lambdas.length][k];
        final int stride = nMax;
        double[] gram = new double[nMax * nMax];
        for (int g = 0; g < sigmas.length; g++) {
            blocks.gram(sigmas[g], nMax, gram, threads);
            int sg = g;
            Parallel.run(threads, tasks, t -> {
                int s = bySize[t / perSize];
                int l = (t % perSize) / k;
                int f = t % k;
                err[s][sg][l][f] = CrossValidation.foldError(gram, stride, sizes[s], labels, lambdas[l], foldOf[s], f, settings.score());
                add(listener, done, total);
            });
        }

        // Candidates per size in order of CV error (ties: σ first, then λ, in grid order).
        int[][] ranked = new int[sizes.length][];
        double[][] cv = new double[sizes.length][sigmas.length * lambdas.length];
        for (int s = 0; s < sizes.length; s++) {
            for (int g = 0; g < sigmas.length; g++)
                for (int l = 0; l < lambdas.length; l++) cv[s][g * lambdas.length + l] = meanOrInfinity(err[s][g][l]);
            double[] c = cv[s];
            ranked[s] = IntStream.range(0, c.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> c[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).filter(i -> c[i] < Double.POSITIVE_INFINITY).toArray();
            if (ranked[s].length == 0)
                throw new IllegalArgumentException("size " + sizes[s] + ": no (sigma, lambda) of the grid gives a positive definite kernel matrix in every fold");
        }

        // Final models: the best candidate whose full training matrix factorises; one Gram matrix per σ used.
        CurvePoint[] points = new CurvePoint[sizes.length];
        int[] tried = new int[sizes.length];
        double[] cross = new double[nMax];
        while (true) {
            int g = -1;
            for (int s = 0; s < sizes.length && g < 0; s++)
                if (points[s] == null) {
                    if (tried[s] >= ranked[s].length)
                        throw new IllegalArgumentException("size " + sizes[s] + ": no (sigma, lambda) gives a positive definite kernel matrix on the whole training set");
                    g = ranked[s][tried[s]] / lambdas.length;
                }
            if (g < 0) break;
            blocks.gram(sigmas[g], nMax, gram, threads);
            blocks.cross(sigmas[g], nMax, cross);
            for (int s = 0; s < sizes.length; s++) {
                if (points[s] != null || ranked[s][tried[s]] / lambdas.length != g) continue;
                int cand = ranked[s][tried[s]];
                int l = cand % lambdas.length;
                int n = sizes[s];
                int[] rows = new int[n];
                for (int i = 0; i < n; i++) rows[i] = i;
                double[] alpha = Krr.train(gram, nMax, rows, labels, lambdas[l]);
                if (alpha == null) {
                    tried[s]++;
                    continue;
                }
                double prediction = Krr.predict(cross, 0, rows, alpha);
                points[s] = new CurvePoint(n, sigmas[g], lambdas[l], cv[s][cand], prediction, targetLabel);
                add(listener, done, total);
            }
        }
        listener.progress(total, total);
        return List.of(points);
    }

    private static double meanOrInfinity(double[] foldErrors) {
        double s = 0;
        for (double e : foldErrors) {
            if (Double.isNaN(e)) return Double.POSITIVE_INFINITY;
            s += e;
        }
        return s / foldErrors.length;
    }

    /** Reports {@code value} units done (the kernel-block phase counts from 0). */
    private static void report(ProgressListener listener, AtomicLong done, long total, long value) {
        synchronized (done) { // keeps the reported counts monotone across workers
            if (value > done.get()) done.set(value);
            listener.progress(done.get(), total);
        }
    }

    /** Reports one more unit done. */
    private static void add(ProgressListener listener, AtomicLong done, long total) {
        synchronized (done) {
            listener.progress(Math.min(done.incrementAndGet(), total), total);
        }
    }
}
