/**
 * Small helpers shared by every step of the flow file → structures → descriptors → kernel sums
 * (backends) → selection/metrics → report: {@link io.atomcover.util.Parallel}, the one parallel-for
 * outside the backends, {@link io.atomcover.util.ProgressListener}, through which long engine
 * tasks report progress to whoever draws it, and {@link io.atomcover.util.LogSpace}, the log-add-exp
 * of log-space covers.
 */
package io.atomcover.util;
