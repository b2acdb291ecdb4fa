package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The direct CUR ranking, the reference for {@link CurRanker}: the same selection, with a full EJML
 * SVD of the deflated C = GᵀG for every pick (slow, and obviously what the method asks for).
 */
final class ReferenceCurRanker implements Ranker {
    @Override
    public String method() {
        return "cur";
    }

    @Override
    public Ranking rank(MoleculeReps database, MoleculeReps target, int size) {
        Ranker.checkArguments(database, target, size);
        long t0 = System.nanoTime();
        int n = database.size();
        int dim = database.dim();
        DMatrixRMaj g = DMatrixRMaj.wrap(n, dim, database.globalRep());
        DMatrixRMaj c = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransA(g, g, c);
        boolean[] taken = new boolean[n];
        int[] order = new int[size];
        double[] scores = new double[size];
        double[] gv = new double[n];
        double[] u = new double[dim];
        double[] cu = new double[dim];
        double[] gd = g.data;
        for (int k = 0; k < size; k++) {
            double[] v = leadingVector(c);
            double norm2 = 0;
            for (int m = 0; m < n; m++) {
                double s = 0;
                for (int q = 0, o = m * dim; q < dim; q++) s += gd[o + q] * v[q];
                gv[m] = s;
                norm2 += s * s;
            }
            int best = -1;
            for (int m = 0; m < n; m++)
                if (!taken[m] && (best < 0 || gv[m] * gv[m] > gv[best] * gv[best])) best = m;
            order[k] = best;
            scores[k] = norm2 > 0 ? gv[best] * gv[best] / norm2 : 0;
            taken[best] = true;
            if (!deflate(gd, c.data, n, dim, best, u, cu)) {
                // the rows left are all zero: the rest follows in index order
                for (int m = 0, j = k + 1; m < n && j < size; m++) if (!taken[m]) {
                    order[j] = m;
                    taken[m] = true;
                    j++;
                }
                break;
            }
        }
        return Ranking.of(method(), order, scores, t0);
    }

    /** Leading right singular vector of the symmetric positive semi-definite matrix c. */
    private static double[] leadingVector(DMatrixRMaj c) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(c.numRows, c.numCols, false, true, true);
        if (!svd.decompose(c.copy())) throw new IllegalStateException("SVD did not converge");
        double[] sv = svd.getSingularValues();
        int top = 0;
        for (int i = 1; i < svd.numberOfSingularValues(); i++) if (sv[i] > sv[top]) top = i;
        DMatrixRMaj vt = svd.getV(null, true);
        double[] v = new double[c.numCols];
        System.arraycopy(vt.data, top * c.numCols, v, 0, c.numCols);
        return v;
    }

    /**
     * Projects every row of g and both sides of c = gᵀg onto the complement of row {@code pick}.
     * Returns false when that row is already zero.
     */
    private static boolean deflate(double[] g, double[] c, int n, int dim, int pick, double[] u, double[] cu) {
        double norm = 0;
        for (int q = 0; q < dim; q++) norm += g[pick * dim + q] * g[pick * dim + q];
        norm = Math.sqrt(norm);
        if (!(norm > 0)) return false;
        for (int q = 0; q < dim; q++) u[q] = g[pick * dim + q] / norm;
        for (int m = 0; m < n; m++) {
            int o = m * dim;
            double s = 0;
            for (int q = 0; q < dim; q++) s += g[o + q] * u[q];
            for (int q = 0; q < dim; q++) g[o + q] -= s * u[q];
        }
        // c' = (I - uuᵀ) c (I - uuᵀ) = c - u(cu)ᵀ - (cu)uᵀ + (uᵀcu) uuᵀ
        double ucu = 0;
        for (int p = 0; p < dim; p++) {
            double s = 0;
            for (int q = 0; q < dim; q++) s += c[p * dim + q] * u[q];
            cu[p] = s;
            ucu += u[p] * s;
        }
        for (int p = 0; p < dim; p++)
            for (int q = 0; q < dim; q++)
                c[p * dim + q] += -u[p] * cu[q] - cu[p] * u[q] + ucu * u[p] * u[q];
        return true;
    }
}
