/**
 * Selections and what they keep: the step after the kernel sums in the flow file → structures →
 * descriptors → kernel sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.select.SelectionMethod} is the registry of the methods by name, each made
 * into a {@link io.atomcover.select.Selector} that is called the same way.
 * {@link io.atomcover.select.MscSelector} is greedy minimum set cover (default and compat
 * scoring, conditional and segmented runs); {@link io.atomcover.select.FpsSelector},
 * {@link io.atomcover.select.MeanFpsSelector}, {@link io.atomcover.select.KMeansSelector} and
 * {@link io.atomcover.select.RandomSelector} are the baselines. Every selector asks a
 * {@link io.atomcover.backend.KdeBackend} for its pair work, or {@link io.atomcover.backend.PairDistances}
 * for distances between structure means. {@link io.atomcover.select.SelectionSummary},
 * {@link io.atomcover.select.SelectionCurve} and {@link io.atomcover.select.ForceTails} measure a
 * selection; {@link io.atomcover.select.SelectionSize} turns a requested size into a count. See
 * docs/methods.md, "Greedy minimum set cover" and "Baselines".
 */
package io.atomcover.select;
