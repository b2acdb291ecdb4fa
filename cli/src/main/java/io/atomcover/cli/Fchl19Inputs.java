package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.structure.Dataset;
import java.util.List;

/**
 * FCHL19 inputs of the commands: {@code --elements} as a usage error, FCHL19 with a progress bar, and
 * the checks of {@link io.atomcover.ilpselect.fchl.Fchl19Inputs}.
 */
final class Fchl19Inputs {
    private Fchl19Inputs() {
    }

    /** The FCHL19 representation with the default parameters and the given element list. */
    static Fchl19 representation(List<Integer> elements) {
        return io.atomcover.ilpselect.fchl.Fchl19Inputs.representation(elements);
    }

    /** Usage error (exit 2) unless {@code --elements} makes a valid FCHL19 representation. */
    static void checkElements(List<Integer> elements, BaseCommand command) {
        if (elements.isEmpty()) throw command.usage("--elements must list at least one atomic number");
        try {
            representation(elements);
        } catch (IllegalArgumentException e) {
            throw command.usage("--elements: " + e.getMessage());
        }
    }

    /** See {@link io.atomcover.ilpselect.fchl.Fchl19Inputs#frameLine}. */
    static long frameLine(Dataset ds, int s) {
        return io.atomcover.ilpselect.fchl.Fchl19Inputs.frameLine(ds, s);
    }

    /** See {@link io.atomcover.ilpselect.fchl.Fchl19Inputs#check}. */
    static void check(Dataset ds, Fchl19 rep, int pad) {
        io.atomcover.ilpselect.fchl.Fchl19Inputs.check(ds, rep, pad);
    }

    /** Per-atom FCHL19 of every structure, with a progress bar when enabled. */
    static MoleculeReps compute(Dataset ds, Fchl19 rep, CommonOptions common) {
        check(ds, rep, 0);
        try (Progress p = Progress.start("fchl19", " molecules", common.showProgress(), System.err)) {
            return MoleculeReps.fchl19(ds.structures(), rep, common.threads, p);
        }
    }
}
