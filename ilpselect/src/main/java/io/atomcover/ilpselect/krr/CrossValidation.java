package io.atomcover.ilpselect.krr;

/** k-fold cross-validation of kernel ridge regression on a precomputed kernel matrix. */
public final class CrossValidation {
    /** How training molecules (in ranking order) are dealt into folds. */
    public enum FoldScheme {
        /** Molecule i goes to fold {@code i mod k}: every fold spans the whole ranking. */
        INTERLEAVED,
        /**
         * Consecutive blocks, the first {@code n mod k} one longer (scikit-learn's {@code KFold} without
         * shuffling, as in the ILPSelect reference).
         */
        CONTIGUOUS
    }

    /** What a fold contributes to the cross-validation error. */
    public enum Score {
        /** The mean absolute error over the fold's validation molecules. */
        MEAN_ABSOLUTE,
        /**
         * The absolute error of the fold's first validation molecule only: the ILPSelect reference
         * takes element [0] of the error vector.
         */
        FIRST_OF_FOLD
    }

    private CrossValidation() {
    }

    /** The fold (0..k-1) of each of n molecules. */
    public static int[] assign(int n, int k, FoldScheme scheme) {
        if (k < 2) throw new IllegalArgumentException("need at least 2 folds: " + k);
        if (n < k) throw new IllegalArgumentException("cannot split " + n + " molecules into " + k + " folds");
        int[] fold = new int[n];
        if (scheme == FoldScheme.INTERLEAVED) {
            for (int i = 0; i < n; i++) fold[i] = i % k;
        } else {
            int i = 0;
            for (int f = 0; f < k; f++) {
                int len = n / k + (f < n % k ? 1 : 0);
                for (int e = 0; e < len; e++) fold[i++] = f;
            }
        }
        return fold;
    }

    /**
     * The error of fold {@code f}: train on the other molecules among the first n, predict the fold.
     *
     * @param gram   row-major kernel matrix with row length {@code stride} (at least n × n used)
     * @param y      labels of the molecules
     * @param fold   fold of each of the first n molecules
     * @return the fold's error, or NaN when the training matrix is not positive definite
     */
    public static double foldError(double[] gram, int stride, int n, double[] y, double lambda,
                                   int[] fold, int f, Score score) {
        int nVal = 0;
        for (int i = 0; i < n; i++) if (fold[i] == f) nVal++;
        int[] train = new int[n - nVal];
        int[] val = new int[nVal];
        int t = 0, v = 0;
        for (int i = 0; i < n; i++) {
            if (fold[i] == f) val[v++] = i;
            else train[t++] = i;
        }
        double[] alpha = Krr.train(gram, stride, train, y, lambda);
        if (alpha == null) return Double.NaN;
        int used = score == Score.FIRST_OF_FOLD ? Math.min(1, nVal) : nVal;
        double s = 0;
        for (int k = 0; k < used; k++) {
            int i = val[k];
            s += Math.abs(Krr.predict(gram, i * stride, train, alpha) - y[i]);
        }
        return s / used;
    }

    /**
     * The cross-validation error: the mean of the fold errors, or +∞ when some fold's training matrix
     * is not positive definite (such a (σ, λ) is never chosen).
     */
    public static double error(double[] gram, int stride, int n, double[] y, double lambda, int folds,
                               FoldScheme scheme, Score score) {
        int[] fold = assign(n, folds, scheme);
        double s = 0;
        for (int f = 0; f < folds; f++) {
            double e = foldError(gram, stride, n, y, lambda, fold, f, score);
            if (Double.isNaN(e)) return Double.POSITIVE_INFINITY;
            s += e;
        }
        return s / folds;
    }
}
