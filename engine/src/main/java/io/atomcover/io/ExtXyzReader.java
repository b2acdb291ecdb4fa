package io.atomcover.io;

import io.atomcover.structure.AtomColumn;

import io.atomcover.structure.Structure;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Elements;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Streaming reader of extended XYZ (ASE dialect) and plain XYZ files, one {@link Structure} per frame.
 *
 * <p>Each frame is an atom-count line, a comment line and one line per atom. The comment line holds
 * {@code key=value} pairs (see {@link CommentLine}); {@code Lattice}, {@code Properties} and {@code pbc}
 * are recognised case-insensitively and turned into the cell, the per-atom columns and the periodicity;
 * every other pair is kept verbatim, in order, as {@link Structure#info()}. Without {@code Properties}
 * a frame is plain XYZ: exactly four columns, symbol x y z (a comment with no '=' at all is kept as
 * {@code info["comment"]}). A frame with a lattice and no {@code pbc} key is periodic on all axes; a
 * frame without a lattice is not periodic.
 *
 * <p>Malformed input raises {@link InputException} naming the file, the 1-based line and the problem.
 * I/O failures other than a missing or unreadable file surface as {@link UncheckedIOException}.
 *
 * <p>Use {@link #read(Path)} for a whole file, or {@link #open(Path)} / {@link #stream(Path, Consumer)}
 * to visit frames one at a time without holding the file in memory.
 */
public final class ExtXyzReader implements Iterator<Structure>, Closeable {
    /** Relative tolerance on |det(cell)| / (|a||b||c|) below which a periodic cell is rejected as singular. */
    static final double SINGULAR_TOLERANCE = 1e-10;

    /** The input with its line count; its IO errors name the file and line. */
    private final TextLines lines;
    private final Path file;
    private Structure pending;
    private long pendingLine;
    private long frameLine;
    private boolean finished;

    // per-line tokenizer scratch
    private int[] tokStart = new int[16];
    private int[] tokEnd = new int[16];
    private String lastSymbol = "";

    /** Reads from {@code in}; {@code nameForErrors} is used in error messages (may be null). */
    public ExtXyzReader(Reader in, Path nameForErrors) {
        this.lines = new TextLines(in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16), nameForErrors);
        this.file = nameForErrors;
    }

    /** Opens a file for streaming; close the reader when done. */
    public static ExtXyzReader open(Path file) {
        try {
            return new ExtXyzReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw openFailure(file, e);
        }
    }

    /** Reads every frame of a file. */
    public static Dataset read(Path file) {
        try (ExtXyzReader r = open(file)) {
            return r.readAll(file);
        }
    }

    /** Reads every frame from a reader ({@code nameForErrors} names it in messages and is the dataset's source). */
    public static Dataset read(Reader in, Path nameForErrors) {
        return new ExtXyzReader(in, nameForErrors).readAll(nameForErrors);
    }

    /** The remaining frames as a dataset with their start lines. */
    private Dataset readAll(Path source) {
        List<Structure> frames = new ArrayList<>();
        long[] lines = new long[16];
        while (hasNext()) {
            frames.add(next());
            if (frames.size() > lines.length) lines = java.util.Arrays.copyOf(lines, 2 * lines.length);
            lines[frames.size() - 1] = frameLine;
        }
        return new Dataset(source, frames, java.util.Arrays.copyOf(lines, frames.size()));
    }

    /** Hands every frame of a file to {@code sink}, in file order, holding one frame at a time. */
    public static void stream(Path file, Consumer<Structure> sink) {
        try (ExtXyzReader r = open(file)) {
            while (r.hasNext()) sink.accept(r.next());
        }
    }

    private static RuntimeException openFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) return new InputException(file, 0, "no such file", e);
        if (e instanceof AccessDeniedException) return new InputException(file, 0, "permission denied", e);
        return new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }

    @Override
    public boolean hasNext() {
        if (pending != null) return true;
        if (finished) return false;
        pending = readFrame();
        if (pending == null) finished = true;
        return pending != null;
    }

    @Override
    public Structure next() {
        if (!hasNext()) throw new NoSuchElementException();
        Structure s = pending;
        pending = null;
        frameLine = pendingLine;
        return s;
    }

    /** The 1-based line (its atom-count line) where the frame last returned by {@link #next()} starts; 0 before the first. */
    public long frameLine() {
        return frameLine;
    }

    /** The number of lines consumed so far. */
    public long linesRead() {
        return lines.lineNo();
    }

    @Override
    public void close() {
        lines.close();
    }

    private String readLine() {
        return lines.next();
    }

    private InputException error(long line, String problem) {
        return new InputException(file, line, problem);
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return false;
        return true;
    }

    private Structure readFrame() {
        String countLine = readLine();
        if (countLine == null) return null;
        if (isBlank(countLine)) {
            long blankLine = lines.lineNo();
            String s;
            do {
                s = readLine();
                if (s == null) return null; // only blank lines until the end: allowed
            } while (isBlank(s));
            throw error(blankLine, "blank line where an atom count was expected (more frames follow)");
        }
        long countLineNo = lines.lineNo();
        pendingLine = countLineNo;
        int natoms = parseCount(countLine, countLineNo);

        String comment = readLine();
        if (comment == null)
            throw error(countLineNo + 1, "file ends before the comment line of a frame of " + natoms + " atoms");
        long commentLineNo = lines.lineNo();
        Header h = parseHeader(comment, commentLineNo);

        int width = h.totalWidth;
        String[] symbols = new String[natoms];
        double[] pos = new double[3 * natoms];
        int ncol = h.props.size();
        String[][] tokens = new String[ncol][];
        double[][] reals = new double[ncol][];
        for (int c = 0; c < ncol; c++) {
            Prop p = h.props.get(c);
            if (p.role == Role.EXTRA) {
                tokens[c] = new String[natoms * p.width];
                if (p.type == 'R') reals[c] = new double[natoms * p.width];
            }
        }

        for (int a = 0; a < natoms; a++) {
            String line = readLine();
            if (line == null)
                throw error(lines.lineNo() + 1, "file ends after " + a + " of " + natoms + " atom lines (truncated frame starting at line " + countLineNo + ")");
            int nt = tokenize(line, width + 1);
            if (nt != width) {
                if (h.plain)
                    throw error(lines.lineNo(), "expected 4 columns (symbol x y z) but found " + nt
                            + (nt > 4 ? "; describe extra columns with a Properties= key" : ""));
                throw error(lines.lineNo(), "expected " + width + " columns for Properties=" + h.spec + " but found " + nt);
            }
            for (int c = 0; c < ncol; c++) {
                Prop p = h.props.get(c);
                int t0 = p.offset;
                switch (p.role) {
                    case SPECIES -> symbols[a] = symbol(line, tokStart[t0], tokEnd[t0]);
                    case POS -> {
                        for (int k = 0; k < 3; k++) {
                            int t = t0 + k;
                            double v = parseReal(line, tokStart[t], tokEnd[t], t, p.name);
                            if (!Double.isFinite(v))
                                throw error(lines.lineNo(), "column " + (t + 1) + " (" + p.name + "): non-finite coordinate '"
                                        + line.substring(tokStart[t], tokEnd[t]) + "'");
                            pos[3 * a + k] = v;
                        }
                    }
                    case EXTRA -> {
                        for (int k = 0; k < p.width; k++) {
                            int t = t0 + k;
                            String tok = line.substring(tokStart[t], tokEnd[t]);
                            int at = a * p.width + k;
                            tokens[c][at] = tok;
                            switch (p.type) {
                                case 'R' -> reals[c][at] = parseReal(line, tokStart[t], tokEnd[t], t, p.name);
                                case 'I' -> checkInteger(tok, t, p.name);
                                case 'L' -> checkLogical(tok, t, p.name);
                                default -> { /* S: any token */ }
                            }
                        }
                    }
                }
            }
        }

        List<AtomColumn> columns = new ArrayList<>();
        for (int c = 0; c < ncol; c++) {
            Prop p = h.props.get(c);
            if (p.role == Role.EXTRA) columns.add(new AtomColumn(p.name, p.type, p.width, tokens[c], reals[c]));
        }
        try {
            return new Structure(symbols, pos, h.cell, h.pbc, h.info, columns);
        } catch (IllegalArgumentException e) {
            throw error(countLineNo, e.getMessage());
        }
    }

    private int parseCount(String line, long at) {
        String t = line.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) sp++;
        if (sp != t.length())
            throw error(at, "bad atom count line '" + t + "' (expected a single non-negative integer)");
        try {
            int n = Integer.parseInt(t);
            if (n < 0) throw error(at, "negative atom count " + n);
            return n;
        } catch (NumberFormatException e) {
            throw error(at, "bad atom count '" + t + "' (expected a non-negative integer)");
        }
    }

    /** Splits line on whitespace into tokStart/tokEnd; stops counting beyond {@code max}. */
    private int tokenize(String line, int max) {
        if (tokStart.length < max) {
            tokStart = new int[max];
            tokEnd = new int[max];
        }
        int n = line.length();
        int count = 0;
        int i = 0;
        while (true) {
            while (i < n && isSpace(line.charAt(i))) i++;
            if (i >= n) break;
            int s = i;
            while (i < n && !isSpace(line.charAt(i))) i++;
            if (count < max) {
                tokStart[count] = s;
                tokEnd[count] = i;
            }
            count++;
        }
        return count;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private String symbol(String line, int s, int e) {
        String last = lastSymbol;
        if (last.length() == e - s && line.regionMatches(s, last, 0, e - s)) return last;
        String sym = line.substring(s, e);
        if (Elements.atomicNumber(sym) <= 0) throw error(lines.lineNo(), "column 1 (species): unknown element symbol '" + sym + "'");
        lastSymbol = sym;
        return sym;
    }

    private double parseReal(String line, int s, int e, int tokenIndex, String column) {
        // Double.parseDouble alone would also accept Java-only forms such as "1d", "1f" or hex floats.
        boolean plain = true;
        for (int i = s; i < e; i++) {
            char c = line.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                plain = false;
                break;
            }
        }
        String tok = line.substring(s, e);
        if (plain) {
            try {
                return Double.parseDouble(tok);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        } else if (isSpecialName(tok)) {
            return specialReal(tok);
        }
        throw error(lines.lineNo(), "column " + (tokenIndex + 1) + " (" + column + "): '" + tok + "' is not a number");
    }

    private static boolean isSpecialName(String tok) {
        String t = tok.toLowerCase(Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) t = t.substring(1);
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    private static double specialReal(String tok) {
        String t = tok.toLowerCase(Locale.ROOT);
        if (t.endsWith("nan")) return Double.NaN;
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private void checkInteger(String tok, int tokenIndex, String column) {
        try {
            Long.parseLong(tok);
        } catch (NumberFormatException e) {
            throw error(lines.lineNo(), "column " + (tokenIndex + 1) + " (" + column + "): '" + tok + "' is not an integer");
        }
    }

    private void checkLogical(String tok, int tokenIndex, String column) {
        if (parseLogical(tok) == null)
            throw error(lines.lineNo(), "column " + (tokenIndex + 1) + " (" + column + "): '" + tok + "' is not a logical (T/F/True/False)");
    }

    /** T/F/True/False in any case; null when the token is none of those. */
    static Boolean parseLogical(String tok) {
        switch (tok.toLowerCase(Locale.ROOT)) {
            case "t", "true" -> {
                return Boolean.TRUE;
            }
            case "f", "false" -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // comment line

    private enum Role { SPECIES, POS, EXTRA }

    private record Prop(String name, char type, int width, int offset, Role role) {
    }

    private static final class Header {
        Map<String, String> info;
        double[] cell;
        boolean[] pbc;
        List<Prop> props;
        int totalWidth;
        boolean plain;
        String spec;
    }

    private Header parseHeader(String comment, long at) {
        Header h = new Header();
        Map<String, String> kv;
        if (comment.indexOf('=') < 0) {
            kv = new java.util.LinkedHashMap<>();
            String t = comment.strip();
            if (!t.isEmpty()) kv.put("comment", t);
        } else {
            try {
                kv = CommentLine.parse(comment);
            } catch (CommentLine.SyntaxException e) {
                if (comment.toLowerCase(Locale.ROOT).contains("properties="))
                    throw error(at, "malformed comment line: " + e.getMessage());
                kv = new java.util.LinkedHashMap<>();
                kv.put("comment", comment.strip());
            }
        }
        String lattice = null, properties = null, pbc = null;
        for (Iterator<Map.Entry<String, String>> it = kv.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            String key = e.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "lattice" -> {
                    if (lattice != null) throw error(at, "Lattice given twice");
                    lattice = e.getValue();
                    it.remove();
                }
                case "properties" -> {
                    if (properties != null) throw error(at, "Properties given twice");
                    properties = e.getValue();
                    it.remove();
                }
                case "pbc" -> {
                    if (pbc != null) throw error(at, "pbc given twice");
                    pbc = e.getValue();
                    it.remove();
                }
                default -> { /* kept as info */ }
            }
        }
        h.info = kv;
        h.cell = lattice == null ? null : parseLattice(lattice, at);
        if (pbc != null) {
            h.pbc = parsePbc(pbc, at);
        } else {
            h.pbc = new boolean[]{h.cell != null, h.cell != null, h.cell != null};
        }
        boolean periodic = h.pbc[0] || h.pbc[1] || h.pbc[2];
        if (periodic && h.cell == null) throw error(at, "pbc=\"" + pbc + "\" is periodic but the frame has no Lattice");
        if (periodic) checkNotSingular(h.cell, at);
        if (properties == null) {
            h.plain = true;
            h.spec = "species:S:1:pos:R:3";
            h.props = List.of(new Prop("species", 'S', 1, 0, Role.SPECIES), new Prop("pos", 'R', 3, 1, Role.POS));
            h.totalWidth = 4;
        } else {
            h.spec = properties;
            parseProperties(properties, h, at);
        }
        return h;
    }

    private static String[] numberTokens(String value) {
        String v = value.replace('[', ' ').replace(']', ' ').replace(',', ' ').replace('(', ' ').replace(')', ' ').strip();
        return v.isEmpty() ? new String[0] : v.split("\\s+");
    }

    private double[] parseLattice(String value, long at) {
        String[] t = numberTokens(value);
        if (t.length != 9) throw error(at, "malformed Lattice: expected 9 numbers, found " + t.length + " in \"" + value + "\"");
        double[] cell = new double[9];
        for (int i = 0; i < 9; i++) {
            try {
                cell[i] = Double.parseDouble(t[i]);
            } catch (NumberFormatException e) {
                throw error(at, "malformed Lattice: '" + t[i] + "' is not a number");
            }
            if (!Double.isFinite(cell[i])) throw error(at, "malformed Lattice: non-finite value '" + t[i] + "'");
        }
        return cell;
    }

    private boolean[] parsePbc(String value, long at) {
        String[] t = numberTokens(value);
        if (t.length != 3) throw error(at, "malformed pbc \"" + value + "\": expected 3 values T/F");
        boolean[] pbc = new boolean[3];
        for (int i = 0; i < 3; i++) {
            Boolean b = parseLogical(t[i]);
            if (b == null) throw error(at, "malformed pbc \"" + value + "\": '" + t[i] + "' is not T/F/True/False");
            pbc[i] = b;
        }
        return pbc;
    }

    private void checkNotSingular(double[] c, long at) {
        double det = c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
        double na = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        double nb = Math.sqrt(c[3] * c[3] + c[4] * c[4] + c[5] * c[5]);
        double nc = Math.sqrt(c[6] * c[6] + c[7] * c[7] + c[8] * c[8]);
        double scale = na * nb * nc;
        if (scale == 0 || Math.abs(det) < SINGULAR_TOLERANCE * scale)
            throw error(at, "singular Lattice on a periodic frame (determinant " + det + ")");
    }

    private void parseProperties(String spec, Header h, long at) {
        String[] parts = spec.split(":", -1);
        if (parts.length % 3 != 0 || spec.isEmpty())
            throw error(at, "malformed Properties \"" + spec + "\": expected name:type:width triplets");
        List<Prop> props = new ArrayList<>();
        int offset = 0;
        boolean species = false, pos = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < parts.length; i += 3) {
            String name = parts[i];
            String type = parts[i + 1];
            String w = parts[i + 2];
            if (name.isEmpty()) throw error(at, "malformed Properties \"" + spec + "\": empty column name");
            if (!seen.add(name)) throw error(at, "malformed Properties \"" + spec + "\": column '" + name + "' given twice");
            if (type.length() != 1 || "RISL".indexOf(Character.toUpperCase(type.charAt(0))) < 0)
                throw error(at, "malformed Properties \"" + spec + "\": type '" + type + "' of column '" + name + "' is not R, I, S or L");
            char tc = Character.toUpperCase(type.charAt(0));
            int width;
            try {
                width = Integer.parseInt(w);
            } catch (NumberFormatException e) {
                throw error(at, "malformed Properties \"" + spec + "\": width '" + w + "' of column '" + name + "' is not a positive integer");
            }
            if (width <= 0)
                throw error(at, "malformed Properties \"" + spec + "\": width '" + w + "' of column '" + name + "' is not a positive integer");
            Role role = Role.EXTRA;
            if (name.equals("species")) {
                if (tc != 'S' || width != 1) throw error(at, "malformed Properties \"" + spec + "\": species must be species:S:1");
                role = Role.SPECIES;
                species = true;
            } else if (name.equals("pos")) {
                if (tc != 'R' || width != 3) throw error(at, "malformed Properties \"" + spec + "\": pos must be pos:R:3");
                role = Role.POS;
                pos = true;
            }
            props.add(new Prop(name, tc, width, offset, role));
            offset += width;
        }
        if (!species) throw error(at, "malformed Properties \"" + spec + "\": no species:S:1 column");
        if (!pos) throw error(at, "malformed Properties \"" + spec + "\": no pos:R:3 column");
        h.props = props;
        h.totalWidth = offset;
        h.plain = false;
    }
}
