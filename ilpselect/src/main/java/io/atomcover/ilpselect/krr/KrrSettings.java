package io.atomcover.ilpselect.krr;

import java.util.Arrays;
import java.util.Objects;

/**
 * Hyperparameter grid and protocol of the learning curves.
 *
 * @param sigmas      candidate kernel widths σ (representation units)
 * @param lambdas     candidate regularisers λ
 * @param folds       number of cross-validation folds
 * @param foldScheme  how training molecules are dealt into folds
 * @param score       what each fold contributes to the cross-validation error
 * @param dressedFit  how the dressed-atom baseline is fitted
 * @param hydrogens   whether hydrogen atoms take part in the local kernel
 */
public record KrrSettings(double[] sigmas, double[] lambdas, int folds, CrossValidation.FoldScheme foldScheme,
                          CrossValidation.Score score, DressedAtoms.Fit dressedFit, boolean hydrogens) {
    public KrrSettings {
        sigmas = positive(sigmas, "sigmas");
        lambdas = lambdas.clone();
        if (lambdas.length == 0) throw new IllegalArgumentException("lambdas is empty");
        for (double l : lambdas)
            if (!(l >= 0) || !Double.isFinite(l)) throw new IllegalArgumentException("lambdas must be finite and non-negative: " + l);
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds: " + folds);
        Objects.requireNonNull(foldScheme, "foldScheme");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(dressedFit, "dressedFit");
    }

    /** σ = 10^(0.125 k) for k = 0..24, i.e. 1 to 1000 (the grid of the ILPSelect reference curves). */
    public static double[] defaultSigmas() {
        double[] s = new double[25];
        for (int k = 0; k < s.length; k++) s[k] = Math.pow(10.0, 0.125 * k);
        return s;
    }

    /** λ = 1e-9, 1e-8, …, 1e-4. */
    public static double[] defaultLambdas() {
        return new double[] {1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4};
    }

    /**
     * The default protocol: 5 interleaved folds scored by their mean absolute error, dressed atoms
     * fitted on element counts only, hydrogens in the kernel.
     */
    public static KrrSettings defaults() {
        return new KrrSettings(defaultSigmas(), defaultLambdas(), 5, CrossValidation.FoldScheme.INTERLEAVED,
                CrossValidation.Score.MEAN_ABSOLUTE, DressedAtoms.Fit.ELEMENT_COUNTS, true);
    }

    /**
     * The ILPSelect reference protocol, quirks included: 5 contiguous folds, each scored by its first
     * validation molecule only, dressed atoms fitted with an intercept that is then dropped.
     */
    public static KrrSettings reference() {
        return new KrrSettings(defaultSigmas(), defaultLambdas(), 5, CrossValidation.FoldScheme.CONTIGUOUS,
                CrossValidation.Score.FIRST_OF_FOLD, DressedAtoms.Fit.INTERCEPT_DROPPED, true);
    }

    /** The same settings with another σ grid. */
    public KrrSettings withSigmas(double... values) {
        return new KrrSettings(values, lambdas, folds, foldScheme, score, dressedFit, hydrogens);
    }

    /** The same settings with another λ grid. */
    public KrrSettings withLambdas(double... values) {
        return new KrrSettings(sigmas, values, folds, foldScheme, score, dressedFit, hydrogens);
    }

    /** The same settings with or without hydrogens in the kernel. */
    public KrrSettings withHydrogens(boolean value) {
        return new KrrSettings(sigmas, lambdas, folds, foldScheme, score, dressedFit, value);
    }

    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KrrSettings k && Arrays.equals(sigmas, k.sigmas) && Arrays.equals(lambdas, k.lambdas)
                && folds == k.folds && foldScheme == k.foldScheme && score == k.score && dressedFit == k.dressedFit
                && hydrogens == k.hydrogens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sigmas), Arrays.hashCode(lambdas), folds, foldScheme, score, dressedFit, hydrogens);
    }

    @Override
    public String toString() {
        return "KrrSettings[sigmas=" + Arrays.toString(sigmas) + ", lambdas=" + Arrays.toString(lambdas) + ", folds=" + folds
                + ", foldScheme=" + foldScheme + ", score=" + score + ", dressedFit=" + dressedFit + ", hydrogens=" + hydrogens + "]";
    }

    private static double[] positive(double[] values, String what) {
        double[] v = values.clone();
        if (v.length == 0) throw new IllegalArgumentException(what + " is empty");
        for (double x : v)
            if (!(x > 0) || !Double.isFinite(x)) throw new IllegalArgumentException(what + " must be finite and positive: " + x);
        return v;
    }
}
