/**
 * JMH benchmarks of the engine, one class per question: descriptors, entropy, kernel sums on the
 * CPU and OpenCL backends, and MSC selection, i.e. the descriptor, kernel-sum and selection steps of
 * the flow file → structures → descriptors → kernel sums (backends) → selection/metrics → report.
 * {@link io.atomcover.jmh.BenchMain} is the entry point of {@code benchmarks.jar}. How to run them,
 * and what they measured, is in docs/benchmarks.md.
 */
package io.atomcover.jmh;
