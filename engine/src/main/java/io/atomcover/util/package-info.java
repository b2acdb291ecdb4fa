/**
 * Small helpers shared by every step of the flow file → structures → descriptors → kernel sums
 * (backends) → selection/metrics → report: {@link io.atomcover.util.Parallel}, the one parallel-for
 * (a persistent pool where the calling thread takes part, as the CPU backend keeps, or a pool for one
 * loop), {@link io.atomcover.util.ProgressListener}, through which long engine tasks report progress
 * to whoever draws it, {@link io.atomcover.util.LogSpace}, the log-add-exp of log-space covers, and
 * {@link io.atomcover.util.SeededDraw}, the one seeded sample without replacement (random selection
 * and random rankings).
 */
package io.atomcover.util;
