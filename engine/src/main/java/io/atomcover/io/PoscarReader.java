package io.atomcover.io;

import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VASP POSCAR/CONTCAR: one periodic structure. Line 2 is the scale factor (one value; negative: the
 * cell volume in Å³; three values: per-axis factors), lines 3-5 the lattice vectors, then the element
 * line (VASP 5; a VASP 4 file without it needs the elements of types 1, 2, ... from
 * {@link ReadOptions}), the counts per element, an optional "Selective dynamics" line, "Direct" or
 * "Cartesian" and one line per atom. Element names such as {@code Si_pv} or {@code Si/1a2b} (VASP 6
 * POTCAR hashes) are cut at '_' or '/'. Selective-dynamics flags are checked (T or F) but not kept;
 * anything after the atom lines (velocities, predictor-corrector data) is ignored. The comment line
 * is kept as {@code info["comment"]}.
 */
final class PoscarReader {
    private PoscarReader() {
    }

    static List<Structure> read(TextLines in, ReadOptions options) {
        String comment = in.require("the comment line");
        String scaleLine = in.require("the scale factor");
        String[] st = TextLines.tokens(scaleLine);
        if (st.length != 1 && st.length != 3)
            throw in.error("expected the scale factor (one number, or three) but found '" + scaleLine.strip() + "'");
        double[] scale = new double[st.length];
        for (int i = 0; i < st.length; i++) scale[i] = in.real(st[i], "scale factor");
        double[] cell = new double[9];
        for (int r = 0; r < 3; r++) {
            String[] t = TextLines.tokens(in.require("lattice vector " + (r + 1)));
            if (t.length < 3) throw in.error("expected 3 numbers (lattice vector " + (r + 1) + ") but found " + t.length);
            for (int k = 0; k < 3; k++) cell[3 * r + k] = in.real(t[k], "lattice vector " + (r + 1));
        }
        long scaleLineNo = 2;
        if (scale.length == 1) {
            double f = scale[0];
            if (f == 0) throw in.error(scaleLineNo, "scale factor 0");
            if (f < 0) {
                double vol = Math.abs(det(cell));
                if (vol == 0) throw in.error(scaleLineNo, "negative scale factor (a volume) with a singular cell");
                f = Math.pow(-f / vol, 1.0 / 3.0);
            }
            for (int i = 0; i < 9; i++) cell[i] *= f;
            scale = new double[]{f, f, f};
        } else {
            for (int i = 0; i < 3; i++) {
                if (!(scale[i] > 0)) throw in.error(scaleLineNo, "per-axis scale factors must be positive");
                for (int r = 0; r < 3; r++) cell[3 * r + i] *= scale[i];
            }
        }
        if (Math.abs(det(cell)) == 0) throw in.error(5, "singular lattice (determinant 0)");

        String line = in.require("the element names or counts line");
        String[] t = TextLines.tokens(line);
        if (t.length == 0) throw in.error("blank line where the element names or the atom counts were expected");
        String[] names = null;
        long namesLine = 0;
        if (!isInteger(t[0])) {
            names = new String[t.length];
            for (int i = 0; i < t.length; i++) {
                names[i] = element(t[i]);
                if (Elements.atomicNumber(names[i]) <= 0)
                    throw in.error("unknown element '" + t[i] + "' in the element line");
            }
            namesLine = in.lineNo();
            line = in.require("the atom counts line");
            t = TextLines.tokens(line);
        }
        int[] counts = new int[t.length];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            counts[i] = in.count(t[i], 0, "atom count of type " + (i + 1));
            n += counts[i];
        }
        if (t.length == 0) throw in.error("no atom counts");
        if (names != null && names.length != counts.length)
            throw in.error("the element line (line " + namesLine + ") names " + names.length + " elements but this line gives "
                    + counts.length + " counts; they must match");
        if (names == null) {
            names = new String[counts.length];
            for (int i = 0; i < counts.length; i++) {
                names[i] = options.element(i + 1);
                if (names[i] == null)
                    throw in.error("no element line (VASP 4 format) and no element for type " + (i + 1)
                            + "; add the element line or give --types 1=EL,2=EL...");
            }
        }

        line = in.require("'Direct' or 'Cartesian'");
        boolean selective = false;
        if (firstLetter(line) == 's') {
            selective = true;
            line = in.require("'Direct' or 'Cartesian'");
        }
        char mode = firstLetter(line);
        boolean cartesian = mode == 'c' || mode == 'k';
        if (!cartesian && mode != 'd')
            throw in.error("expected 'Direct' or 'Cartesian' (or 'Selective dynamics') but found '" + line.strip() + "'");

        String[] symbols = new String[n];
        double[] pos = new double[3 * n];
        int a = 0;
        for (int type = 0; type < counts.length; type++) {
            for (int j = 0; j < counts[type]; j++, a++) {
                String[] c = TextLines.tokens(in.require("the coordinates of atom " + (a + 1) + " of " + n));
                int need = selective ? 6 : 3;
                if (c.length < need)
                    throw in.error("expected " + need + " values (x y z" + (selective ? " and 3 flags T/F" : "")
                            + ") for atom " + (a + 1) + " but found " + c.length);
                double x = in.real(c[0], "x"), y = in.real(c[1], "y"), z = in.real(c[2], "z");
                if (selective)
                    for (int k = 3; k < 6; k++)
                        if (!c[k].equals("T") && !c[k].equals("F"))
                            throw in.error("selective-dynamics flag '" + c[k] + "' of atom " + (a + 1) + " is not T or F");
                if (cartesian) {
                    pos[3 * a] = x * scale[0];
                    pos[3 * a + 1] = y * scale[1];
                    pos[3 * a + 2] = z * scale[2];
                } else {
                    for (int k = 0; k < 3; k++) pos[3 * a + k] = x * cell[k] + y * cell[3 + k] + z * cell[6 + k];
                }
                symbols[a] = names[type];
            }
        }
        Map<String, String> info = new LinkedHashMap<>();
        if (!comment.isBlank()) info.put("comment", comment.strip());
        List<Structure> out = new ArrayList<>(1);
        out.add(new Structure(symbols, pos, cell, new boolean[]{true, true, true}, info, null));
        return out;
    }

    /** "Si_pv" → "Si", "Si/a1b2c3" → "Si". */
    static String element(String name) {
        int cut = name.length();
        int u = name.indexOf('_'), s = name.indexOf('/');
        if (u > 0) cut = Math.min(cut, u);
        if (s > 0) cut = Math.min(cut, s);
        return name.substring(0, cut);
    }

    private static boolean isInteger(String t) {
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '+' || c == '-'))) return false;
        }
        return true;
    }

    private static char firstLetter(String line) {
        String s = line.strip();
        return s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(0));
    }

    static double det(double[] c) {
        return c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
    }
}
