/**
 * The command line: the ends of the flow file → structures → descriptors → kernel sums (backends)
 * → selection/metrics → report.
 *
 * <p>{@link io.atomcover.cli.Main} runs {@link io.atomcover.cli.AtomcoverCommand}, whose picocli
 * subcommands (one class each, shared options as mixins, such as {@code ToleranceOption}) check their arguments and outputs, read the
 * inputs, call a facade (the engine's {@link io.atomcover.api.Atomcover} for compress, compare,
 * entropy, overlap and dh; ILPSelect's {@link io.atomcover.ilpselect.api.IlpSelect} for select,
 * learning-curve and experiment), and write the JSON, NumPy, structure and plot outputs and the
 * human summary ({@code CompressReport}, {@code CompareReport}, {@code ComparePlot},
 * {@code CurveOutput}, {@code SelectReport}, {@code LearningCurveReport}). Every option and report
 * field is described in docs/cli.md.
 */
package io.atomcover.cli;
