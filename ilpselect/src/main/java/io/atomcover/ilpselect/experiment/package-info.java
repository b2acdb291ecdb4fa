/**
 * The ILPSelect experiment engine: every ranking method for every target, a learning curve each, and
 * their averages over the targets.
 *
 * <p>{@link io.atomcover.ilpselect.experiment.Experiment} runs an
 * {@link io.atomcover.ilpselect.experiment.ExperimentSetup} and is resumable: every ranking and curve is
 * one JSON file under the experiment's folder ({@link io.atomcover.ilpselect.experiment.ResultFiles}),
 * written as soon as it is done and read back by a later run when it was made with the same parameters.
 * {@link io.atomcover.ilpselect.experiment.ExperimentAverages} averages the curves per method, and
 * {@link io.atomcover.ilpselect.experiment.ExperimentTargets} reads and checks the targets. A method is an
 * {@link io.atomcover.ilpselect.experiment.ExperimentMethod} (the ILP once per penalty when several are
 * run), {@link io.atomcover.ilpselect.experiment.Holdout} splits a database into held-out targets and the
 * rest (the held-out QM7 experiment), and {@link io.atomcover.ilpselect.experiment.ReferenceCurves} reads
 * ILPSelect's published curves and compares the run with them. The result
 * files are JSON written with Jackson here, because their format (parameters, fingerprints, the checks
 * on reading back) is what makes a run resumable, whoever starts it.
 */
package io.atomcover.ilpselect.experiment;
