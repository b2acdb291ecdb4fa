package io.atomcover.backend;

/**
 * The shared pair arithmetic of descriptor rows outside the kernel-sum backends: static operations on
 * flat row-major arrays ({@code dim} values per row; "row i of A" is {@code a[i·dim .. i·dim+dim)}),
 * named for what they compute. Callers decide which pairs; the sums are formed here, each in one
 * fixed order, so that every caller gets the same bits for the same pair.
 *
 * <ul>
 *   <li>{@link #squaredDistance} and the {@code squaredDistancesToRow} variants add the squared
 *       differences one by one in index order;</li>
 *   <li>{@link #squaredDistanceUnrolled} and {@link #squaredDistanceBlockUnrolled} add them in four
 *       interleaved partial sums, which is faster for long rows and may differ from the former in the
 *       last bits;</li>
 *   <li>{@link #gaussianSum} sums Gaussians of stored squared distances;</li>
 *   <li>{@link #distanceSums} is the default of {@link KdeBackend#distanceSums};</li>
 *   <li>{@link #nearest} scans for a row's k nearest rows (the oracle of approximate indexes).</li>
 * </ul>
 */
public final class PairDistances {
    private PairDistances() {
    }

    /** |A_i - B_j|², the squared differences added in index order. */
    public static double squaredDistance(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int k = 0, ao = i * dim, bo = j * dim; k < dim; k++) {
            double e = a[ao + k] - b[bo + k];
            s += e * e;
        }
        return s;
    }

    /** {@code out[p] = |A_rows[p] - B_j|²} for every p ({@link #squaredDistance} order). */
    public static void squaredDistancesToRow(double[] a, int[] rows, double[] b, int j, int dim, double[] out) {
        if (out.length < rows.length) throw new IllegalArgumentException("output shorter than the rows");
        for (int p = 0; p < rows.length; p++) out[p] = squaredDistance(a, rows[p], b, j, dim);
    }

    /** {@code out[p] = |A_(first+p) - B_j|²} for p = 0..count-1 ({@link #squaredDistance} order). */
    public static void squaredDistancesToRow(double[] a, int first, int count, double[] b, int j, int dim, double[] out) {
        if (out.length < count) throw new IllegalArgumentException("output shorter than the rows");
        for (int p = 0; p < count; p++) out[p] = squaredDistance(a, first + p, b, j, dim);
    }

    /**
     * |A_i - B_j|² in four partial sums, lane k mod 4 into s_(k mod 4) over the whole multiples of 4
     * and the remainder into s_0, added as (s_0 + s_1) + (s_2 + s_3).
     */
    public static double squaredDistanceUnrolled(double[] a, int i, double[] b, int j, int dim) {
        int ao = i * dim, bo = j * dim;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < dim; k += 4) {
            double d0 = a[ao + k] - b[bo + k];
            double d1 = a[ao + k + 1] - b[bo + k + 1];
            double d2 = a[ao + k + 2] - b[bo + k + 2];
            double d3 = a[ao + k + 3] - b[bo + k + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; k < dim; k++) {
            double d = a[ao + k] - b[bo + k];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The block of squared distances between rows {@code firstA..firstA+countA-1} of A and rows
     * {@code firstB..firstB+countB-1} of B, row-major {@code countA × countB} into {@code out} from
     * {@code offset}; each entry as {@link #squaredDistanceUnrolled}.
     */
    public static void squaredDistanceBlockUnrolled(double[] a, int firstA, int countA, double[] b, int firstB, int countB,
                                                    int dim, double[] out, int offset) {
        for (int p = 0; p < countA; p++)
            for (int q = 0; q < countB; q++)
                out[offset + p * countB + q] = squaredDistanceUnrolled(a, firstA + p, b, firstB + q, dim);
    }

    /** The factor c = -1/(2σ²) of the Gaussian exp(c·d²) of bandwidth σ. */
    public static double gaussianFactor(double sigma) {
        return -1.0 / (2.0 * sigma * sigma);
    }

    /** {@code Σ exp(c · d2[k])} for k = from..to-1, added in index order. */
    public static double gaussianSum(double[] d2, int from, int to, double c) {
        double s = 0;
        for (int k = from; k < to; k++) s += Math.exp(c * d2[k]);
        return s;
    }

    /**
     * Distance sums {@code out[i] = Σ_j |q_i - r_j|}, each distance formed as a kernel-sum backend forms
     * it: {@code sqrt(max(|q|² + |r|² - 2q·r, 0))} with fused multiply-adds. Single-threaded and
     * unpruned (every pair counts, so nothing can be skipped); structure-level farthest-point sampling
     * asks for one small reference block per step.
     */
    public static void distanceSums(RowBlock query, RowBlock ref, double[] out) {
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

    /**
     * The k nearest rows of {@code ref} to query row {@code i} of {@code q} by a full scan
     * ({@link #squaredDistance} order; ties by row order): their row numbers (relative to ref's first
     * row) into {@code ids} and squared distances into {@code d2}, nearest first, from {@code at}.
     */
    public static void nearest(RowBlock q, int i, RowBlock ref, int k, int[] ids, double[] d2, int at) {
        if (q.dim() != ref.dim()) throw new IllegalArgumentException("dimension mismatch: " + q.dim() + " vs " + ref.dim());
        int dim = q.dim();
        int found = 0;
        for (int j = 0; j < ref.count(); j++) {
            double d = squaredDistance(q.data(), q.first() + i, ref.data(), ref.first() + j, dim);
            if (found == k && d >= d2[at + k - 1]) continue;
            // Insertion into the sorted list; a new row goes after rows of the same distance.
            int p = found < k ? found++ : k - 1;
            while (p > 0 && d2[at + p - 1] > d) {
                d2[at + p] = d2[at + p - 1];
                ids[at + p] = ids[at + p - 1];
                p--;
            }
            d2[at + p] = d;
            ids[at + p] = j;
        }
    }

    private static double squaredNorm(double[] x, int o, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s = Math.fma(x[o + k], x[o + k], s);
        return s;
    }
}
