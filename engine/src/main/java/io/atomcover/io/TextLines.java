package io.atomcover.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A text input read line by line for the strict readers of the non-XYZ formats: counts lines, splits
 * them into whitespace-separated tokens and parses numbers, turning every problem into an
 * {@link InputException} that names the file and the current line.
 */
final class TextLines implements AutoCloseable {
    private final BufferedReader in;
    private final Path file;
    private long lineNo;
    private String pushedBack;

    TextLines(BufferedReader in, Path file) {
        this.in = in;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The 1-based number of the line last returned (0 before the first). */
    long lineNo() {
        return lineNo;
    }

    /** The next line, or null at the end of the input. */
    String next() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            lineNo++;
            return s;
        }
        try {
            String s = in.readLine();
            if (s != null) lineNo++;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("error reading " + file + " after line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    /** Gives the line last returned back, so that the next {@link #next()} returns it again. */
    void pushBack(String line) {
        pushedBack = line;
        lineNo--;
    }

    /** The next line; the input must not end before it ({@code what} says what was expected). */
    String require(String what) {
        String s = next();
        if (s == null) throw new InputException(file, lineNo + 1, "file ends where " + what + " was expected (truncated file?)");
        return s;
    }

    /** The next line that is not blank, or null at the end of the input. */
    String nextNonBlank() {
        String s;
        do {
            s = next();
        } while (s != null && s.isBlank());
        return s;
    }

    InputException error(String problem) {
        return new InputException(file, lineNo, problem);
    }

    InputException error(long line, String problem) {
        return new InputException(file, line, problem);
    }

    static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** The tokens of the current line, which must number exactly {@code n} ({@code what} names them). */
    String[] tokens(String line, int n, String what) {
        String[] t = tokens(line);
        if (t.length != n) throw error("expected " + n + " values (" + what + ") but found " + t.length + ": '" + line.strip() + "'");
        return t;
    }

    /** A finite real number; only digits, sign, '.', 'e' and 'E' are accepted (no Java-only forms such as "1d"). */
    double real(String tok, String what) {
        boolean plain = !tok.isEmpty();
        for (int i = 0; i < tok.length() && plain; i++) {
            char c = tok.charAt(i);
            plain = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        if (plain) {
            try {
                double v = Double.parseDouble(tok);
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(what + ": '" + tok + "' is not a finite number");
    }

    /** An integer. */
    long integer(String tok, String what) {
        try {
            return Long.parseLong(tok);
        } catch (NumberFormatException e) {
            throw error(what + ": '" + tok + "' is not an integer");
        }
    }

    /** An integer in [min, Integer.MAX_VALUE]. */
    int count(String tok, int min, String what) {
        long v = integer(tok, what);
        if (v < min || v > Integer.MAX_VALUE) throw error(what + ": " + v + " is out of range (at least " + min + ")");
        return (int) v;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
