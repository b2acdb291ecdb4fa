package io.atomcover.descriptor;

import java.util.Arrays;

/**
 * The points a neighbour search looks at: the atoms of a structure (first, in atom order) followed
 * by those periodic images that can lie within the cutoff of some atom.
 *
 * <p>Periodic atoms are first wrapped into the cell along their periodic axes (shifted by whole
 * lattice vectors, so an atom already inside keeps its coordinates bit for bit). An image with
 * fractional coordinate {@code g} along periodic axis a is kept when {@code g} lies within
 * {@code cutoff / height_a} of the unit interval: a point within the cutoff of an atom with
 * {@code f_a} in [0, 1) has {@code |g - f_a| <= cutoff / height_a}. Open axes get no images.
 */
final class PointCloud {
    /** Relative slack on the fractional filter, so rounding can only keep a few extra images. */
    private static final double SLACK = 1e-9;

    final int atoms;
    int size;
    double[] x;
    double[] y;
    double[] z;
    /** Index of the atom each point is (an image of). */
    int[] source;

    private PointCloud(int atoms, int capacity) {
        this.atoms = atoms;
        x = new double[capacity];
        y = new double[capacity];
        z = new double[capacity];
        source = new int[capacity];
    }

    /**
     * @param positions flat x,y,z per atom
     * @param lattice   null for a structure without periodic axes
     */
    static PointCloud build(double[] positions, Lattice lattice, double cutoff) {
        int n = positions.length / 3;
        PointCloud cloud = new PointCloud(n, Math.max(n, 1));
        for (int i = 0; i < n; i++) cloud.add(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], i);
        if (lattice == null || n == 0) return cloud;

        double[] frac = new double[3 * n];
        for (int i = 0; i < n; i++) cloud.wrap(i, lattice, frac);

        int[] range = new int[3];
        double[] lo = new double[3];
        double[] hi = new double[3];
        for (int a = 0; a < 3; a++) {
            range[a] = lattice.imageRange(a, cutoff);
            double pad = cutoff / lattice.height(a);
            lo[a] = -pad - SLACK * (1 + pad);
            hi[a] = 1 + pad + SLACK * (1 + pad);
        }
        long images = (2L * range[0] + 1) * (2L * range[1] + 1) * (2L * range[2] + 1);
        if (images * n > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("cell too small for cutoff " + cutoff + ": " + images + " images per atom");

        for (int na = -range[0]; na <= range[0]; na++) {
            for (int nb = -range[1]; nb <= range[1]; nb++) {
                for (int nc = -range[2]; nc <= range[2]; nc++) {
                    if (na == 0 && nb == 0 && nc == 0) continue;
                    double sx = na * lattice.vector(0, 0) + nb * lattice.vector(1, 0) + nc * lattice.vector(2, 0);
                    double sy = na * lattice.vector(0, 1) + nb * lattice.vector(1, 1) + nc * lattice.vector(2, 1);
                    double sz = na * lattice.vector(0, 2) + nb * lattice.vector(1, 2) + nc * lattice.vector(2, 2);
                    for (int i = 0; i < n; i++) {
                        if (outside(frac[3 * i] + na, lattice, 0, lo, hi)
                                || outside(frac[3 * i + 1] + nb, lattice, 1, lo, hi)
                                || outside(frac[3 * i + 2] + nc, lattice, 2, lo, hi)) continue;
                        cloud.add(cloud.x[i] + sx, cloud.y[i] + sy, cloud.z[i] + sz, i);
                    }
                }
            }
        }
        return cloud;
    }

    private static boolean outside(double g, Lattice lattice, int axis, double[] lo, double[] hi) {
        return lattice.periodic(axis) && (g < lo[axis] || g > hi[axis]);
    }

    /** Moves atom i into the cell along the periodic axes; stores its fractional coordinates. */
    private void wrap(int i, Lattice lattice, double[] frac) {
        double px = x[i], py = y[i], pz = z[i];
        for (int a = 0; a < 3; a++) {
            double f = lattice.fractional(a, px, py, pz);
            if (!lattice.periodic(a)) {
                frac[3 * i + a] = f;
                continue;
            }
            double shift = Math.floor(f);
            if (shift != 0) {
                x[i] -= shift * lattice.vector(a, 0);
                y[i] -= shift * lattice.vector(a, 1);
                z[i] -= shift * lattice.vector(a, 2);
            }
            frac[3 * i + a] = f - shift;
        }
    }

    private void add(double px, double py, double pz, int atom) {
        if (size == x.length) {
            int cap = size + (size >> 1) + 16;
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            z = Arrays.copyOf(z, cap);
            source = Arrays.copyOf(source, cap);
        }
        x[size] = px;
        y[size] = py;
        z[size] = pz;
        source[size] = atom;
        size++;
    }
}
