package io.atomcover.io;

import java.util.List;
import java.util.Locale;

/**
 * The structure file formats read, and how a file's format is recognised: by its name first (after
 * any {@code .gz}/{@code .xz}/{@code .bz2} suffix), then by its first lines.
 */
public enum StructureFormat {
    EXTXYZ("extxyz"),
    POSCAR("POSCAR/CONTCAR"),
    OUTCAR("OUTCAR"),
    VASPRUN("vasprun.xml"),
    LAMMPS_DUMP("LAMMPS dump"),
    LAMMPS_DATA("LAMMPS data");

    /** The list printed when a file is in none of the formats. */
    public static final String SUPPORTED =
            "extxyz, xyz, POSCAR/CONTCAR, OUTCAR, vasprun.xml, LAMMPS dump, LAMMPS data (optionally .gz/.xz/.bz2)";

    private final String label;

    StructureFormat(String label) {
        this.label = label;
    }

    /** The name users know the format by. */
    public String label() {
        return label;
    }

    /** The format a file name asks for ({@code name} without a compression suffix), or null when it says nothing. */
    public static StructureFormat byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".extxyz") || n.endsWith(".xyz")) return EXTXYZ;
        if (n.startsWith("poscar") || n.startsWith("contcar") || n.endsWith(".poscar") || n.endsWith(".vasp")) return POSCAR;
        if (n.startsWith("outcar") || n.endsWith(".outcar")) return OUTCAR;
        if (n.endsWith(".xml") && n.contains("vasprun")) return VASPRUN;
        if (n.endsWith(".lammpstrj") || n.endsWith(".dump") || n.startsWith("dump.")) return LAMMPS_DUMP;
        if (n.endsWith(".data") || n.endsWith(".lmp") || n.startsWith("data.")) return LAMMPS_DATA;
        return null;
    }

    /** The format the first lines of a file show, or null when they fit none. */
    public static StructureFormat byContent(List<String> head) {
        int first = 0;
        while (first < head.size() && head.get(first).isBlank()) first++;
        if (first == head.size()) return null;
        String l0 = head.get(first).strip();
        if (l0.startsWith("<?xml") || l0.startsWith("<modeling")) return VASPRUN;
        if (l0.startsWith("ITEM:")) return LAMMPS_DUMP;
        // before the atom count: a POSCAR's comment line may be blank and its scale factor "1"
        if (looksLikePoscar(head)) return POSCAR;
        if (l0.matches("[0-9]+")) return EXTXYZ;
        if (first == 0 && l0.startsWith("vasp.")) return OUTCAR;
        for (int i = 1; i < Math.min(head.size(), 40); i++)
            if (head.get(i).strip().matches("[0-9]+\\s+atoms(\\s*#.*)?")) return LAMMPS_DATA;
        return null;
    }

    /** Line 2 one or three numbers, lines 3-5 three numbers each. */
    private static boolean looksLikePoscar(List<String> head) {
        if (head.size() < 6) return false;
        String[] scale = TextLines.tokens(head.get(1));
        if ((scale.length != 1 && scale.length != 3) || !allNumbers(scale)) return false;
        for (int r = 2; r < 5; r++) {
            String[] t = TextLines.tokens(head.get(r));
            if (t.length != 3 || !allNumbers(t)) return false;
        }
        return true;
    }

    private static boolean allNumbers(String[] t) {
        for (String s : t) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
