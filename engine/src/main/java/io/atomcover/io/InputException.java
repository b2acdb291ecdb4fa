package io.atomcover.io;

import java.nio.file.Path;

/**
 * Bad input data: names the file, the 1-based line (0 when not tied to a line) and what was wrong.
 * The CLI maps it to exit code 1 and prints only {@link #getMessage()}.
 */
public class InputException extends RuntimeException {
    private final transient Path file;
    private final long line;

    public InputException(Path file, long line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public InputException(Path file, long line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    private static String format(Path file, long line, String problem) {
        String where = file == null ? "<input>" : file.toString();
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }

    /** The offending file, or null when the input did not come from a file. */
    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not tied to one line. */
    public long line() {
        return line;
    }
}
