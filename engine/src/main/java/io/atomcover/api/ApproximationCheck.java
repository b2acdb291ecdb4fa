package io.atomcover.api;

/**
 * How close approximate dH values are to the exact ones, for one dataset against a reference.
 *
 * @param recall            fraction of the index's neighbours that are among the exact k nearest
 *                          (by distance, so equally distant rows are interchangeable)
 * @param maxTruncatedError largest |approximate − dH from the exact k nearest| over rows where both are finite:
 *                          what the index's misses cost
 * @param maxError          largest |approximate − exact dH| over rows where both are finite: misses plus
 *                          the terms beyond the k nearest
 * @param meanError         mean of that difference over the same rows
 * @param exact             the exact dH values
 */
public record ApproximationCheck(double recall, double maxTruncatedError, double maxError, double meanError, double[] exact) {
}
