/**
 * The command line: the ends of the flow file → structures → descriptors → kernel sums (backends)
 * → selection/metrics → report.
 *
 * <p>{@link io.atomcover.cli.Main} runs {@link io.atomcover.cli.AtomcoverCommand}, whose picocli
 * subcommands (one class each, shared options as mixins) check their arguments and outputs, read the
 * inputs, call the engine (the {@link io.atomcover.api.Atomcover} facade for compress, compare,
 * entropy, overlap and dh), and write the JSON, NumPy, structure and plot outputs and the human
 * summary ({@code CompressReport}, {@code CompareReport}, {@code ComparePlot}, {@code CurveOutput}).
 * Every option and report field is described in docs/cli.md.
 */
package io.atomcover.cli;
