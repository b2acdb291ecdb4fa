/**
 * atomcover on Apache Spark: an adapter of the engine, on the same floor plan as the other backends.
 *
 * <p>{@link io.atomcover.spark.SparkKdeBackend} is a {@code KdeBackend} whose large kernel sums run
 * as Spark jobs (blocks of query rows against a broadcast reference) and whose segmented-MSC rounds
 * run their chunks as parallel tasks; {@link io.atomcover.spark.SparkProvider} registers it as the
 * "spark" backend, which the command line opens for {@code --spark MASTER}.
 * {@link io.atomcover.spark.DistributedDescriptors} computes descriptors per partition of the
 * structures, {@link io.atomcover.spark.HadoopFiles} reads structures from any Hadoop path, and
 * {@link io.atomcover.spark.AtomcoverJob} is the {@code spark-submit} entry point.
 *
 * <p>What a task computes is plain Java, tested without Spark: {@code BlockSums} (a block of kernel
 * sums), {@code ChunkTask} (one chunk's cover, the engine's {@code MscSelector.coverChunk}) and
 * {@code DescriptorBatch} (descriptors of a run of structures); {@code Rows} and {@code Frame} are
 * their serialisable carriers. See docs/spark.md.
 */
package io.atomcover.spark;
