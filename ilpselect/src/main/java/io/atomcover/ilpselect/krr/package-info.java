/**
 * Kernel ridge regression learning curves that judge rankings: the metric step of the ILPSelect
 * flow, file → molecules → FCHL19 descriptors → ranking → learning curves → report.
 *
 * <p>{@link io.atomcover.ilpselect.krr.TargetedKrr} is the entry point (labels, kernels and a learning curve of
 * one target for a ranking, from FCHL19 it computes or from FCHL19 computed once for the whole database);
 * {@link io.atomcover.ilpselect.krr.LearningCurves} is the lower level, and
 * {@link io.atomcover.ilpselect.krr.DressedAtoms}, {@link io.atomcover.ilpselect.krr.KernelBlocks},
 * {@link io.atomcover.ilpselect.krr.Krr} and {@link io.atomcover.ilpselect.krr.CrossValidation} are its pieces;
 * {@link io.atomcover.ilpselect.krr.CurveAverage} averages curves over targets;
 * {@link io.atomcover.ilpselect.krr.Energies} reads the energies from the frames. Squared distances and
 * Gaussian sums come from the engine's {@link io.atomcover.backend.PairDistances}. See docs/methods.md, "KRR
 * learning curves".
 */
package io.atomcover.ilpselect.krr;
