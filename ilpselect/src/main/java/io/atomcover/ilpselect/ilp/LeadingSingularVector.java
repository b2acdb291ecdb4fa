package io.atomcover.ilpselect.ilp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Leading right singular vector of a square matrix C (the top eigenvector of CᵀC) for a sequence of
 * matrices that each differ from the last by a deflation, as in {@link CurRanker}. Rayleigh–Ritz on a
 * small orthonormal basis that starts from the leading Ritz vectors kept from the previous matrix
 * (made orthogonal to the deflated direction) and grows by the residual of the leading Ritz pair
 * (Davidson without preconditioner), restarted from the leading Ritz vectors when full. It stops when
 * the residual ‖CᵀC y − θ y‖ is at most {@code tol · θ}, or at most 1e-12 θ and no longer falling;
 * when that takes too long, or the basis cannot grow, it falls back to an EJML SVD of C, the direct
 * computation.
 *
 * <p>Works on CᵀC rather than on C itself because C, a Gram matrix deflated in floating point, drifts
 * from symmetry (by 1e-8 of its norm after 250 QM7 picks), and the SVD it replaces returns the right
 * singular vector. As with any Krylov method, a start with no component along the leading vector would
 * miss it; the kept vectors have such components unless the data are exactly degenerate.
 */
final class LeadingSingularVector {
    /** Relative residual accepted once it stops falling. */
    private static final double FLOOR = 1e-12;
    /** Products without halving the residual that count as stopped. */
    private static final int STALLED = 8;

    private final int dim;
    private final int keep;
    private final int maxBasis;
    private final double tol;
    private final int maxProducts;

    /** Basis rows, C times each, CᵀC times each: maxBasis × dim row-major. */
    private final double[] q;
    private final double[] t;
    private final double[] aq;
    /** Rayleigh quotients hᵢⱼ = (C qᵢ)·(C qⱼ) = qᵢᵀ CᵀC qⱼ, maxBasis × maxBasis. */
    private final double[] h;
    private final double[] scratch;
    private int size;
    /** Leading Ritz vectors of the last matrix, for the next start. */
    private final double[] kept;
    private int keptCount;
    private int fallbacks;

    /** For dim × dim matrices, with the settings {@link CurRanker} uses. */
    LeadingSingularVector(int dim) {
        this(dim, 6, 24, 3e-15, 1000);
    }

    /**
     * @param keep        Ritz vectors kept for restarts and for the next matrix
     * @param maxBasis    basis size that triggers a restart (more than keep)
     * @param tol         residual bound relative to the Ritz value
     * @param maxProducts products with CᵀC per matrix before falling back to the SVD
     */
    LeadingSingularVector(int dim, int keep, int maxBasis, double tol, int maxProducts) {
        if (dim < 1 || keep < 1 || maxBasis <= keep) throw new IllegalArgumentException("dim " + dim + ", keep " + keep + ", basis " + maxBasis);
        this.dim = dim;
        this.keep = keep;
        this.maxBasis = maxBasis;
        this.tol = tol;
        this.maxProducts = maxProducts;
        q = new double[maxBasis * dim];
        t = new double[maxBasis * dim];
        aq = new double[maxBasis * dim];
        h = new double[maxBasis * maxBasis];
        scratch = new double[dim];
        kept = new double[keep * dim];
    }

    /** How often the SVD was used so far. */
    int fallbacks() {
        return fallbacks;
    }

    /** Removes the unit vector u from the kept vectors, as the next matrix is deflated by u. */
    void deflate(double[] u) {
        for (int i = 0; i < keptCount; i++) {
            int o = i * dim;
            double s = dot(kept, o, u, 0);
            for (int x = 0; x < dim; x++) kept[o + x] -= s * u[x];
        }
    }

