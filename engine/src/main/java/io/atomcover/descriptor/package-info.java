/**
 * Structures → descriptors: the second step of the flow file → structures → descriptors → kernel
 * sums (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.descriptor.QuestsDescriptor} computes one QUESTS row per atom (cell-list
 * neighbour search over periodic images, {@link io.atomcover.descriptor.NeighbourSearch}; the row
 * arithmetic in {@code QuestsKernel}) and
 * {@link io.atomcover.descriptor.Fchl19} the FCHL19 representation of molecules used by ILPSelect.
 * Results are {@link io.atomcover.descriptor.Descriptors}: one contiguous row-major array plus
 * structure offsets, which is what every backend and selector consumes. The definitions are in
 * docs/methods.md, "QUESTS descriptors" and "FCHL19".
 */
package io.atomcover.descriptor;
