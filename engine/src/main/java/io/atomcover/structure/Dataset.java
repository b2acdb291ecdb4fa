package io.atomcover.structure;

import java.nio.file.Path;
import java.util.List;

/**
 * An ordered list of structures read from one source, with environment (atom) offsets:
 * {@code atomOffsets()[s]..atomOffsets()[s+1]} are the environments of structure s. Each frame may
 * carry the 1-based line of its source where it starts ({@link #frameLine(int)}), for messages.
 */
public final class Dataset {
    private final Path source;
    private final List<Structure> structures;
    private final int[] offsets;
    private final long[] frameLines;

    /** A dataset whose frames' lines are unknown (built by code, or by a reader that does not record them). */
    public Dataset(Path source, List<Structure> structures) {
        this(source, structures, null);
    }

    /**
     * A dataset whose frame s starts at line {@code frameLines[s]} (1-based) of its source, 0 where
     * unknown; {@code frameLines} null means all unknown, else it has one entry per structure.
     */
    public Dataset(Path source, List<Structure> structures, long[] frameLines) {
        this.source = source;
        this.structures = List.copyOf(structures);
        if (frameLines != null) {
            if (frameLines.length != this.structures.size())
                throw new IllegalArgumentException(frameLines.length + " frame lines for " + this.structures.size() + " structures");
            for (long l : frameLines) if (l < 0) throw new IllegalArgumentException("negative frame line " + l);
            this.frameLines = frameLines.clone();
        } else {
            this.frameLines = null;
        }
        this.offsets = new int[this.structures.size() + 1];
        for (int s = 0; s < this.structures.size(); s++) offsets[s + 1] = offsets[s] + this.structures.get(s).size();
    }

    /** Where it was read from, or null. */
    public Path source() {
        return source;
    }

    /**
     * The 1-based line of the source where frame s starts (for an XYZ file, its atom-count line), or 0
     * when unknown. Only the (extended) XYZ reader records it, so a known line implies the XYZ layout:
     * comment line next, then one line per atom.
     */
    public long frameLine(int s) {
        java.util.Objects.checkIndex(s, structures.size());
        return frameLines == null ? 0 : frameLines[s];
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
