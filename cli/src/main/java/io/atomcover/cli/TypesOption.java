package io.atomcover.cli;

import io.atomcover.io.ReadOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.TreeMap;

/** {@code --types 1=Si,2=O}: the elements of numbered atom types, for input files that give only types. */
public final class TypesOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private final Map<Integer, String> types = new TreeMap<>();

    @Option(names = "--types", paramLabel = "TYPE=EL[,...]",
            description = "Elements of numbered atom types, for LAMMPS dump files without an element column, LAMMPS "
                    + "data files whose Masses do not name one element, and VASP 4 POSCARs without an element line "
                    + "(types counted from 1 in the order of the counts line). Example: --types 1=Si,2=O. Repeatable.")
    void setTypes(String spec) {
        try {
            for (Map.Entry<Integer, String> e : ReadOptions.parseTypes(spec).types().entrySet())
                if (types.put(e.getKey(), e.getValue()) != null)
                    throw new IllegalArgumentException("type " + e.getKey() + " is given twice");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--types: " + e.getMessage());
        }
    }

    /** What the readers get. */
    ReadOptions options() {
        return new ReadOptions(types);
    }
}
