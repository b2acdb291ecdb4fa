package io.atomcover.structure;

import java.nio.file.Path;
import java.util.List;

/**
 * An ordered list of structures read from one source, with environment (atom) offsets:
 * {@code atomOffsets()[s]..atomOffsets()[s+1]} are the environments of structure s.
 */
public final class Dataset {
    private final Path source;
    private final List<Structure> structures;
    private final int[] offsets;

    public Dataset(Path source, List<Structure> structures) {
        this.source = source;
        this.structures = List.copyOf(structures);
        this.offsets = new int[this.structures.size() + 1];
        for (int s = 0; s < this.structures.size(); s++) offsets[s + 1] = offsets[s] + this.structures.get(s).size();
    }

    /** Where it was read from, or null. */
    public Path source() {
        return source;
    }

    public List<Structure> structures() {
        return structures;
    }

    public Structure get(int s) {
        return structures.get(s);
    }

    /** Number of structures. */
    public int size() {
        return structures.size();
    }

    /** Total number of atoms (environments). */
    public int atomCount() {
        return offsets[offsets.length - 1];
    }

    /** Environment offsets, length {@code size()+1}; shared, do not modify. */
    public int[] atomOffsets() {
        return offsets;
    }
}
