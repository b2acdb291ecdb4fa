package io.atomcover.io;

import io.atomcover.structure.AtomColumn;
import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VASP OUTCAR: every ionic step is a periodic frame. The elements come from the header's
 * {@code TITEL} lines (else its {@code VRHFIN} lines, else the first half of its {@code POTCAR:}
 * lines, which VASP prints twice), expanded by {@code ions per type}. Each step takes the last
 * {@code direct lattice vectors} block before its {@code POSITION ... TOTAL-FORCE} table (positions
 * in Å, forces in eV/Å), and its energies from the {@code FREE ENERGIE OF THE ION-ELECTRON SYSTEM}
 * block that follows: {@code energy} is energy(sigma->0) and {@code free_energy} is TOTEN, as ASE
 * reads them. A step cut off by the end of the file is an error.
 */
final class OutcarReader {
    private static final String SCF_DELIMITER = "FREE ENERGIE OF THE ION-ELECTRON SYSTEM";

    private OutcarReader() {
    }

    static List<Structure> read(TextLines in) {
        List<String> titel = new ArrayList<>(), vrhfin = new ArrayList<>(), potcar = new ArrayList<>();
        int[] perType = null;
        long perTypeLine = 0;
        String[] symbols = null;
        double[] cell = null;
        List<Structure> frames = new ArrayList<>();
        double[] pos = null, forces = null;
        long positionLine = 0;
        String line;
        while ((line = in.next()) != null) {
            if (symbols == null) {
                if (line.contains("TITEL")) titel.add(potcarSymbol(in, afterEquals(line), "TITEL"));
                else if (line.contains("VRHFIN")) vrhfin.add(vrhfinSymbol(in, line));
                else if (line.contains("POTCAR:")) potcar.add(potcarSymbol(in, line.substring(line.indexOf("POTCAR:") + 7), "POTCAR"));
                else if (line.contains("ions per type")) {
                    String[] t = TextLines.tokens(afterEquals(line));
                    perType = new int[t.length];
                    for (int i = 0; i < t.length; i++) perType[i] = in.count(t[i], 0, "ions per type");
                    perTypeLine = in.lineNo();
                }
            }
            if (line.contains("direct lattice vectors")) {
                cell = new double[9];
                for (int r = 0; r < 3; r++) {
                    String[] t = TextLines.tokens(in.require("lattice vector " + (r + 1)));
                    if (t.length < 3) throw in.error("expected 3 numbers (lattice vector " + (r + 1) + ") but found " + t.length);
                    for (int k = 0; k < 3; k++) cell[3 * r + k] = in.real(t[k], "lattice vector " + (r + 1));
                }
            } else if (line.contains("POSITION") && line.contains("TOTAL-FORCE")) {
                if (symbols == null) symbols = symbols(in, titel, vrhfin, potcar, perType, perTypeLine);
                if (cell == null) throw in.error("forces of an ionic step before any 'direct lattice vectors' block");
                if (pos != null)
                    throw in.error("a second POSITION/TOTAL-FORCE table before the energy of the step at line " + positionLine);
                positionLine = in.lineNo();
                in.require("the dashes under POSITION/TOTAL-FORCE");
                int n = symbols.length;
                pos = new double[3 * n];
                forces = new double[3 * n];
                for (int a = 0; a < n; a++) {
                    String[] t = in.tokens(in.require("position and force of atom " + (a + 1) + " of " + n), 6, "x y z fx fy fz");
                    for (int k = 0; k < 3; k++) {
                        pos[3 * a + k] = in.real(t[k], "position");
                        forces[3 * a + k] = in.real(t[3 + k], "force");
                    }
                }
                String dashes = in.require("the dashes after the last atom");
                if (!dashes.strip().startsWith("---"))
                    throw in.error("expected the dashes that close the table of " + n + " atoms (ions per type, line "
                            + perTypeLine + ") but found '" + dashes.strip() + "'");
            } else if (line.contains(SCF_DELIMITER)) {
                if (pos == null) continue; // the energy of a step without forces (e.g. a single-point run without them)
                double[] energies = energies(in);
                Map<String, String> info = new LinkedHashMap<>();
                info.put("energy", Double.toString(energies[0]));
                info.put("free_energy", Double.toString(energies[1]));
                frames.add(new Structure(symbols.clone(), pos, cell.clone(), new boolean[]{true, true, true}, info,
                        List.of(forcesColumn(forces))));
                pos = null;
                forces = null;
            }
        }
        if (pos != null)
            throw in.error(in.lineNo() + 1, "file ends inside the ionic step whose forces start at line " + positionLine
                    + " (no energy block; truncated file?)");
        if (frames.isEmpty()) {
            if (symbols == null && perType == null)
                throw in.error(0, "no 'ions per type' line: not a complete VASP OUTCAR");
            throw in.error(0, "no ionic step with positions, forces and energy");
        }
        return frames;
    }

