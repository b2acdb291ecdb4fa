package io.atomcover.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A structure input as a user names it: a file, or {@code -} for standard input, optionally followed
 * by {@code @SELECTION} (see {@link FrameSelection}), as ASE's {@code read("FILE@0:10")} takes it. A
 * file whose real name contains '@' is taken whole when it exists.
 *
 * @param file      the file, or null for standard input
 * @param selection the frames to take
 */
public record InputSpec(Path file, FrameSelection selection) {
    /** The name standard input has in messages and as a dataset's source. */
    public static final Path STDIN_NAME = Path.of("<stdin>");

    /**
     * Parses {@code FILE}, {@code FILE@SEL}, {@code -} or {@code -@SEL}.
     *
     * @throws InputException when the selection is malformed
     */
    public static InputSpec parse(String text) {
        if (text.equals("-")) return new InputSpec(null, FrameSelection.ALL);
        int at = text.lastIndexOf('@');
        if (at < 0 || Files.exists(Path.of(text))) return new InputSpec(Path.of(text), FrameSelection.ALL);
        String name = text.substring(0, at);
        Path file = name.equals("-") ? null : Path.of(name);
        if (name.isEmpty()) throw new InputException(Path.of(text), 0, "no file name before '@'");
        try {
            return new InputSpec(file, FrameSelection.parse(text.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new InputException(file == null ? STDIN_NAME : file, 0, "bad frame selection after '@': " + e.getMessage());
        }
    }

    /** {@link #parse(String)} of the path's text. */
    public static InputSpec of(Path input) {
        return parse(input.toString());
    }

    /** True for standard input. */
    public boolean isStdin() {
        return file == null;
    }

    /** The file, or {@link #STDIN_NAME}, for messages and as the dataset's source. */
    public Path name() {
        return file == null ? STDIN_NAME : file;
    }
}
