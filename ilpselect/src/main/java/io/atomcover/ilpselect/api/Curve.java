package io.atomcover.ilpselect.api;

import io.atomcover.ilpselect.krr.CurvePoint;
import java.util.List;

/**
 * The learning curve of one ranking.
 *
 * @param name    the ranking's name
 * @param points  one point per training-set size, in the order asked
 * @param seconds wall time it took
 */
public record Curve(String name, List<CurvePoint> points, double seconds) {
}
