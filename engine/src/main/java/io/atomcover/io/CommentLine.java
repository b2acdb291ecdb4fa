package io.atomcover.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second line of an extended-XYZ frame: whitespace-separated {@code key=value} pairs in the ASE
 * dialect. Values may be bare, double- or single-quoted (backslash escapes the next character inside
 * quotes), or bracketed with {@code [] {} ()} (brackets kept in the value). Whitespace around '=' is
 * tolerated. A key without '=' is a flag and gets the value {@value #FLAG_VALUE}, which is what ASE
 * turns it into (True) and how it is written back.
 */
final class CommentLine {
    /** Value stored for a bare key (flag). */
    static final String FLAG_VALUE = "T";

    private CommentLine() {
    }

    /** Thrown by {@link #parse} with a description of what is malformed. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses the pairs in order; a repeated key keeps its first position and takes the last value. */
    static Map<String, String> parse(String line) throws SyntaxException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = line.length();
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (true) {
            i = skipSpace(line, i);
            if (i >= n) break;
            char c = line.charAt(i);
            if (c == '=') throw new SyntaxException("'=' without a key at column " + (i + 1));
            sb.setLength(0);
            i = readItem(line, i, sb, true);
            String key = sb.toString();
            if (key.isEmpty()) throw new SyntaxException("empty key at column " + (i + 1));
            int j = skipSpace(line, i);
            if (j < n && line.charAt(j) == '=') {
                j = skipSpace(line, j + 1);
                sb.setLength(0);
                if (j >= n) {
                    // "key=" at the end of the line: an empty value
                    i = j;
                } else {
                    i = readItem(line, j, sb, false);
                }
                out.put(key, sb.toString());
            } else {
                out.put(key, FLAG_VALUE);
            }
        }
        return out;
    }

    private static int skipSpace(String s, int i) {
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /**
     * Reads one key or value starting at i into sb and returns the index after it. A quoted item is
     * unquoted and unescaped; a bracketed value is kept with its brackets; a bare item ends at
     * whitespace (or at '=' for a key).
     */
    private static int readItem(String s, int i, StringBuilder sb, boolean isKey) throws SyntaxException {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            int start = i;
            i++;
            while (i < n) {
                char d = s.charAt(i);
                if (d == '\\' && i + 1 < n) {
                    sb.append(s.charAt(i + 1));
                    i += 2;
                } else if (d == c) {
                    return i + 1;
                } else {
                    sb.append(d);
                    i++;
                }
            }
            throw new SyntaxException("unterminated quote starting at column " + (start + 1));
        }
        if (!isKey && (c == '[' || c == '{' || c == '(')) {
            char close = c == '[' ? ']' : c == '{' ? '}' : ')';
            int end = s.indexOf(close, i + 1);
            if (end < 0) throw new SyntaxException("unterminated '" + c + "' starting at column " + (i + 1));
            sb.append(s, i, end + 1);
            return end + 1;
        }
        while (i < n) {
            char d = s.charAt(i);
            if (Character.isWhitespace(d) || (isKey && d == '=')) break;
            sb.append(d);
            i++;
        }
        return i;
    }

    /** Appends {@code key=value}, quoting either when needed so that {@link #parse} gives them back. */
    static void appendPair(StringBuilder out, String key, String value) {
        appendItem(out, key, true);
        out.append('=');
        appendItem(out, value, false);
    }

    private static void appendItem(StringBuilder out, String item, boolean isKey) {
        if (needsQuotes(item, isKey)) {
            out.append('"');
            for (int k = 0; k < item.length(); k++) {
                char c = item.charAt(k);
                if (c == '"' || c == '\\') out.append('\\');
                out.append(c);
            }
            out.append('"');
        } else {
            out.append(item);
        }
    }

    private static boolean needsQuotes(String s, boolean isKey) {
        if (s.isEmpty()) return true;
        char first = s.charAt(0);
        if (first == '"' || first == '\'') return true;
        if (first == '[' || first == '{' || first == '(') {
            // bracketed values survive bare only when the first closing bracket ends the value and
            // there is no whitespace (the reader keeps brackets verbatim)
            if (isKey) return true;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c) || c == '"' || c == '\\' || c == '=') return true;
        }
        if (!isKey && (first == '[' || first == '{' || first == '(')) {
            char close = first == '[' ? ']' : first == '{' ? '}' : ')';
            return s.indexOf(close, 1) != s.length() - 1;
        }
        return false;
    }
}
