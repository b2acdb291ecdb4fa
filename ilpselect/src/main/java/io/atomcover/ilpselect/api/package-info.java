/**
 * The ILPSelect facade, what a Java user, the Python package or a command calls:
 * {@link io.atomcover.ilpselect.api.IlpSelect} ranks database molecules for one target
 * ({@link io.atomcover.ilpselect.api.Selected}), computes learning curves of one target for given
 * rankings ({@link io.atomcover.ilpselect.api.Curve}) and runs experiments
 * ({@link io.atomcover.ilpselect.api.ExperimentResult}). Steps are reported to a
 * {@link io.atomcover.ilpselect.progress.StepListener}.
 */
package io.atomcover.ilpselect.api;
