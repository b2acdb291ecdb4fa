/**
 * The engine API: the last step of the flow file → structures → descriptors → kernel sums →
 * selection/metrics → report, where the report is left to the caller.
 *
 * <p>{@link io.atomcover.api.Atomcover} computes descriptors, entropy and dH, compresses a dataset
 * ({@link io.atomcover.api.CompressionOptions} → {@link io.atomcover.api.Compression}) and compares
 * selection methods ({@link io.atomcover.api.ComparisonOptions} → {@link io.atomcover.api.Comparison}),
 * on one {@link io.atomcover.backend.KdeBackend}, reporting the progress of each long step to
 * {@link io.atomcover.api.Phases}. It knows nothing of files written, command lines or plots: the
 * command line, the Python package and Spark jobs adapt it. See docs/api.md.
 */
package io.atomcover.api;
