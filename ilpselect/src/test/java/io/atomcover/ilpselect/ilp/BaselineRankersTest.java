package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.util.SeededDraw;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class BaselineRankersTest {
    private static final int N = DATABASE.size();

    /** Global representation of molecule m summed here, independently of MoleculeReps.globalRep. */
    private static double[] global(MoleculeReps reps, int m) {
        double[] g = new double[reps.dim()];
        for (int a = reps.start(m); a < reps.start(m) + reps.atoms(m); a++)
            for (int q = 0; q < reps.dim(); q++) g[q] += reps.data()[a * reps.dim() + q];
        return g;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) s += (a[q] - b[q]) * (a[q] - b[q]);
        return Math.sqrt(s);
    }

    @Test
    void smlSortsByTheEuclideanDistanceOfSummedRepresentations() {
        Ranking r = new SmlRanker().rank(DATABASE, TARGET, N);
        double[] t = global(TARGET, 0);
        double[] d = new double[N];
        for (int m = 0; m < N; m++) d[m] = distance(global(DATABASE, m), t);
        Integer[] expected = new Integer[N];
        for (int m = 0; m < N; m++) expected[m] = m;
        Arrays.sort(expected, (a, b) -> Double.compare(d[a], d[b]));
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), r.order());
        for (int k = 0; k < N; k++) assertEquals(d[r.order()[k]], r.scores()[k], 1e-9 * d[r.order()[k]]);
        assertArrayEquals(Arrays.copyOf(r.order(), 3), new SmlRanker().rank(DATABASE, TARGET, 3).order(), "prefix property");
    }

    @Test
    void fpsStartsFarthestFromTheMeanThenMaximisesTheNearestDistance() {
        Ranking r = new FpsRanker().rank(DATABASE, TARGET, N);
        double[][] g = new double[N][];
        double[] mean = new double[DATABASE.dim()];
        for (int m = 0; m < N; m++) {
            g[m] = global(DATABASE, m);
            for (int q = 0; q < mean.length; q++) mean[q] += g[m][q] / N;
        }
        int first = 0;
        for (int m = 1; m < N; m++) if (distance(g[m], mean) > distance(g[first], mean)) first = m;
        assertEquals(first, r.order()[0]);
        int[] order = r.order();
        for (int k = 1; k < N; k++) {
            // the pick at step k has the largest distance to its nearest earlier pick among those left
            double best = -1;
            for (int m = 0; m < N; m++) {
                int mm = m;
                if (Arrays.stream(order, 0, k).anyMatch(p -> p == mm)) continue;
                double nearest = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) nearest = Math.min(nearest, distance(g[m], g[order[j]]));
                best = Math.max(best, nearest);
            }
            assertEquals(best, r.scores()[k], 1e-9 * best, "step " + k);
            if (k > 1) assertTrue(r.scores()[k] <= r.scores()[k - 1] + 1e-9, "FPS distances do not grow");
        }
        assertEquals(N, Arrays.stream(order).distinct().count());
    }

    @Test
    void curPicksTheLargestLeverageThenDeflates() {
        Ranking r = new CurRanker().rank(DATABASE, TARGET, 3);
        int dim = DATABASE.dim();
        DMatrixRMaj g = new DMatrixRMaj(N, dim);
        for (int m = 0; m < N; m++) System.arraycopy(global(DATABASE, m), 0, g.data, m * dim, dim);
        for (int k = 0; k < 3; k++) {
            // leverage from a full SVD of the (deflated) molecules × values matrix itself
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(N, dim, true, false, true);
            assertTrue(svd.decompose(g.copy()));
            double[] sv = svd.getSingularValues();
            int top = 0;
            for (int i = 1; i < sv.length; i++) if (sv[i] > sv[top]) top = i;
            DMatrixRMaj u = svd.getU(null, false);
            int best = 0;
            for (int m = 1; m < N; m++)
                if (Math.abs(u.get(m, top)) > Math.abs(u.get(best, top))) best = m;
            assertEquals(best, r.order()[k], "pick " + k);
            assertEquals(u.get(best, top) * u.get(best, top), r.scores()[k], 1e-8, "leverage score of pick " + k);
            double[] v = Arrays.copyOfRange(g.data, best * dim, best * dim + dim);
            double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            for (int m = 0; m < N; m++) {
                double s = 0;
                for (int q = 0; q < dim; q++) s += g.data[m * dim + q] * v[q] / norm;
                for (int q = 0; q < dim; q++) g.data[m * dim + q] -= s * v[q] / norm;
            }
        }
    }

    @Test
    void randomIsReproducibleFromTheSeedAndDistinct() {
        int[] a = new RandomRanker(7).rank(DATABASE, TARGET, N).order();
        assertArrayEquals(a, new RandomRanker(7).rank(DATABASE, TARGET, N).order());
        assertNotEquals(Arrays.toString(a), Arrays.toString(new RandomRanker(8).rank(DATABASE, TARGET, N).order()));
        assertEquals(N, Arrays.stream(a).distinct().count());
    }

    @Test
    void randomDrawsTheEngineSeededOrder() {
        for (long seed : new long[] {0, 1, 42})
            assertArrayEquals(SeededDraw.withoutReplacement(seed, DATABASE.size(), N), new RandomRanker(seed).rank(DATABASE, TARGET, N).order());
    }

    @Test
    void aShortRankingIsCompletedByAnotherWithoutRepeats() {
        Ranking head = new Ranking("ilp", new int[] {4, 2}, null, java.util.List.of(), Ranking.Stop.TIME_LIMIT, 0);
        assertArrayEquals(new int[] {4, 2, 0, 1, 3}, head.extendedWith(new int[] {2, 0, 4, 1, 3, 5}, 5));
        assertArrayEquals(new int[] {4}, head.extendedWith(new int[] {0}, 1), "never longer than asked");
        assertArrayEquals(new int[] {4, 2, 7}, head.extendedWith(new int[] {7, 2}, 6), "as long as the two allow");
    }
}
