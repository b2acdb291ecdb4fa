package io.atomcover.ilpselect.api;

import io.atomcover.ilpselect.experiment.Experiment;
import io.atomcover.ilpselect.experiment.ExperimentAverages;
import io.atomcover.ilpselect.experiment.ReferenceCurves;
import java.util.List;

/**
 * A finished experiment.
 *
 * @param runs    every learning curve, in target, method and seed order
 * @param curves  the curves averaged per method, in method order
 * @param comparisons every target and method with a published curve, against it (empty without reference curves)
 * @param tally   how many rankings and curves were computed and how many read back
 * @param seconds wall time since the start given, as written to the averages file
 */
public record ExperimentResult(List<Experiment.Run> runs, List<ExperimentAverages.MethodCurve> curves,
                               List<ReferenceCurves.Comparison> comparisons, String tally,
                               double seconds) {
}
