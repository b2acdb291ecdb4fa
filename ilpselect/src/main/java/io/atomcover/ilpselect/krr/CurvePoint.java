package io.atomcover.ilpselect.krr;

/**
 * One point of a learning curve: the model trained on the first {@code size} molecules of a ranking
 * with the cross-validated hyperparameters, and its prediction for the target.
 *
 * @param size       training-set size
 * @param sigma      chosen kernel width σ
 * @param lambda     chosen regulariser λ
 * @param cvError    cross-validation error of the chosen (σ, λ), in label units
 * @param prediction predicted target label
 * @param label      true target label (energy minus dressed atoms)
 */
public record CurvePoint(int size, double sigma, double lambda, double cvError, double prediction, double label) {
    /** |prediction - label|, in label units. */
    public double absError() {
        return Math.abs(prediction - label);
    }
}
