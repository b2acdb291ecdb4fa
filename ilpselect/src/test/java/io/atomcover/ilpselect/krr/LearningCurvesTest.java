package io.atomcover.ilpselect.krr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Structure;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {
    private static LocalReps train(int n) {
        return LocalReps.of(KrrFixtures.moleculeReps().select(LocalKernelTest.range(n)),
                KrrFixtures.atomicNumbers(KrrFixtures.molecules().structures().subList(0, n)), true);
    }

    private static LocalReps target() {
        return LocalReps.of(KrrFixtures.targetReps(), List.of(KrrFixtures.sildenafil().atomicNumbers()), true);
    }

    private static double[] referenceLabels(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = KrrFixtures.referenceLabel(KrrFixtures.molecules().get(i));
        return y;
    }

    /**
     * The ILPSelect reference curve for sildenafil, ILP ranking with penalty 1
     * ({@code algo_FCHL_qm7_sildenafil_1.npz}: train_sizes, sigma, l2reg, y_pred, mae; Hartree), first
     * three points: the bundled molecules are the first 64 of that ranking.
     */
    @Test
    void reproducesTheReferenceCurveForSildenafil() {
        int[] sizes = {16, 32, 64};
        double[] refSigma = {749.8942093324558, 1.333521432163324, 1000.0};
        double[] refLambda = {1e-4, 1e-9, 1e-5};
        double[] refPred = {0.26466375146992505, 0.07262806767216468, 0.15488876029849052};
        double[] refMae = {0.3409688276466012, 0.14893314384884082, 0.23119383647516667};
        double targetLabel = KrrFixtures.referenceLabel(KrrFixtures.sildenafil());
        assertEquals(-0.07630507616227078, targetLabel, 1e-10, "reference label = y_pred - mae");

        List<CurvePoint> curve = LearningCurves.compute(train(64), referenceLabels(64), target(), targetLabel, sizes,
                KrrSettings.reference(), 2, null);
        for (int s = 0; s < sizes.length; s++) {
            CurvePoint p = curve.get(s);
            assertEquals(sizes[s], p.size());
            assertEquals(refSigma[s], p.sigma(), 1e-12 * refSigma[s], "sigma at " + sizes[s]);
            assertEquals(refLambda[s], p.lambda(), 0, "lambda at " + sizes[s]);
            assertEquals(refPred[s], p.prediction(), 1e-8, "prediction at " + sizes[s]);
            assertEquals(refMae[s], p.absError(), 1e-8, "error at " + sizes[s]);
        }
    }

    /** Grid search the slow way: full atom-pair distance matrix, commons-math Cholesky, explicit folds. */
    @Test
    void pipelineMatchesAnIndependentGridSearch() {
        int n = 64;
        int[] sizes = {10, 30, 64};
        double[] sigmas = {2.0, 5.0, 20.0};
        double[] lambdas = {1e-6, 1e-4};
        KrrSettings settings = KrrSettings.defaults().withSigmas(sigmas).withLambdas(lambdas);
        double[] y = referenceLabels(n);
        double t = KrrFixtures.referenceLabel(KrrFixtures.sildenafil());
        List<CurvePoint> curve = LearningCurves.compute(train(n), y, target(), t, sizes, settings, 2, null);

        List<Structure> mols = new ArrayList<>(KrrFixtures.molecules().structures());
        mols.add(KrrFixtures.sildenafil());
        Descriptors reps = KrrFixtures.moleculeReps();
        Descriptors treps = KrrFixtures.targetReps();
        int m = mols.size();
        for (int s = 0; s < sizes.length; s++) {
            int size = sizes[s];
            double best = Double.POSITIVE_INFINITY;
            double bestSigma = 0, bestLambda = 0;
            for (double sigma : sigmas) {
                double[][] k = kernel(reps, treps, mols, m, sigma);
                for (double lambda : lambdas) {
                    double sum = 0;
                    for (int f = 0; f < 5; f++) {
                        List<Integer> tr = new ArrayList<>(), va = new ArrayList<>();
                        for (int i = 0; i < size; i++) (i % 5 == f ? va : tr).add(i);
                        RealVector alpha = solve(k, tr, y, lambda);
                        double mae = 0;
                        for (int v : va) mae += Math.abs(dot(k[v], tr, alpha) - y[v]);
                        sum += mae / va.size();
                    }
                    if (sum / 5 < best) {
                        best = sum / 5;
                        bestSigma = sigma;
                        bestLambda = lambda;
                    }
                }
            }
            double[][] k = kernel(reps, treps, mols, m, bestSigma);
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < size; i++) all.add(i);
            double pred = dot(k[m - 1], all, solve(k, all, y, bestLambda));
            CurvePoint p = curve.get(s);
            assertEquals(bestSigma, p.sigma(), 0, "sigma at " + size);
            assertEquals(bestLambda, p.lambda(), 0, "lambda at " + size);
            assertEquals(best, p.cvError(), 1e-9 * best, "cv error at " + size);
            assertEquals(pred, p.prediction(), 1e-8 * Math.max(1, Math.abs(pred)), "prediction at " + size);
        }
    }

    private static double[][] kernel(Descriptors reps, Descriptors treps, List<Structure> mols, int m, double sigma) {
        double[][] k = new double[m][m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j <= i; j++) {
                Descriptors a = i == m - 1 ? treps : reps;
                Descriptors b = j == m - 1 ? treps : reps;
                k[i][j] = k[j][i] = LocalKernelTest.bruteForce(a, mols.subList(i == m - 1 ? m - 1 : 0, m), i == m - 1 ? 0 : i,
                        b, mols.subList(j == m - 1 ? m - 1 : 0, m), j == m - 1 ? 0 : j, sigma, true);
            }
        return k;
    }

    private static RealVector solve(double[][] k, List<Integer> rows, double[] y, double lambda) {
        int n = rows.size();
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) a[r][c] = k[rows.get(r)][rows.get(c)];
            a[r][r] += lambda;
            b[r] = y[rows.get(r)];
        }
        return new CholeskyDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(b));
    }

    private static double dot(double[] row, List<Integer> cols, RealVector alpha) {
        double s = 0;
        for (int c = 0; c < cols.size(); c++) s += row[cols.get(c)] * alpha.getEntry(c);
        return s;
    }

    @Test
    void targetedKrrRunsTheWholePipelineFromStructures() {
        List<Structure> db = KrrFixtures.molecules().structures();
        double[] e = db.stream().mapToDouble(KrrFixtures::energy).toArray();
        KrrSettings settings = KrrSettings.defaults().withSigmas(3.0, 30.0).withLambdas(1e-6, 1e-4);
        // No fluorine in the database: the target's label is undefined.
        Structure hf = Structure.molecule(new String[] {"H", "F"}, new double[] {0, 0, 0, 0, 0, 0.92});
        IllegalArgumentException noF = assertThrows(IllegalArgumentException.class,
                () -> TargetedKrr.of(db, e, hf, -100.4, settings, Fchl19.defaults()));
        assertTrue(noF.getMessage().startsWith("target: element F"), noF.getMessage());

        Structure small = db.get(63);
        TargetedKrr krr = TargetedKrr.of(db.subList(0, 63), java.util.Arrays.copyOf(e, 63), small, e[63], settings, Fchl19.defaults());
        int[] ranking = new int[63];
        for (int i = 0; i < 63; i++) ranking[i] = 62 - i;
        int[] sizes = {8, 20};
        long[] last = {0, 0};
        List<CurvePoint> curve = krr.learningCurve(ranking, sizes, 2, (d, t) -> {
            assertTrue(d >= last[0], "progress is monotone");
            last[0] = d;
            last[1] = t;
        });
        assertEquals(last[1], last[0], "progress ends at its total");
        assertEquals(krr.workUnits(sizes), last[1]);

        // The same through the lower-level API with the representations in ranking order.
        Descriptors all = Fchl19.defaults().compute(db, 1, null);
        int[] head = java.util.Arrays.copyOf(ranking, 20);
        List<int[]> z = new ArrayList<>();
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            z.add(db.get(head[i]).atomicNumbers());
            y[i] = krr.label(head[i]);
        }
        LocalReps tr = LocalReps.of(all.select(head), z, true);
        LocalReps tg = LocalReps.of(all.select(new int[] {63}), List.of(small.atomicNumbers()), true);
        assertEquals(LearningCurves.compute(tr, y, tg, krr.targetLabel(), sizes, settings, 1, null), curve);

        assertThrows(IllegalArgumentException.class, () -> krr.learningCurve(new int[] {1, 2, 3}, sizes, 1, null));
        int[] dup = ranking.clone();
        dup[5] = dup[2];
        assertThrows(IllegalArgumentException.class, () -> krr.learningCurve(dup, sizes, 1, null));
        int[] outside = ranking.clone();
        outside[0] = 63;
        assertThrows(IllegalArgumentException.class, () -> krr.learningCurve(outside, sizes, 1, null));
        assertThrows(IllegalArgumentException.class, () -> krr.learningCurve(ranking, new int[] {4}, 1, null), "fewer than 5 folds");
    }
}
