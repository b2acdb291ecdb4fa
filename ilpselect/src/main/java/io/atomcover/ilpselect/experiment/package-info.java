/**
 * The ILPSelect experiment engine: every ranking method for every target, a learning curve each, and
 * their averages over the targets.
 *
 * <p>{@link io.atomcover.ilpselect.experiment.Experiment} runs an
 * {@link io.atomcover.ilpselect.experiment.ExperimentSetup} and is resumable: every ranking and curve is
 * one JSON file under the experiment's folder ({@link io.atomcover.ilpselect.experiment.ResultFiles}),
 * written as soon as it is done and read back by a later run when it was made with the same parameters.
 * {@link io.atomcover.ilpselect.experiment.ExperimentAverages} averages the curves per method, and
 * {@link io.atomcover.ilpselect.experiment.ExperimentTargets} reads and checks the targets. The result
 * files are JSON written with Jackson here, because their format (parameters, fingerprints, the checks
 * on reading back) is what makes a run resumable, whoever starts it.
 */
package io.atomcover.ilpselect.experiment;
