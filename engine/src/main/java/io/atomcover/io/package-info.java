/**
 * Files in and out: the first step of the one-way flow file → structures → descriptors → kernel sums
 * (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.io.StructureFiles} is the one way structures are read: it takes an
 * {@link io.atomcover.io.InputSpec} (a file or {@code -} for standard input, optionally
 * {@code @SELECTION} as ASE writes it, see {@link io.atomcover.io.FrameSelection}), decompresses gzip,
 * xz and bzip2 by their magic bytes ({@link io.atomcover.io.CompressedStreams}), recognises the
 * {@link io.atomcover.io.StructureFormat} by name or content and hands the text to that format's
 * strict reader: {@link io.atomcover.io.ExtXyzReader} (extended XYZ, ASE dialect, and plain XYZ),
 * {@code PoscarReader}, {@code OutcarReader}, {@code VasprunReader} (StAX), {@code LammpsDumpReader}
 * and {@code LammpsDataReader}, with {@link io.atomcover.io.ReadOptions} for the elements of
 * numbered atom types. Every reader produces {@link io.atomcover.structure.Structure}s gathered in a
 * {@link io.atomcover.structure.Dataset}; energies go to {@code info["energy"]} (and
 * {@code "free_energy"}) and forces to a {@code forces:R:3} column, as the extended-XYZ reader gives
 * them.
 *
 * <p>{@link io.atomcover.io.ExtXyzWriter} and {@link io.atomcover.io.XyzFrames} write structures or
 * copy selected frames byte for byte; {@link io.atomcover.io.Npy} and {@link io.atomcover.io.Npz}
 * read and write NumPy arrays; {@link io.atomcover.io.AtomicFiles} replaces output files atomically,
 * compressed when the name ends in .gz, .xz or .bz2. Bad input is an
 * {@link io.atomcover.io.InputException} naming the file and line. Nothing here knows about
 * descriptors or kernels.
 */
package io.atomcover.io;
