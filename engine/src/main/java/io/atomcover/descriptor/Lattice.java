package io.atomcover.descriptor;

/**
 * Geometry of a cell that is periodic along at least one lattice vector: reciprocal vectors
 * (fractional coordinate {@code f_a = x · r_a}), perpendicular heights and the number of images
 * needed per axis to reach a cutoff.
 *
 * <p>Lattice vectors of non-periodic axes are never used to make images, so they are replaced by an
 * orthonormal completion of the periodic ones. A slab or wire whose file gives a zero (or otherwise
 * degenerate) vector along its open axes is therefore handled like any other. Any basis that keeps
 * the periodic vectors gives the same neighbours; the completion only keeps the heights meaningful.
 */
final class Lattice {
    private final double[] vectors = new double[9];
    private final double[] reciprocal = new double[9];
    private final boolean[] pbc = new boolean[3];
    private final double[] height = new double[3];

    /**
     * @param cell rows are lattice vectors a, b, c (9 values)
     * @param pbc  periodicity per axis; at least one axis must be periodic
     */
    Lattice(double[] cell, boolean[] pbc) {
        int periodic = 0;
        for (int a = 0; a < 3; a++) {
            this.pbc[a] = pbc[a];
            if (pbc[a]) {
                periodic++;
                System.arraycopy(cell, 3 * a, vectors, 3 * a, 3);
            }
        }
        if (periodic == 0) throw new IllegalArgumentException("a lattice needs at least one periodic axis");
        completeOpenAxes();
        double[] v = vectors;
        double volume = v[0] * (v[4] * v[8] - v[5] * v[7]) - v[1] * (v[3] * v[8] - v[5] * v[6]) + v[2] * (v[3] * v[7] - v[4] * v[6]);
        double scale = norm(v, 0) * norm(v, 3) * norm(v, 6);
        if (!(Math.abs(volume) > 1e-12 * scale) || !Double.isFinite(volume))
            throw new IllegalArgumentException("the periodic lattice vectors are degenerate (cell volume " + volume + ")");
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3, c = (a + 2) % 3;
            cross(v, 3 * b, v, 3 * c, reciprocal, 3 * a);
            for (int t = 0; t < 3; t++) reciprocal[3 * a + t] /= volume;
            height[a] = 1.0 / norm(reciprocal, 3 * a);
        }
    }

    /** Replaces the vectors of open axes by unit vectors orthogonal to the periodic ones and to each other. */
    private void completeOpenAxes() {
        double[] basis = new double[9];
        int n = 0;
        for (int a = 0; a < 3; a++) {
            if (!pbc[a]) continue;
            if (n < 2) { // Gram-Schmidt of the (at most two) periodic vectors; three periodic means nothing to complete
                double[] u = {vectors[3 * a], vectors[3 * a + 1], vectors[3 * a + 2]};
                for (int p = 0; p < n; p++) {
                    double d = u[0] * basis[3 * p] + u[1] * basis[3 * p + 1] + u[2] * basis[3 * p + 2];
                    for (int t = 0; t < 3; t++) u[t] -= d * basis[3 * p + t];
                }
                double len = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                if (!(len > 0)) throw new IllegalArgumentException("periodic lattice vector " + a + " is zero or parallel to another");
                for (int t = 0; t < 3; t++) basis[3 * n + t] = u[t] / len;
            }
            n++;
        }
        if (n == 3) return;
        // complete the orthonormal basis with the coordinate axis least aligned with it, then a cross product
        if (n == 1) {
            int axis = 0;
            for (int t = 1; t < 3; t++) if (Math.abs(basis[t]) < Math.abs(basis[axis])) axis = t;
            double[] u = new double[3];
            u[axis] = 1;
            double d = basis[axis];
            for (int t = 0; t < 3; t++) u[t] -= d * basis[t];
            double len = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            for (int t = 0; t < 3; t++) basis[3 + t] = u[t] / len;
        }
        cross(basis, 0, basis, 3, basis, 6);
        int next = n;
        for (int a = 0; a < 3; a++) {
            if (pbc[a]) continue;
            System.arraycopy(basis, 3 * next, vectors, 3 * a, 3);
            next++;
        }
    }

    boolean periodic(int axis) {
        return pbc[axis];
    }

    /** Lattice vector {@code axis}, component {@code t} (open axes: the completion). */
    double vector(int axis, int t) {
        return vectors[3 * axis + t];
    }

    /** Fractional coordinate along {@code axis} of a Cartesian point. */
    double fractional(int axis, double x, double y, double z) {
        int o = 3 * axis;
        return x * reciprocal[o] + y * reciprocal[o + 1] + z * reciprocal[o + 2];
    }

    /** Distance between the two lattice planes bounding the cell along {@code axis}. */
    double height(int axis) {
        return height[axis];
    }

    /**
     * How many images along {@code axis} (on each side) can hold a point within {@code cutoff} of an
     * atom of the cell: {@code ceil(cutoff / height)} for periodic axes, 0 for open ones.
     */
    int imageRange(int axis, double cutoff) {
        return pbc[axis] ? (int) Math.ceil(cutoff / height[axis]) : 0;
    }

    private static double norm(double[] v, int o) {
        return Math.sqrt(v[o] * v[o] + v[o + 1] * v[o + 1] + v[o + 2] * v[o + 2]);
    }

    private static void cross(double[] u, int ou, double[] w, int ow, double[] out, int oo) {
        double x = u[ou + 1] * w[ow + 2] - u[ou + 2] * w[ow + 1];
        double y = u[ou + 2] * w[ow] - u[ou] * w[ow + 2];
        double z = u[ou] * w[ow + 1] - u[ou + 1] * w[ow];
        out[oo] = x;
        out[oo + 1] = y;
        out[oo + 2] = z;
    }
}
