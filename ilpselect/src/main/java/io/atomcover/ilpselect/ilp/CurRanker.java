package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

/**
 * Iterative CUR sample selection on the global representations G (molecules × values), as
 * skmatter's {@code CUR} with one singular vector: each step takes the molecule with the largest
 * leverage score (squared entry of the leading left singular vector of G), then removes the picked
 * molecule's direction from every row of G (orthogonal deflation). The target plays no part; ties go
 * to the lower index.
 *
 * <p>The leading singular vector v comes from the small matrix C = GᵀG, deflated alongside G; the
 * leverage score of molecule m is (gₘ·v)² / ‖Gv‖². {@link LeadingSingularVector} finds v from the
 * previous step's Ritz vectors in a few dozen products with C instead of a full SVD of C per step.
 * G and C are deflated with the same floating-point operations as the direct per-step SVD
 * implementation, so both follow the same matrices as long as they pick the same molecules.
 */
public final class CurRanker implements Ranker {
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
        double[] g = database.globalRep();
        double[] c = GramMatrix.of(g, n, dim);
        LeadingSingularVector leading = new LeadingSingularVector(dim);
        boolean[] taken = new boolean[n];
        int[] order = new int[size];
        double[] scores = new double[size];
        double[] gv = new double[n];
        double[] u = new double[dim];
        double[] cu = new double[dim];
        boolean pending = false; // rows of g still to be deflated by u
        for (int k = 0; k < size; k++) {
            double[] v = leading.compute(c);
            project(g, n, dim, pending ? u : null, v, gv);
            double norm2 = 0;
            for (int m = 0; m < n; m++) norm2 += gv[m] * gv[m];
            int best = -1;
            for (int m = 0; m < n; m++)
                if (!taken[m] && (best < 0 || gv[m] * gv[m] > gv[best] * gv[best])) best = m;
            order[k] = best;
            scores[k] = norm2 > 0 ? gv[best] * gv[best] / norm2 : 0;
            taken[best] = true;
            if (k + 1 == size) break;
            if (!unitRow(g, dim, best, u)) {
                // the rows left are all zero: the rest follows in index order
                for (int m = 0, j = k + 1; m < n && j < size; m++) if (!taken[m]) {
                    order[j] = m;
                    taken[m] = true;
                    j++;
                }
                break;
            }
            deflateGram(c, dim, u, cu);
            leading.deflate(u);
            pending = true;
        }
        return Ranking.of(method(), order, scores, t0);
    }

    /**
     * gv[m] = gₘ·v for every row m of g, after first deflating the row by the unit vector u when u is
     * not null: gₘ ← gₘ − (gₘ·u) u. Four rows at a time so that the sequential sums, which must add
     * up in index order to match the direct implementation bit for bit, do not wait on each other.
     */
    static void project(double[] g, int n, int dim, double[] u, double[] v, double[] gv) {
        int m = 0;
        for (; m + 3 < n; m += 4) {
            int o0 = m * dim;
            int o1 = o0 + dim;
            int o2 = o1 + dim;
            int o3 = o2 + dim;
            if (u != null) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int q = 0; q < dim; q++) {
                    double uq = u[q];
                    s0 += g[o0 + q] * uq;
                    s1 += g[o1 + q] * uq;
                    s2 += g[o2 + q] * uq;
                    s3 += g[o3 + q] * uq;
                }
                for (int q = 0; q < dim; q++) {
                    double uq = u[q];
                    g[o0 + q] -= s0 * uq;
                    g[o1 + q] -= s1 * uq;
                    g[o2 + q] -= s2 * uq;
                    g[o3 + q] -= s3 * uq;
                }
            }
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            for (int q = 0; q < dim; q++) {
                double vq = v[q];
                t0 += g[o0 + q] * vq;
                t1 += g[o1 + q] * vq;
                t2 += g[o2 + q] * vq;
                t3 += g[o3 + q] * vq;
            }
            gv[m] = t0;
            gv[m + 1] = t1;
            gv[m + 2] = t2;
            gv[m + 3] = t3;
        }
        for (; m < n; m++) {
            int o = m * dim;
            if (u != null) {
                double s = 0;
                for (int q = 0; q < dim; q++) s += g[o + q] * u[q];
                for (int q = 0; q < dim; q++) g[o + q] -= s * u[q];
            }
            double t = 0;
            for (int q = 0; q < dim; q++) t += g[o + q] * v[q];
            gv[m] = t;
        }
    }

    /** u = row / ‖row‖; false, leaving u as it was, when the row is zero. */
    static boolean unitRow(double[] g, int dim, int row, double[] u) {
        int o = row * dim;
        double norm = 0;
        for (int q = 0; q < dim; q++) norm += g[o + q] * g[o + q];
        norm = Math.sqrt(norm);
        if (!(norm > 0)) return false;
        for (int q = 0; q < dim; q++) u[q] = g[o + q] / norm;
        return true;
    }

    /** c ← (I − uuᵀ) c (I − uuᵀ) = c − u(cu)ᵀ − (cu)uᵀ + (uᵀcu) uuᵀ, for the unit vector u. */
    static void deflateGram(double[] c, int dim, double[] u, double[] cu) {
        int p = 0;
        for (; p + 3 < dim; p += 4) {
            int o = p * dim;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int q = 0; q < dim; q++) {
                double uq = u[q];
                s0 += c[o + q] * uq;
                s1 += c[o + dim + q] * uq;
                s2 += c[o + 2 * dim + q] * uq;
                s3 += c[o + 3 * dim + q] * uq;
            }
            cu[p] = s0;
            cu[p + 1] = s1;
            cu[p + 2] = s2;
            cu[p + 3] = s3;
        }
        for (; p < dim; p++) {
            double s = 0;
            for (int q = 0, o = p * dim; q < dim; q++) s += c[o + q] * u[q];
            cu[p] = s;
        }
        double ucu = 0;
        for (p = 0; p < dim; p++) ucu += u[p] * cu[p];
        for (p = 0; p < dim; p++) {
            double up = -u[p];
            double cup = cu[p];
            double w = ucu * u[p];
            // the same operations, in the same order, as c[p][q] += -u[p]·cu[q] − cu[p]·u[q] + ucu·u[p]·u[q]
            for (int q = 0, o = p * dim; q < dim; q++) c[o + q] += up * cu[q] - cup * u[q] + w * u[q];
        }
    }
}
