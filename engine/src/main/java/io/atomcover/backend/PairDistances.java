package io.atomcover.backend;


/**
 * Plain CPU sums of Euclidean distances, the default of {@link KdeBackend#distanceSums}. Distances
 * are formed as the reference forms them: {@code sqrt(max(|a|² + |b|² - 2a·b, 0))}. Single-threaded
 * and unpruned (every pair counts, so nothing can be skipped); used by structure-level
 * farthest-point sampling, which asks for one small reference block per step.
 */
final class PairDistances {
    private PairDistances() {
    }

    static void sums(RowBlock query, RowBlock ref, double[] out) {
        if (query.dim() != ref.dim())
            throw new IllegalArgumentException("dimension mismatch: " + query.dim() + " vs " + ref.dim());
        if (out.length < query.count()) throw new IllegalArgumentException("output shorter than the query");
        int dim = query.dim();
        double[] q = query.data();
        double[] r = ref.data();
        int nr = ref.count();
        double[] refNorms = new double[nr];
        for (int j = 0; j < nr; j++) refNorms[j] = squaredNorm(r, (ref.first() + j) * dim, dim);
        for (int i = 0; i < query.count(); i++) {
            int qo = (query.first() + i) * dim;
            double qn = squaredNorm(q, qo, dim);
            double sum = 0;
            for (int j = 0; j < nr; j++) {
                int ro = (ref.first() + j) * dim;
                double dot = 0;
                for (int k = 0; k < dim; k++) dot = Math.fma(q[qo + k], r[ro + k], dot);
                sum += Math.sqrt(Math.max(qn + refNorms[j] - 2 * dot, 0.0));
            }
            out[i] = sum;
        }
    }

    private static double squaredNorm(double[] x, int o, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s = Math.fma(x[o + k], x[o + k], s);
        return s;
    }
}
