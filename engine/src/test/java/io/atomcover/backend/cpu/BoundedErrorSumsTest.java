package io.atomcover.backend.cpu;

import io.atomcover.backend.RowBlock;
import io.atomcover.backend.Tolerance;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded-error guarantee of {@link CpuKdeBackend}: with tolerance REL every kernel sum is within
 * REL relative of the brute-force sum (every pair, {@link Math#exp}), on random and on structured
 * data, and the entropy moves by at most -log(1 - REL).
 */
class BoundedErrorSumsTest {
    static final double H = 0.015;
    static final double[] RELS = {1e-9, 1e-6, 1e-4, 1e-2};
    static CpuKdeBackend pruned;
    static CpuKdeBackend brute;
    /** About a third of Si-train (its first 80 structures), to keep the brute-force reference quick. */
    static Descriptors siTrain;
    static Descriptors siTest;

    @BeforeAll
    static void open() {
        pruned = new CpuKdeBackend(2);
        brute = new CpuKdeBackend(2, false);
        QuestsDescriptor q = new QuestsDescriptor(32, 5.0);
        siTrain = q.compute(ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz")).structures().subList(0, 80), 2,
                ProgressListener.NONE);
        siTest = q.compute(ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures(), 2, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        pruned.close();
        brute.close();
    }

    /** Uniform rows in a small cube: dense, every pair near the band edge somewhere. */
    static double[] uniform(int rows, int dim, double side, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * dim];
        for (int i = 0; i < x.length; i++) x[i] = side * rnd.nextDouble();
        return x;
    }

    /** Gaussian blobs of a few widths around the bandwidth, each blob's rows repeated `copies` times (duplicates). */
    static double[] blobs(int rows, int dim, int blobs, int copies, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centre = new double[blobs][dim];
        double[] width = new double[blobs];
        for (int b = 0; b < blobs; b++) {
            for (int k = 0; k < dim; k++) centre[b][k] = 0.3 * rnd.nextDouble();
            width[b] = H * (0.2 + 3 * rnd.nextDouble());
        }
        double[] x = new double[rows * dim];
        for (int i = 0; i < rows; i += copies) {
            int b = rnd.nextInt(blobs);
            for (int k = 0; k < dim; k++) x[i * dim + k] = centre[b][k] + width[b] * rnd.nextGaussian() / Math.sqrt(dim);
            for (int c = 1; c < copies && i + c < rows; c++) System.arraycopy(x, i * dim, x, (i + c) * dim, dim);
        }
        return x;
    }

    /**
     * At every tolerance of {@link #RELS}, every row of the tolerant sums within that tolerance of the
     * brute-force ones; returns the pairs aggregated over all of them.
     */
    static long assertWithin(RowBlock q, RowBlock r) {
        double[] exact = new double[q.count()];
        brute.kernelSums(q, r, H, exact);
        long aggregated = 0;
        for (double rel : RELS) {
            pruned.resetCounters();
            double[] got = new double[q.count()];
            pruned.kernelSums(q, r, H, rel, got, ProgressListener.NONE);
            for (int i = 0; i < exact.length; i++) {
                double err = Math.abs(got[i] - exact[i]);
                assertTrue(err <= rel * exact[i], "rel " + rel + ", row " + i + ": " + got[i] + " vs " + exact[i]);
            }
            aggregated += pruned.pairsAggregated();
        }
        return aggregated;
    }

    static long assertSelfSumsWithin(double[] x, int dim) {
        RowBlock all = new RowBlock(x, dim, 0, x.length / dim);
        return assertWithin(all, all);
    }

    @Test
    void uniformRows() {
        assertTrue(assertSelfSumsWithin(uniform(3000, 8, 0.08, 1), 8) > 0, "no pair was aggregated");
    }

    @Test
    void gaussianBlobsWithDuplicates() {
        assertTrue(assertSelfSumsWithin(blobs(3000, 30, 12, 1, 2), 30) > 0, "no pair was aggregated");
        assertSelfSumsWithin(blobs(3000, 30, 12, 4, 3), 30);
    }

    @Test
    void queryAgainstAnotherSet() {
        double[] ref = blobs(3000, 20, 8, 2, 4);
        double[] query = blobs(1500, 20, 8, 1, 4); // same blob centres (same seed), other draws
        assertWithin(new RowBlock(query, 20, 0, 1500), new RowBlock(ref, 20, 0, 3000));
        // A query range inside the reference: the shift comes from the self term.
        assertWithin(new RowBlock(ref, 20, 500, 1000), new RowBlock(ref, 20, 0, 3000));
    }

    @Test
    void siliconSelfSumsAggregateAndStayWithinTolerance() {
        RowBlock all = RowBlock.of(siTrain);
        long aggregated = assertWithin(all, all);
        // The mechanism is exercised on this dense set (else the checks above prove nothing about it).
        assertTrue(aggregated > 0, "no pair was aggregated");
    }

    @Test
    void siliconTestAgainstTrain() {
        assertWithin(RowBlock.of(siTest), RowBlock.of(siTrain));
    }

    @Test
    void entropyMovesWithinTheReportedBound() {
        EntropyResult exact = new InformationMetrics(brute).entropy(siTrain, H);
        for (double rel : RELS) {
            EntropyResult got = new InformationMetrics(pruned).entropy(siTrain, H, rel, ProgressListener.NONE);
            double bound = Tolerance.logBound(rel);
            assertTrue(Math.abs(got.entropy() - exact.entropy()) <= bound, "entropy at " + rel);
            assertTrue(Math.abs(got.diversity() - exact.diversity()) <= bound, "diversity at " + rel);
        }
    }

    @Test
    void zeroToleranceIsTheExactPath() {
        RowBlock all = RowBlock.of(siTest);
        double[] a = new double[all.count()];
        double[] b = new double[all.count()];
        pruned.kernelSums(all, all, H, a);
        pruned.kernelSums(all, all, H, 0.0, b, ProgressListener.NONE);
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 0.0);
    }

    @Test
    void toleranceOutOfRangeIsRefused() {
        RowBlock all = RowBlock.of(siTest);
        double[] out = new double[all.count()];
        assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(all, all, H, 1e-12, out, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(all, all, H, 0.9, out, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> pruned.kernelSums(all, all, H, -1e-3, out, ProgressListener.NONE));
    }
}
