package io.atomcover.io;

import io.atomcover.structure.AtomColumn;
import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LAMMPS text dump ({@code dump atom} or {@code dump custom}): every snapshot is a frame. The box
 * is orthogonal ({@code ITEM: BOX BOUNDS pp pp pp}) or triclinic ({@code ITEM: BOX BOUNDS xy xz yz pp
 * pp pp}, bounds given as LAMMPS writes them, with the tilts in the third column); the cell is
 * built as ASE builds it, and an axis is periodic when its flag is {@code pp}. Positions come from the
 * first of the column sets {@code x y z}, {@code xs ys zs}, {@code xu yu zu}, {@code xsu ysu zsu}
 * (scaled ones are turned into Cartesian coordinates from the box origin); elements from an
 * {@code element} column, else from {@code type} through {@link ReadOptions#types()}. {@code fx fy
 * fz} become the {@code forces} column and the timestep {@code info["timestep"]}. Atoms are sorted by
 * {@code id} when there is one, as LAMMPS writes them in any order.
 */
final class LammpsDumpReader {
    private static final String[][] POSITION_COLUMNS = {
            {"x", "y", "z"}, {"xs", "ys", "zs"}, {"xu", "yu", "zu"}, {"xsu", "ysu", "zsu"}};

    private LammpsDumpReader() {
    }

    static List<Structure> read(TextLines in, ReadOptions options) {
        List<Structure> frames = new ArrayList<>();
        String line;
        while ((line = in.nextNonBlank()) != null) {
            in.pushBack(line);
            frames.add(frame(in, options));
        }
        if (frames.isEmpty()) throw in.error(0, "no snapshot in the file");
        return frames;
    }

    private static String item(TextLines in, String what) {
        String line = in.require("'ITEM: " + what + "'");
        String s = line.strip();
        if (!s.startsWith("ITEM:")) throw in.error("expected 'ITEM: " + what + "' but found '" + s + "'");
        return s.substring(5).strip();
    }

    private static Structure frame(TextLines in, ReadOptions options) {
        String it = item(in, "TIMESTEP");
        // LAMMPS may write the units and the time before the timestep
        while (it.startsWith("UNITS") || it.startsWith("TIME") && !it.startsWith("TIMESTEP")) {
            in.require("the value of ITEM: " + it);
            it = item(in, "TIMESTEP");
        }
        if (!it.equals("TIMESTEP")) throw in.error("expected 'ITEM: TIMESTEP' but found 'ITEM: " + it + "'");
        long timestep = in.integer(in.tokens(in.require("the timestep"), 1, "timestep")[0], "timestep");
        it = item(in, "NUMBER OF ATOMS");
        if (!it.equals("NUMBER OF ATOMS")) throw in.error("expected 'ITEM: NUMBER OF ATOMS' but found 'ITEM: " + it + "'");
        int n = in.count(in.tokens(in.require("the number of atoms"), 1, "number of atoms")[0], 0, "number of atoms");
        it = item(in, "BOX BOUNDS");
        if (!it.startsWith("BOX BOUNDS")) throw in.error("expected 'ITEM: BOX BOUNDS' but found 'ITEM: " + it + "'");
        String[] labels = TextLines.tokens(it.substring(10));
        boolean triclinic = labels.length >= 3 && Arrays.asList(labels).contains("xy");
        String[] flags = triclinic ? Arrays.copyOfRange(labels, 3, labels.length) : labels;
        if (flags.length != 0 && flags.length != 3) throw in.error("expected 3 boundary flags (as pp pp pp) but found " + flags.length);
        boolean[] pbc = new boolean[3];
        for (int k = 0; k < flags.length; k++) pbc[k] = flags[k].toLowerCase().contains("p");
        double[] lo = new double[3], hi = new double[3], tilt = new double[3];
        for (int k = 0; k < 3; k++) {
            String[] t = in.tokens(in.require("box bounds " + (k + 1)), triclinic ? 3 : 2, triclinic ? "lo hi tilt" : "lo hi");
            lo[k] = in.real(t[0], "box bound");
            hi[k] = in.real(t[1], "box bound");
            if (triclinic) tilt[k] = in.real(t[2], "tilt factor");
        }
        double xy = 0, xz = 0, yz = 0;
        if (triclinic) {
            List<String> order = Arrays.asList(labels).subList(0, 3);
            if (!order.contains("xy") || !order.contains("xz") || !order.contains("yz"))
                throw in.error(in.lineNo() - 3, "triclinic box labels must be xy xz yz, found " + order);
            xy = tilt[order.indexOf("xy")];
            xz = tilt[order.indexOf("xz")];
            yz = tilt[order.indexOf("yz")];
        }
        // LAMMPS writes the bounding box of a tilted cell; ASE's construct_cell undoes that
        double[] cell = {
                hi[0] - lo[0] - Math.abs(xy) - Math.abs(xz), 0, 0,
                xy, hi[1] - lo[1] - Math.abs(yz), 0,
                xz, yz, hi[2] - lo[2]};
        double[] origin = {lo[0] - Math.min(0, xy) - Math.min(0, xz), lo[1] - Math.min(0, yz), lo[2]};

        it = item(in, "ATOMS");
        if (!it.startsWith("ATOMS")) throw in.error("expected 'ITEM: ATOMS' but found 'ITEM: " + it + "'");
        long header = in.lineNo();
        List<String> cols = Arrays.asList(TextLines.tokens(it.substring(5)));
        int idCol = cols.indexOf("id"), elementCol = cols.indexOf("element"), typeCol = cols.indexOf("type");
        if (elementCol < 0 && typeCol < 0) throw in.error("no 'element' or 'type' column in ITEM: ATOMS");
        int[] posCols = null;
        boolean scaled = false;
        for (int s = 0; s < POSITION_COLUMNS.length && posCols == null; s++) {
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) c[k] = cols.indexOf(POSITION_COLUMNS[s][k]);
            if (c[0] >= 0 && c[1] >= 0 && c[2] >= 0) {
                posCols = c;
                scaled = s == 1 || s == 3;
            }
        }
        if (posCols == null) throw in.error("no position columns (x y z, xs ys zs, xu yu zu or xsu ysu zsu) in ITEM: ATOMS");
        int[] forceCols = {cols.indexOf("fx"), cols.indexOf("fy"), cols.indexOf("fz")};
        boolean hasForces = forceCols[0] >= 0 && forceCols[1] >= 0 && forceCols[2] >= 0;

