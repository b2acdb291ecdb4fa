package io.atomcover.ilpselect.ilp;

/**
 * The Gram matrix GᵀG of a row-major n × dim matrix G, bit for bit as EJML's
 * {@code CommonOps_DDRM.multTransA(G, G, C)}: entry (i, j) is the sum over rows k = 0, 1, … of
 * {@code G[k][i] · G[k][j]} accumulated in row order, starting from the first product, or from +0 below
 * 15 columns where EJML switches to inner products (which only changes the sign of zero sums). The
 * upper triangle is computed in blocks of rows of the result that stay in cache while G streams past,
 * and mirrored (the products commute, so both triangles hold the same bits).
 */
final class GramMatrix {
    /** Result rows per pass over G: 32 rows of 720 values take 184 KB. */
    private static final int BLOCK = 32;
    /** EJML's {@code EjmlParameters.MULT_COLUMN_SWITCH}. */
    private static final int EJML_SMALL = 15;

    private GramMatrix() {
    }

    /** GᵀG, dim × dim row-major. */
    static double[] of(double[] g, int n, int dim) {
        if (g.length != (long) n * dim) throw new IllegalArgumentException(g.length + " values for " + n + " × " + dim);
        double[] c = new double[dim * dim];
        if (n == 0) return c;
        for (int i0 = 0; i0 < dim; i0 += BLOCK) {
            int i1 = Math.min(dim, i0 + BLOCK);
            double start = dim < EJML_SMALL ? 0.0 : -0.0; // -0.0 + x is x for every x, +0.0 + -0.0 is +0.0
            for (int i = i0; i < i1; i++) {
                double a = g[i];
                for (int j = i, o = i * dim; j < dim; j++) c[o + j] = start + a * g[j];
            }
            for (int k = 1; k < n; k++) {
                int r = k * dim;
                for (int i = i0; i < i1; i++) {
                    double a = g[r + i];
                    for (int j = i, o = i * dim; j < dim; j++) c[o + j] += a * g[r + j];
                }
            }
        }
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < i; j++) c[i * dim + j] = c[j * dim + i];
        return c;
    }
}
