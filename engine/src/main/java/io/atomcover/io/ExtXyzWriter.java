package io.atomcover.io;

import io.atomcover.structure.AtomColumn;

import io.atomcover.structure.Structure;
import io.atomcover.structure.Dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes structures as extended XYZ in the ASE dialect: {@code Lattice="..."} when there is a cell,
 * {@code Properties=species:S:1:pos:R:3} followed by every extra column, the info pairs in their order
 * (quoted when a value is empty or has spaces, quotes, backslashes or '='), then {@code pbc="T T F"}.
 * {@link ExtXyzReader} reads the result back to an identical structure.
 *
 * <p>Number format. Positions and cell values are written with {@link Double#toString(double)}, whose
 * output is specified to parse back ({@link Double#parseDouble}) to exactly the same double, so values
 * round-trip bit for bit (including -0.0) without keeping the original text. Keeping the three
 * original tokens per atom instead would have made files byte-identical but costs three String
 * objects (~150 bytes) per atom held for the whole dataset, which matters for the multi-million-atom
 * inputs this engine is meant for, and structures built in memory have no tokens anyway. Extra
 * columns are stored as tokens by {@link AtomColumn} and are written verbatim, so they are byte-faithful.
 * Python/NumPy parse both forms ("1.0E-5" included).
 *
 * <p>ASE compatibility (checked by hand with ASE 3.29 on a subset of the silicon set and on a frame with
 * every column type): ASE reads these files back to the same positions, cell, pbc, forces, energy and info.
 * One ASE limitation remains: its comment-line parser cannot take an empty quoted value ({@code key=""})
 * and swallows the following pair into it; {@link ExtXyzReader} reads such values correctly.
 *
 * <p>Files are written through {@link AtomicFiles}: a failure leaves an existing file untouched. A name
 * ending in .gz, .xz or .bz2 gets a compressed file.
 */
public final class ExtXyzWriter {
    private static final int NUMBER_WIDTH = 20;

    private ExtXyzWriter() {
    }

    /** Writes all frames to {@code file}, atomically. */
    public static void write(Path file, List<Structure> frames) throws IOException {
        for (Structure s : frames) validate(s);
        AtomicFiles.writeCompressed(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (Structure s : frames) write(w, s);
            w.flush();
        });
    }

    /** Writes the frames {@code frameIndices} of {@code data}, in that order (repeats allowed), atomically. */
    public static void write(Path file, Dataset data, int[] frameIndices) throws IOException {
        Structure[] chosen = new Structure[frameIndices.length];
        for (int k = 0; k < frameIndices.length; k++) {
            int s = frameIndices[k];
            if (s < 0 || s >= data.size())
                throw new IndexOutOfBoundsException("frame index " + s + " out of range for " + data.size() + " frames");
            chosen[k] = data.get(s);
        }
        write(file, List.of(chosen));
    }

    /** Appends one frame to {@code out} (not flushed). */
    public static void write(Writer out, Structure s) throws IOException {
        validate(s);
        StringBuilder sb = new StringBuilder(256);
        sb.append(s.size()).append('\n');
        if (s.hasCell()) {
            sb.append("Lattice=\"");
            double[] c = s.cell();
            for (int i = 0; i < 9; i++) {
                if (i > 0) sb.append(' ');
                sb.append(Double.toString(c[i]));
            }
            sb.append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3");
        for (AtomColumn col : s.columns())
            sb.append(':').append(col.name()).append(':').append(col.type()).append(':').append(col.width());
        for (Map.Entry<String, String> e : s.info().entrySet()) {
            sb.append(' ');
            CommentLine.appendPair(sb, e.getKey(), e.getValue());
        }
        sb.append(" pbc=\"").append(s.periodic(0) ? 'T' : 'F').append(' ')
                .append(s.periodic(1) ? 'T' : 'F').append(' ').append(s.periodic(2) ? 'T' : 'F').append("\"\n");
        out.write(sb.toString());

        int symWidth = 2;
        for (int a = 0; a < s.size(); a++) symWidth = Math.max(symWidth, s.symbol(a).length());
        double[] p = s.positions();
        List<AtomColumn> cols = s.columns();
        for (int a = 0; a < s.size(); a++) {
            sb.setLength(0);
            String sym = s.symbol(a);
            sb.append(sym);
            pad(sb, symWidth - sym.length());
            for (int k = 0; k < 3; k++) appendField(sb, Double.toString(p[3 * a + k]));
            for (AtomColumn col : cols) {
                String[] t = col.tokens();
                int w = col.width();
                for (int k = 0; k < w; k++) appendField(sb, t[a * w + k]);
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }

    private static void appendField(StringBuilder sb, String token) {
        sb.append(' ');
        pad(sb, NUMBER_WIDTH - token.length());
        sb.append(token);
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }

    /** Rejects what could not be read back as written (thrown before any output is produced). */
    private static void validate(Structure s) {
        double[] p = s.positions();
        for (int i = 0; i < p.length; i++)
            if (!Double.isFinite(p[i])) throw new IllegalArgumentException("non-finite coordinate of atom " + i / 3);
        if (s.hasCell())
            for (double v : s.cell()) if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite cell value");
        for (String key : s.info().keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("lattice") || lower.equals("properties") || lower.equals("pbc"))
                throw new IllegalArgumentException("info key '" + key + "' is reserved in extended XYZ");
            if (key.isEmpty()) throw new IllegalArgumentException("empty info key");
        }
        for (AtomColumn col : s.columns()) {
            String n = col.name();
            if (n.equals("species") || n.equals("pos"))
                throw new IllegalArgumentException("extra column may not be called '" + n + "'");
            if (n.isEmpty() || n.indexOf(':') >= 0 || hasSpace(n))
                throw new IllegalArgumentException("bad column name '" + n + "'");
            if ("RISL".indexOf(col.type()) < 0)
                throw new IllegalArgumentException("column '" + n + "' has type '" + col.type() + "', not R, I, S or L");
            for (String t : col.tokens())
                if (t == null || t.isEmpty() || hasSpace(t))
                    throw new IllegalArgumentException("column '" + n + "' has an empty token or one with whitespace");
        }
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return true;
        return false;
    }
}