        long[] ids = new long[n];
        String[] symbols = new String[n];
        double[] pos = new double[3 * n];
        double[] forces = hasForces ? new double[3 * n] : null;
        for (int a = 0; a < n; a++) {
            String[] t = in.tokens(in.require("atom " + (a + 1) + " of " + n + " (ITEM: ATOMS at line " + header + ")"),
                    cols.size(), String.join(" ", cols));
            if (idCol >= 0) ids[a] = in.integer(t[idCol], "id");
            if (elementCol >= 0) {
                symbols[a] = t[elementCol];
                if (Elements.atomicNumber(symbols[a]) <= 0) throw in.error("unknown element '" + t[elementCol] + "'");
            } else {
                long type = in.integer(t[typeCol], "type");
                symbols[a] = type >= 1 && type <= Integer.MAX_VALUE ? options.element((int) type) : null;
                if (symbols[a] == null)
                    throw in.error("atom type " + type + " has no element (the dump has no element column): give --types "
                            + type + "=EL");
            }
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) v[k] = in.real(t[posCols[k]], cols.get(posCols[k]));
            for (int k = 0; k < 3; k++)
                pos[3 * a + k] = scaled ? origin[k] + (v[0] * cell[k] + v[1] * cell[3 + k] + v[2] * cell[6 + k]) : v[k];
            if (hasForces) for (int k = 0; k < 3; k++) forces[3 * a + k] = in.real(t[forceCols[k]], cols.get(forceCols[k]));
        }
        if (idCol >= 0) {
            Integer[] order = new Integer[n];
            for (int a = 0; a < n; a++) order[a] = a;
            Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
            for (int a = 1; a < n; a++)
                if (ids[order[a]] == ids[order[a - 1]])
                    throw in.error(header, "atom id " + ids[order[a]] + " appears twice in this snapshot");
            String[] s2 = new String[n];
            double[] p2 = new double[3 * n];
            double[] f2 = hasForces ? new double[3 * n] : null;
            for (int a = 0; a < n; a++) {
                int from = order[a];
                s2[a] = symbols[from];
                System.arraycopy(pos, 3 * from, p2, 3 * a, 3);
                if (hasForces) System.arraycopy(forces, 3 * from, f2, 3 * a, 3);
            }
            symbols = s2;
            pos = p2;
            forces = f2;
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("timestep", Long.toString(timestep));
        List<AtomColumn> columns = hasForces ? List.of(OutcarReader.forcesColumn(forces)) : List.of();
        try {
            return new Structure(symbols, pos, cell, pbc, info, columns);
        } catch (IllegalArgumentException e) {
            throw in.error(header, e.getMessage());
        }
    }
}
