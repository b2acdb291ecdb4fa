package io.atomcover.descriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Slow, obviously-correct references for the tests: neighbours by enumerating a generous box of
 * lattice shifts over all atoms, and the descriptor straight from the formulas of docs/methods.md
 * (full k×k matrix, library sort of every row, column means).
 */
final class Reference {
    private Reference() {
    }

    /** One neighbour: distance, atom index and displacement from the centre. */
    record Nb(double distance, int atom, double dx, double dy, double dz) {
    }

    /** All neighbours of atom i within rc (strictly), sorted by distance then atom index. */
    static List<Nb> neighbours(double[] pos, double[] cell, boolean[] pbc, double rc, int i) {
        int[] range = new int[3];
        if (cell != null) {
            for (int a = 0; a < 3; a++) {
                if (!pbc[a]) continue;
                double[] u = row(cell, (a + 1) % 3), w = row(cell, (a + 2) % 3), v = row(cell, a);
                double[] n = {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
                double height = Math.abs(v[0] * n[0] + v[1] * n[1] + v[2] * n[2]) / Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                // atoms are not wrapped here, so allow for them being up to a few cells away from each other
                range[a] = (int) Math.ceil(rc / height) + 3;
            }
        }
        List<Nb> out = new ArrayList<>();
        int atoms = pos.length / 3;
        for (int na = -range[0]; na <= range[0]; na++)
            for (int nb = -range[1]; nb <= range[1]; nb++)
                for (int nc = -range[2]; nc <= range[2]; nc++)
                    for (int j = 0; j < atoms; j++) {
                        if (j == i && na == 0 && nb == 0 && nc == 0) continue;
                        double[] d = new double[3];
                        for (int t = 0; t < 3; t++) {
                            double shift = cell == null ? 0 : na * cell[t] + nb * cell[3 + t] + nc * cell[6 + t];
                            d[t] = pos[3 * j + t] + shift - pos[3 * i + t];
                        }
                        double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                        if (r < rc) out.add(new Nb(r, j, d[0], d[1], d[2]));
                    }
        out.sort(Comparator.comparingDouble(Nb::distance).thenComparingInt(Nb::atom));
        return out;
    }

    /** The descriptor row of atom i, literally as docs/methods.md, "QUESTS descriptors", writes it. */
    static double[] descriptor(double[] pos, double[] cell, boolean[] pbc, int k, double rc, int i) {
        List<Nb> all = neighbours(pos, cell, pbc, rc, i);
        List<Nb> nb = all.subList(0, Math.min(k, all.size()));
        double[] row = new double[2 * k - 1];
        for (int j = 0; j < nb.size(); j++) {
            double r = nb.get(j).distance() + 1e-16;
            row[j] = weight(r, rc) / r;
        }
        double[][] m = new double[k][k];
        for (int j = 0; j < nb.size(); j++)
            for (int l = 0; l < nb.size(); l++) {
                if (j == l) continue;
                Nb a = nb.get(j), b = nb.get(l);
                double d = Math.sqrt(sq(a.dx() - b.dx()) + sq(a.dy() - b.dy()) + sq(a.dz() - b.dz()));
                m[j][l] = Math.sqrt(weight(a.distance(), rc) * weight(b.distance(), rc)) / (d + 1e-15);
            }
        for (double[] r : m) Arrays.sort(r);
        double[] c = new double[k];
        for (int l = 0; l < k; l++) {
            double s = 0;
            for (int j = 0; j < k; j++) s += m[j][l];
            c[l] = s / k;
        }
        for (int t = 0; t < k - 1; t++) row[k + t] = c[k - 1 - t];
        return row;
    }

    static double weight(double r, double rc) {
        double z = Math.min(r, rc) / rc;
        return (1 - z * z) * (1 - z * z);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double[] row(double[] cell, int a) {
        return new double[] {cell[3 * a], cell[3 * a + 1], cell[3 * a + 2]};
    }
}
