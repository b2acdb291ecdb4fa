/**
 * How the facade calls of ILPSelect report their steps: {@link io.atomcover.ilpselect.progress.StepListener}
 * (log lines and the progress of long steps, drawn by whoever calls) and
 * {@link io.atomcover.ilpselect.progress.IlpProgress}, which shows an ILP enumeration on one step and
 * keeps its model size.
 */
package io.atomcover.ilpselect.progress;
