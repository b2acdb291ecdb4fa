package io.atomcover.io;

import io.atomcover.structure.Elements;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader may need beyond the file: the elements of numbered atom types, for LAMMPS files
 * (and VASP 4 POSCARs) that give types only ({@code --types 1=Si,2=O} on the command line).
 *
 * @param types element symbol of each type number (1-based); empty when none were given
 */
public record ReadOptions(Map<Integer, String> types) {
    /** No type mapping. */
    public static final ReadOptions DEFAULT = new ReadOptions(Map.of());

    public ReadOptions {
        types = Map.copyOf(new TreeMap<>(types));
        for (Map.Entry<Integer, String> e : types.entrySet()) {
            if (e.getKey() < 1) throw new IllegalArgumentException("atom type " + e.getKey() + " is not a positive number");
            if (Elements.atomicNumber(e.getValue()) <= 0)
                throw new IllegalArgumentException("type " + e.getKey() + ": unknown element symbol '" + e.getValue() + "'");
        }
    }

    /**
     * Parses {@code "1=Si,2=O"} (spaces allowed around items).
     *
     * @throws IllegalArgumentException with a one-line explanation when malformed
     */
    public static ReadOptions parseTypes(String spec) {
        Map<Integer, String> m = new TreeMap<>();
        for (String item : spec.split(",")) {
            String t = item.strip();
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1)
                throw new IllegalArgumentException("'" + t + "' is not TYPE=ELEMENT (as in 1=Si,2=O)");
            int type;
            try {
                type = Integer.parseInt(t.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "': type '" + t.substring(0, eq).strip() + "' is not a number");
            }
            if (m.put(type, t.substring(eq + 1).strip()) != null)
                throw new IllegalArgumentException("type " + type + " is given twice");
        }
        return new ReadOptions(m);
    }

    /** The element of a type, or null when it is not mapped. */
    public String element(int type) {
        return types.get(type);
    }
}
