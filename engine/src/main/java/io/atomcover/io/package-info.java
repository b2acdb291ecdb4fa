/**
 * Files in and out: the first step of the one-way flow file → structures → descriptors → kernel sums
 * (backends) → selection/metrics → report.
 *
 * <p>{@link io.atomcover.io.ExtXyzReader} turns extended XYZ (ASE dialect) and plain XYZ files into
 * {@link io.atomcover.structure.Structure}s gathered in a
 * {@link io.atomcover.structure.Dataset}; {@link io.atomcover.io.ExtXyzWriter} and
 * {@link io.atomcover.io.XyzFrames} write structures or copy selected frames byte for byte;
 * {@link io.atomcover.io.Npy} and {@link io.atomcover.io.Npz} read and write NumPy arrays;
 * {@link io.atomcover.io.AtomicFiles} replaces output files atomically. Bad input is an
 * {@link io.atomcover.io.InputException} naming the file and line. Nothing here knows about
 * descriptors or kernels.
 */
package io.atomcover.io;