    /** Unit leading right singular vector of c (dim × dim, row-major, not changed); sign arbitrary. */
    double[] compute(double[] c) {
        if (c.length != dim * dim) throw new IllegalArgumentException(c.length + " values for " + dim + " × " + dim);
        size = 0;
        for (int i = 0; i < keptCount; i++) appendOrthonormal(kept, i * dim);
        if (size == 0) {
            // first call (or everything kept was deflated away): deterministic pseudo-random start
            SplittableRandom random = new SplittableRandom(0x5eed);
            for (int i = 0; i < keep; i++) {
                for (int x = 0; x < dim; x++) scratch[x] = random.nextDouble() - 0.5;
                appendOrthonormal(scratch, 0);
            }
        }
        multiply(c, 0, size);
        for (int i = 0; i < size; i++) fillH(i);
        int products = size;
        double[] y = new double[dim];
        double[] r = new double[dim];
        double lowest = Double.POSITIVE_INFINITY;
        int stalled = 0;
        while (true) {
            Ritz ritz = ritz();
            ritzVector(ritz.vectors, 0, q, y);
            ritzVector(ritz.vectors, 0, aq, r);
            double theta = ritz.values[0];
            for (int x = 0; x < dim; x++) r[x] -= theta * y[x];
            double residual = Math.sqrt(dot(r, 0, r, 0));
            if (theta > 0 && residual <= tol * theta) return accept(ritz, y);
            // rounding can keep the residual above tol: accept a small one that has stopped falling
            if (residual < lowest / 2) {
                lowest = residual;
                stalled = 0;
            } else {
                stalled++;
            }
            if (theta > 0 && residual <= FLOOR * theta && stalled >= STALLED) return accept(ritz, y);
            if (!(theta > 0) || products >= maxProducts) return svd(c);
            if (size == maxBasis) restart(ritz);
            if (!appendOrthonormal(r, 0)) return residual <= FLOOR * theta ? accept(ritz, y) : svd(c);
            multiply(c, size - 1, size);
            fillH(size - 1);
            products++;
        }
    }

    /** Keeps the leading Ritz vectors for the next call and returns y, the first, normalised. */
    private double[] accept(Ritz ritz, double[] y) {
        keptCount = Math.min(keep, size);
        keepRitzVectors(ritz, q, kept, keptCount);
        double norm = Math.sqrt(dot(y, 0, y, 0));
        for (int x = 0; x < dim; x++) y[x] /= norm;
        return y;
    }

    private record Ritz(double[] values, double[][] vectors) {
    }

