package io.atomcover.cli;

import io.atomcover.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Selected structures as plain text: one 0-based frame index of the input file per line, in the
 * order they were picked. {@code numpy.loadtxt(f, dtype=int)} reads it, and each line is an
 * {@code index=} that {@code ase.io.read(FILE, index=i)} takes.
 */
final class PicksFile {
    /** The extension that asks for this format. */
    static final String EXTENSION = ".txt";

    private PicksFile() {
    }

    /** Whether {@code file} names a picks file. */
    static boolean is(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** Writes the indices atomically. */
    static void write(Path target, int[] indices) throws IOException {
        StringBuilder b = new StringBuilder(indices.length * 6);
        for (int i : indices) b.append(i).append('\n');
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, out -> out.write(bytes));
    }
}
