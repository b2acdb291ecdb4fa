/**
 * Structures → descriptors: the second step of the flow file → structures → descriptors → kernel
 * sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.descriptor.QuestsDescriptor} computes one QUESTS row per atom (cell-list
 * neighbour search over periodic images, {@link io.atomcover.descriptor.NeighbourSearch}; the row
 * arithmetic in {@code QuestsKernel}).
 * Results are {@link io.atomcover.descriptor.Descriptors}: one contiguous row-major array plus
 * structure offsets, which is what every backend and selector consumes (the ILPSelect module stores
 * its FCHL19 rows in the same shape). The definition is in docs/methods.md, "QUESTS descriptors".
 */
package io.atomcover.descriptor;