    /** Eigenpairs of the Rayleigh quotient matrix, largest value first. */
    private Ritz ritz() {
        DMatrixRMaj m = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) System.arraycopy(h, i * maxBasis, m.data, i * size, size);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(m)) throw new IllegalStateException("eigendecomposition of the Ritz matrix did not converge");
        Integer[] idx = new Integer[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[b], values[a]));
        double[] sorted = new double[size];
        double[][] vectors = new double[size][];
        for (int i = 0; i < size; i++) {
            sorted[i] = values[idx[i]];
            vectors[i] = eig.getEigenVector(idx[i]).data;
        }
        return new Ritz(sorted, vectors);
    }

    /** out = Σⱼ z[i][j] · rowⱼ of basis. */
    private void ritzVector(double[][] z, int i, double[] basis, double[] out) {
        Arrays.fill(out, 0, dim, 0);
        for (int j = 0; j < size; j++) {
            double a = z[i][j];
            for (int x = 0, o = j * dim; x < dim; x++) out[x] += a * basis[o + x];
        }
    }

    /** The first count Ritz vectors over basis, into the rows of out (not basis). */
    private void keepRitzVectors(Ritz ritz, double[] basis, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            ritzVector(ritz.vectors, i, basis, scratch);
            System.arraycopy(scratch, 0, out, i * dim, dim);
        }
    }

    /** Thick restart: the basis becomes the leading keep Ritz vectors, with their products. */
    private void restart(Ritz ritz) {
        int n = Math.min(keep, size);
        double[] nq = new double[n * dim];
        double[] nt = new double[n * dim];
        double[] naq = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < size; j++) {
                double a = ritz.vectors[i][j];
                for (int x = 0, o = j * dim, p = i * dim; x < dim; x++) {
                    nq[p + x] += a * q[o + x];
                    nt[p + x] += a * t[o + x];
                    naq[p + x] += a * aq[o + x];
                }
            }
        }
        System.arraycopy(nq, 0, q, 0, n * dim);
        System.arraycopy(nt, 0, t, 0, n * dim);
        System.arraycopy(naq, 0, aq, 0, n * dim);
        size = n;
        for (int i = 0; i < size; i++) fillH(i);
    }

    /**
     * Appends v (at offset o) to the basis after two Gram–Schmidt passes; false, leaving the basis as
     * it was, when little of v is left.
     */
    private boolean appendOrthonormal(double[] v, int o) {
        int p = size * dim;
        System.arraycopy(v, o, q, p, dim);
        double before = Math.sqrt(dot(q, p, q, p));
        for (int pass = 0; pass < 2; pass++)
            for (int j = 0; j < size; j++) {
                double s = dot(q, j * dim, q, p);
                for (int x = 0; x < dim; x++) q[p + x] -= s * q[j * dim + x];
            }
        double after = Math.sqrt(dot(q, p, q, p));
        if (!(after > 1e-8 * before)) return false;
        for (int x = 0; x < dim; x++) q[p + x] /= after;
        size++;
        return true;
    }

    /** t and aq rows from..to-1 from the basis rows: one pass over c for all of them. */
    private void multiply(double[] c, int from, int to) {
        Arrays.fill(aq, from * dim, to * dim, 0);
        int p = 0;
        // four rows of c at a time: four independent sums, and one pass over the aq row for the four
        for (; p + 3 < dim; p += 4) {
            int r0 = p * dim;
            int r1 = r0 + dim;
            int r2 = r1 + dim;
            int r3 = r2 + dim;
            for (int j = from; j < to; j++) {
                int o = j * dim;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int x = 0; x < dim; x++) {
                    double qx = q[o + x];
                    s0 += c[r0 + x] * qx;
                    s1 += c[r1 + x] * qx;
                    s2 += c[r2 + x] * qx;
                    s3 += c[r3 + x] * qx;
                }
                t[o + p] = s0;
                t[o + p + 1] = s1;
                t[o + p + 2] = s2;
                t[o + p + 3] = s3;
                for (int x = 0; x < dim; x++)
                    aq[o + x] += s0 * c[r0 + x] + s1 * c[r1 + x] + s2 * c[r2 + x] + s3 * c[r3 + x];
            }
        }
        for (; p < dim; p++) {
            int row = p * dim;
            for (int j = from; j < to; j++) {
                int o = j * dim;
                double s = dot(c, row, q, o);
                t[o + p] = s;
                for (int x = 0; x < dim; x++) aq[o + x] += s * c[row + x];
            }
        }
    }

    /** Row and column i of h from the t rows 0..i. */
    private void fillH(int i) {
        for (int j = 0; j <= i; j++) {
            double s = dot(t, i * dim, t, j * dim);
            h[i * maxBasis + j] = s;
            h[j * maxBasis + i] = s;
        }
    }

    /** The leading right singular vector from an SVD of c, also kept for the next start. */
    private double[] svd(double[] c) {
        fallbacks++;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(dim, dim, false, true, true);
        if (!svd.decompose(DMatrixRMaj.wrap(dim, dim, c.clone()))) throw new IllegalStateException("SVD did not converge");
        double[] sv = svd.getSingularValues();
        int count = svd.numberOfSingularValues();
        Integer[] idx = new Integer[count];
        for (int i = 0; i < count; i++) idx[i] = i;
        // stable sort: the first of equal singular values leads, as in the direct ranking
        Arrays.sort(idx, (a, b) -> Double.compare(sv[b], sv[a]));
        DMatrixRMaj vt = svd.getV(null, true);
        keptCount = Math.min(keep, count);
        for (int i = 0; i < keptCount; i++) System.arraycopy(vt.data, idx[i] * dim, kept, i * dim, dim);
        return Arrays.copyOfRange(vt.data, idx[0] * dim, idx[0] * dim + dim);
    }

    /** a[ao..ao+dim) · b[bo..bo+dim), four partial sums. */
    private double dot(double[] a, int ao, double[] b, int bo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int x = 0;
        for (; x + 3 < dim; x += 4) {
            s0 += a[ao + x] * b[bo + x];
            s1 += a[ao + x + 1] * b[bo + x + 1];
            s2 += a[ao + x + 2] * b[bo + x + 2];
            s3 += a[ao + x + 3] * b[bo + x + 3];
        }
        for (; x < dim; x++) s0 += a[ao + x] * b[bo + x];
        return (s0 + s1) + (s2 + s3);
    }
}
