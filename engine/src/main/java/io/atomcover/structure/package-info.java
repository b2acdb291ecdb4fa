/**
 * The domain model every step shares: a {@link io.atomcover.structure.Structure} (species, positions,
 * optional lattice and periodicity, frame info and extra per-atom columns) and a
 * {@link io.atomcover.structure.Dataset} of them with the atom offsets that index descriptor rows.
 * {@link io.atomcover.structure.Elements} is the periodic table;
 * {@link io.atomcover.structure.FrameArrays} builds a dataset from flat arrays (the Python
 * package's way in); {@link io.atomcover.structure.ThermalReplicas} makes large, reproducible datasets from small ones
 * ("Si-train × R") for scale benchmarks. Readers and writers live in
 * {@code io}; nothing here touches files.
 */
package io.atomcover.structure;
