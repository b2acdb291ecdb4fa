package io.atomcover.io;

import io.atomcover.structure.Structure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LAMMPS data file ({@code write_data}): one periodic structure. The header gives {@code atoms},
 * {@code atom types} and the box ({@code xlo xhi}, {@code ylo yhi}, {@code zlo zhi}, optional {@code
 * xy xz yz}); the {@code Atoms} section is read in the style of its {@code # style} comment, or, when
 * there is none, the one its column count allows: atomic (id type x y z), charge (id type q x y z),
 * full (id mol type q x y z), or bond/angle/molecular (id mol type x y z), each optionally followed by
 * three image flags. Atoms keep the file's order (as ASE keeps it). A type's element comes from
 * {@link ReadOptions#types()}, else from its {@code Masses} entry when exactly one element has that
 * standard mass (within {@value StandardMasses#TOLERANCE} u). Other sections are skipped.
 */
final class LammpsDataReader {
    /** Atom styles read, and their column count without image flags. */
    private static final Map<String, Integer> STYLES = Map.of(
            "atomic", 5, "charge", 6, "full", 7, "bond", 6, "angle", 6, "molecular", 6);

    private LammpsDataReader() {
    }

    static List<Structure> read(TextLines in, ReadOptions options) {
        in.require("the title line");
        int atoms = -1, types = -1;
        double[] lo = {Double.NaN, Double.NaN, Double.NaN}, hi = new double[3];
        double xy = 0, xz = 0, yz = 0;
        String line;
        String section = null;
        // header: "value(s) keyword" lines up to the first section name
        while ((line = in.next()) != null) {
            String s = stripComment(line).strip();
            if (s.isEmpty()) continue;
            if (Character.isLetter(s.charAt(0))) {
                section = line;
                break;
            }
            String[] t = TextLines.tokens(s);
            String key = keyword(t);
            switch (key) {
                case "atoms" -> atoms = in.count(t[0], 0, "atoms");
                case "atom types" -> types = in.count(t[0], 1, "atom types");
                case "xlo xhi", "ylo yhi", "zlo zhi" -> {
                    int k = key.charAt(0) - 'x';
                    lo[k] = in.real(t[0], key);
                    hi[k] = in.real(t[1], key);
                }
                case "xy xz yz" -> {
                    xy = in.real(t[0], "xy");
                    xz = in.real(t[1], "xz");
                    yz = in.real(t[2], "yz");
                }
                default -> {
                    // counts of bonds, angles, ellipsoids...: not needed
                }
            }
        }
        if (atoms < 0) throw in.error(0, "no 'atoms' line in the header: not a LAMMPS data file");
        if (types < 0) throw in.error(0, "no 'atom types' line in the header");
        for (int k = 0; k < 3; k++)
            if (Double.isNaN(lo[k])) throw in.error(0, "no '" + "xyz".charAt(k) + "lo " + "xyz".charAt(k) + "hi' line in the header");

        Map<Integer, Double> masses = new HashMap<>();
        String[] symbols = null;
        double[] pos = null;
        Map<Integer, Long> typeLine = new LinkedHashMap<>();
        int[] typeOf = null;
        long atomsLine = 0;
        while (section != null) {
            String name = stripComment(section).strip();
            String comment = section.contains("#") ? section.substring(section.indexOf('#') + 1).strip() : "";
            long headerLine = in.lineNo();
            if (name.equals("Masses")) {
                for (int i = 0; i < types; i++) {
                    String[] t = TextLines.tokens(stripComment(entry(in, "Masses", i, types)));
                    if (t.length < 2) throw in.error("expected 'type mass' but found '" + String.join(" ", t) + "'");
                    int type = in.count(t[0], 1, "atom type");
                    if (type > types) throw in.error("atom type " + type + " beyond the " + types + " atom types of the header");
                    masses.put(type, in.real(t[1], "mass"));
                }
            } else if (name.equals("Atoms")) {
                atomsLine = headerLine;
                String style = comment.isEmpty() ? null : TextLines.tokens(comment)[0].toLowerCase(Locale.ROOT);
                if (style != null && !STYLES.containsKey(style))
                    throw in.error("atom style '" + style + "' is not read; supported: atomic, charge, full, bond, angle, molecular");
                symbols = new String[atoms];
                pos = new double[3 * atoms];
                typeOf = new int[atoms];
                for (int a = 0; a < atoms; a++) {
                    String[] t = TextLines.tokens(stripComment(entry(in, "Atoms", a, atoms)));
                    String st = style != null ? style : styleOf(in, t.length);
                    int width = STYLES.get(st);
                    if (t.length != width && t.length != width + 3)
                        throw in.error("expected " + width + " or " + (width + 3) + " columns for atom style " + st + " but found " + t.length);
                    in.integer(t[0], "atom id");
                    int typeCol = st.equals("atomic") || st.equals("charge") ? 1 : 2;
                    int x = width - 3;
                    typeOf[a] = in.count(t[typeCol], 1, "atom type");
                    if (typeOf[a] > types) throw in.error("atom type " + typeOf[a] + " beyond the " + types + " atom types of the header");
                    typeLine.putIfAbsent(typeOf[a], in.lineNo());
                    if (st.equals("charge") || st.equals("full")) in.real(t[typeCol + 1], "charge");
                    for (int k = 0; k < 3; k++) pos[3 * a + k] = in.real(t[x + k], "xyz".charAt(k) + "");
                    for (int k = width; k < t.length; k++) in.integer(t[k], "image flag");
                }
            } else {
                // a section not needed here: skip its lines up to the next section name
                section = null;
                while ((line = in.next()) != null) {
                    String s = stripComment(line).strip();
                    if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
                        section = line;
                        break;
                    }
                }
                continue;
            }
            section = null;
            while ((line = in.next()) != null) {
                String s = stripComment(line).strip();
                if (s.isEmpty()) continue;
                if (!Character.isLetter(s.charAt(0)))
                    throw in.error("more entries in the " + name + " section (line " + headerLine + ") than the header announces");
                section = line;
                break;
            }
        }
        if (symbols == null) throw in.error(0, "no Atoms section");
        String[] elementOfType = new String[types + 1];
        for (Map.Entry<Integer, Long> e : typeLine.entrySet()) {
            int type = e.getKey();
            String el = options.element(type);
            if (el == null && masses.containsKey(type)) el = StandardMasses.element(masses.get(type));
            if (el == null)
                throw in.error(e.getValue(), "atom type " + type + " has no element"
                        + (masses.containsKey(type) ? " (its mass " + masses.get(type) + " matches no single element)" : "")
                        + ": give --types " + type + "=EL");
            elementOfType[type] = el;
        }
        for (int a = 0; a < atoms; a++) symbols[a] = elementOfType[typeOf[a]];
        double[] cell = {hi[0] - lo[0], 0, 0, xy, hi[1] - lo[1], 0, xz, yz, hi[2] - lo[2]};
        if (PoscarReader.det(cell) == 0) throw in.error(atomsLine, "the box has zero volume");
        return List.of(new Structure(symbols, pos, cell, new boolean[]{true, true, true}, null, null));
    }

    /** The next non-blank line of a section (entry i of n). */
    private static String entry(TextLines in, String section, int i, int n) {
        String line;
        do {
            line = in.require("entry " + (i + 1) + " of " + n + " of the " + section + " section");
            if (!line.isBlank() && i == 0 && Character.isLetter(line.strip().charAt(0)))
                throw in.error("the " + section + " section is empty but should have " + n + " entries");
        } while (line.isBlank() && i == 0);
        if (line.isBlank() || Character.isLetter(line.strip().charAt(0)))
            throw in.error("the " + section + " section ends after " + i + " of " + n + " entries");
        return line;
    }

    private static String styleOf(TextLines in, int columns) {
        if (columns == 5 || columns == 8) return "atomic";
        if (columns == 7 || columns == 10) return "full";
        if (columns == 6 || columns == 9)
            throw in.error("6 columns fit atom style charge (id type q x y z) and bond/molecular (id mol type x y z): "
                    + "name the style after the section, as 'Atoms # charge'");
        throw in.error("cannot tell the atom style from " + columns + " columns; name it, as 'Atoms # atomic'");
    }

    /** The keyword of a header line: the words after its numbers ("2 atom types" → "atom types"). */
    private static String keyword(String[] t) {
        int i = 0;
        while (i < t.length && !Character.isLetter(t[i].charAt(0))) i++;
        return String.join(" ", Arrays.copyOfRange(t, i, t.length));
    }

    private static String stripComment(String line) {
        int h = line.indexOf('#');
        return h < 0 ? line : line.substring(0, h);
    }
}
