/**
 * The one benchmark harness: JMH benchmarks of the engine, one class per question — descriptors
 * ({@link io.atomcover.jmh.DescriptorBenchmark}), kernel sums ({@link io.atomcover.jmh.KernelSumBenchmark},
 * {@link io.atomcover.jmh.OpenClKernelSumBenchmark}), the raw rate of the CPU tile kernel
 * ({@link io.atomcover.jmh.TileKernelBenchmark}), entropy ({@link io.atomcover.jmh.EntropyBenchmark};
 * within a tolerance and sampled, {@link io.atomcover.jmh.BoundedEntropyBenchmark}),
 * MSC selection ({@link io.atomcover.jmh.MscBenchmark}), the whole of {@code compress} through the engine
 * facade ({@link io.atomcover.jmh.CompressBenchmark}) and selection curves
 * ({@link io.atomcover.jmh.SelectionCurveBenchmark}) — on the bundled sets, QM7, any file, or any of
 * them × R for scale ({@code si-train*8}) — with their inputs set up once per trial
 * ({@link io.atomcover.jmh.DescriptorsOnBackend}, {@link io.atomcover.jmh.BenchmarkData}) and
 * parameters through {@code @Param}.
 *
 * <p>They run two ways: forked, from {@code benchmarks.jar} ({@link io.atomcover.jmh.BenchMain}, JMH's
 * command line), for careful figures; and in the calling JVM through {@link io.atomcover.jmh.Harness},
 * which is how {@code atomcover bench} times its stages. What a trial learns besides its times (the
 * backend that ran, the entropy value, the pairs evaluated) travels through
 * {@link io.atomcover.jmh.TrialNotes}. How to run them, and what they measured, is in docs/benchmarks.md.
 */
package io.atomcover.jmh;
