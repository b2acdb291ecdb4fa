package io.atomcover.descriptor;

/**
 * Cartesian binning of a {@link PointCloud}: cubic bins over the bounding box, points stored bin by
 * bin (compressed rows) with their coordinates copied in bin order so a query streams through memory.
 * A point within {@code reach} of a query point lies in one of the bins at most {@code span} bins
 * away along each axis.
 *
 * <p>The bin side is {@code reach / 2} (a 5×5×5 search block, about 3.7 times the volume of the
 * cutoff sphere) unless that would make more bins than about twice the number of points (sparse or
 * spread-out structures), in which case the bins grow. Small clouds use a single bin: brute force
 * is faster there than any bookkeeping.
 */
final class CellList {
    /** Clouds with at most this many points are searched by brute force (one bin). */
    static final int BRUTE_FORCE_POINTS = 96;

    final int nx, ny, nz;
    final int span;
    final double minX, minY, minZ;
    final double inverseSide;
    /** Points of bin b are {@code binStart[b] .. binStart[b+1]-1} of the arrays below. */
    final int[] binStart;
    final double[] x, y, z;
    /** Index into the cloud of each binned point. */
    final int[] point;

    CellList(PointCloud cloud, double reach) {
        int n = cloud.size;
        double lx = Double.POSITIVE_INFINITY, ly = lx, lz = lx;
        double hx = Double.NEGATIVE_INFINITY, hy = hx, hz = hx;
        for (int p = 0; p < n; p++) {
            lx = Math.min(lx, cloud.x[p]);
            ly = Math.min(ly, cloud.y[p]);
            lz = Math.min(lz, cloud.z[p]);
            hx = Math.max(hx, cloud.x[p]);
            hy = Math.max(hy, cloud.y[p]);
            hz = Math.max(hz, cloud.z[p]);
        }
        if (n == 0) lx = ly = lz = hx = hy = hz = 0;
        minX = lx;
        minY = ly;
        minZ = lz;
        double ex = hx - lx, ey = hy - ly, ez = hz - lz;

        double side = reach / 2;
        if (n <= BRUTE_FORCE_POINTS || !(side > 0)) {
            side = Double.POSITIVE_INFINITY;
        } else {
            double bins = (ex / side + 1) * (ey / side + 1) * (ez / side + 1);
            double limit = 2.0 * n + 64;
            if (bins > limit) side *= Math.cbrt(bins / limit) * 1.01;
        }
        if (Double.isInfinite(side)) {
            nx = ny = nz = 1;
            span = 0;
            inverseSide = 0;
        } else {
            nx = (int) (ex / side) + 1;
            ny = (int) (ey / side) + 1;
            nz = (int) (ez / side) + 1;
            span = (int) Math.ceil(reach / side);
            inverseSide = 1 / side;
        }

        int bins = nx * ny * nz;
        binStart = new int[bins + 1];
        int[] binOf = new int[n];
        for (int p = 0; p < n; p++) {
            int b = bin(cloud.x[p], cloud.y[p], cloud.z[p]);
            binOf[p] = b;
            binStart[b + 1]++;
        }
        for (int b = 0; b < bins; b++) binStart[b + 1] += binStart[b];
        int[] fill = new int[bins];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        point = new int[n];
        for (int p = 0; p < n; p++) {
            int b = binOf[p];
            int slot = binStart[b] + fill[b]++;
            x[slot] = cloud.x[p];
            y[slot] = cloud.y[p];
            z[slot] = cloud.z[p];
            point[slot] = p;
        }
    }

    int binX(double px) {
        return clamp((int) ((px - minX) * inverseSide), nx);
    }

    int binY(double py) {
        return clamp((int) ((py - minY) * inverseSide), ny);
    }

    int binZ(double pz) {
        return clamp((int) ((pz - minZ) * inverseSide), nz);
    }

    private int bin(double px, double py, double pz) {
        return (binZ(pz) * ny + binY(py)) * nx + binX(px);
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
