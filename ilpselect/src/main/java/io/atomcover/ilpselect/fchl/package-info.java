/**
 * FCHL19 atom environments of molecules, the descriptors ILPSelect ranks and learns with:
 * {@link io.atomcover.ilpselect.fchl.Fchl19} computes them (docs/methods.md, "FCHL19") into the engine's
 * row-major {@link io.atomcover.descriptor.Descriptors}, and
 * {@link io.atomcover.ilpselect.fchl.MoleculeReps} keeps them per molecule with each atom's element;
 * {@link io.atomcover.ilpselect.fchl.Fchl19Inputs} checks structures for it with errors naming file and line, or the frame where its line is unknown.
 */
package io.atomcover.ilpselect.fchl;