    /** energy(sigma->0) and TOTEN from the lines after the delimiter. */
    private static double[] energies(TextLines in) {
        double e0 = Double.NaN, free = Double.NaN;
        for (int i = 0; i < 6 && (Double.isNaN(e0) || Double.isNaN(free)); i++) {
            String l = in.require("the energies after '" + SCF_DELIMITER + "'");
            int t = l.indexOf("TOTEN");
            if (t >= 0) free = in.real(firstToken(afterEquals(l.substring(t))), "TOTEN");
            int z = l.indexOf("energy(sigma->0)");
            if (z >= 0) e0 = in.real(firstToken(afterEquals(l.substring(z))), "energy(sigma->0)");
        }
        if (Double.isNaN(free) || Double.isNaN(e0))
            throw in.error("expected 'free  energy   TOTEN  =' and 'energy(sigma->0) =' within 6 lines of '" + SCF_DELIMITER + "'");
        return new double[]{e0, free};
    }

    private static String[] symbols(TextLines in, List<String> titel, List<String> vrhfin, List<String> potcar,
                                    int[] perType, long perTypeLine) {
        if (perType == null) throw in.error("an ionic step before the 'ions per type' line of the header");
        List<String> species = !titel.isEmpty() ? titel : !vrhfin.isEmpty() ? vrhfin
                : potcar.subList(0, (potcar.size() + 1) / 2);
        if (species.size() != perType.length)
            throw in.error(perTypeLine, "'ions per type' gives " + perType.length + " counts but the header names "
                    + species.size() + " potentials " + species + " (TITEL/VRHFIN/POTCAR lines)");
        int n = 0;
        for (int c : perType) n += c;
        String[] symbols = new String[n];
        int a = 0;
        for (int i = 0; i < perType.length; i++)
            for (int j = 0; j < perType[i]; j++) symbols[a++] = species.get(i);
        return symbols;
    }

    /** "PAW_PBE Fe_pv 02Aug2007" → "Fe"; "H1.25" → "H"; "H 1/r potential" → "H". */
    private static String potcarSymbol(TextLines in, String text, String key) {
        String[] t = TextLines.tokens(text);
        String name = text.contains("1/r potential") && t.length > 0 ? t[0] : t.length > 1 ? t[1] : "";
        name = name.split("_")[0];
        StringBuilder letters = new StringBuilder();
        for (char c : name.toCharArray()) if (Character.isLetter(c)) letters.append(c);
        String sym = letters.toString();
        if (Elements.atomicNumber(sym) <= 0) throw in.error("no element symbol in the " + key + " line '" + text.strip() + "'");
        return sym;
    }

    /** "VRHFIN =Si: s p" → "Si". */
    private static String vrhfinSymbol(TextLines in, String line) {
        String v = afterEquals(line).strip();
        int colon = v.indexOf(':');
        String sym = (colon >= 0 ? v.substring(0, colon) : v).strip();
        if (Elements.atomicNumber(sym) <= 0) throw in.error("no element symbol in the VRHFIN line '" + line.strip() + "'");
        return sym;
    }

    private static String afterEquals(String s) {
        int eq = s.indexOf('=');
        return eq < 0 ? s : s.substring(eq + 1);
    }

    private static String firstToken(String s) {
        String[] t = TextLines.tokens(s);
        return t.length == 0 ? "" : t[0];
    }

    /** A {@code forces:R:3} column, as the extended-XYZ reader would give it. */
    static AtomColumn forcesColumn(double[] forces) {
        String[] tokens = new String[forces.length];
        for (int i = 0; i < forces.length; i++) tokens[i] = Double.toString(forces[i]);
        return new AtomColumn("forces", 'R', 3, tokens, forces);
    }
}
