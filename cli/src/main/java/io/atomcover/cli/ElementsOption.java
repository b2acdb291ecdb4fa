package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import java.util.List;

/** {@code --elements} of the FCHL19 commands, checked as a usage error (exit 2) before anything is read. */
final class ElementsOption {
    private ElementsOption() {
    }

    /** Usage error unless {@code elements} makes a valid FCHL19 representation. */
    static void check(List<Integer> elements, BaseCommand command) {
        if (elements.isEmpty()) throw command.usage("--elements must list at least one atomic number");
        try {
            Fchl19Inputs.representation(elements);
        } catch (IllegalArgumentException e) {
            throw command.usage("--elements: " + e.getMessage());
        }
    }
}
