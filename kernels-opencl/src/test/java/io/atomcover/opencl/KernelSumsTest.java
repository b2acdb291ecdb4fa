package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.Precision;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every OpenCL kernel against the CPU backend's brute force ({@code CpuKdeBackend(2, false)}: every
 * pair with Math.exp). Double precision: within 1e-10 relative. Float precision: within the bound
 * stated in docs/opencl.md, "Precision" (1e-4 relative on kernel sums of real descriptors).
 */
class KernelSumsTest {
    static final double H = 0.015;
    static final CpuKdeBackend CPU = new CpuKdeBackend(2, false);
    static OpenClKdeBackend gpu;
    /** Rows of 10 Si-train structures as query; all 13,233 rows as reference. */
    static RowBlock query;
    static RowBlock ref;

    @BeforeAll
    static void open() {
        // Without a platform every test reports the reason itself (skip, or failure under CI=true).
        if (!OpenClTests.available()) return;
        gpu = OpenClTests.open();
        Descriptors si = OpenClTests.silicon();
        query = new RowBlock(si.data(), si.dim(), si.offsets()[100], si.offsets()[110] - si.offsets()[100]);
        ref = RowBlock.of(si);
    }

    @BeforeEach
    void needsDevice() {
        OpenClTests.firstDevice();
    }

    @AfterAll
    static void close() {
        if (gpu != null) gpu.close();
    }

    @Test
    void linearAndLogSumsMatchCpuOnSilicon() {
        double[] want = new double[query.count()];
        double[] got = new double[query.count()];
        CPU.kernelSums(query, ref, H, want);
        gpu.kernelSums(query, ref, H, got);
        double lin = OpenClTests.maxRelative(got, want, want.length, 0);
        assertTrue(lin <= 1e-10, "linear: " + lin);
        CPU.logKernelSums(query, ref, H, want);
        gpu.logKernelSums(query, ref, H, got);
        double log = OpenClTests.maxRelative(got, want, want.length, 1);
        assertTrue(log <= 1e-10, "log: " + log);
        System.out.printf("double precision vs CPU brute force (%d x 13,233 Si pairs): linear %.2e relative, log %.2e%n", query.count(), lin, log);
        double[] d = new double[query.count()];
        double[] dw = new double[query.count()];
        RowBlock few = new RowBlock(ref.data(), ref.dim(), 0, 700);
        CPU.distanceSums(query, few, dw);
        gpu.distanceSums(query, few, d);
        assertTrue(OpenClTests.maxRelative(d, dw, d.length, 0) <= 1e-10, "distance sums: " + OpenClTests.maxRelative(d, dw, d.length, 0));
    }

    @Test
    void farRowsUnderflowToZeroInLinearAndStayFiniteInLog() {
        // Rows 1.0 apart at h = 0.015: exponent -2222, every term underflows.
        int dim = 3;
        double[] q = {0, 0, 0, 0.001, 0, 0};
        double[] r = {1, 0, 0, 1, 0.001, 0, 1.1, 0, 0};
        RowBlock qb = new RowBlock(q, dim, 0, 2);
        RowBlock rb = new RowBlock(r, dim, 0, 3);
        double[] got = new double[2];
        double[] want = new double[2];
        gpu.kernelSums(qb, rb, H, got);
        assertEquals(0.0, got[0]);
        assertEquals(0.0, got[1]);
        gpu.logKernelSums(qb, rb, H, got);
        CPU.logKernelSums(qb, rb, H, want);
        assertTrue(Double.isFinite(got[0]) && OpenClTests.maxRelative(got, want, 2, 1) <= 1e-10, got[0] + " vs " + want[0]);
        // Empty reference: 0 and -inf, as the CPU backend.
        gpu.kernelSums(qb, new RowBlock(r, dim, 0, 0), H, got);
        assertEquals(0.0, got[1]);
        gpu.logKernelSums(qb, new RowBlock(r, dim, 0, 0), H, got);
        assertEquals(Double.NEGATIVE_INFINITY, got[1]);
    }

    @Test
    void entropyDiversityAndOverlapReductionsMatchKde() {
        InformationMetrics kde = new InformationMetrics(CPU);
        Descriptors si = OpenClTests.silicon();
        Descriptors sub = si.select(range(0, 25));
        EntropyResult want = kde.entropy(sub, H);
        EntropyResult got = gpu.entropy(RowBlock.of(sub), H);
        assertEquals(want.entropy(), got.entropy(), 1e-10 * Math.abs(want.entropy()));
        assertEquals(want.diversity(), got.diversity(), 1e-10 * Math.abs(want.diversity()));
        // Structures 20..24 are in the reference (dH ≤ 0), the rest partly covered at best.
        Descriptors test = si.select(range(20, 40));
        double wantOverlap = InformationMetrics.overlap(kde.differentialEntropy(test, sub, H), 1e-5);
        double gotOverlap = gpu.overlap(RowBlock.of(test), RowBlock.of(sub), H, 1e-5);
        // A count: equal unless a row's dH sits within rounding of eps.
        assertEquals(wantOverlap, gotOverlap, 1.0 / test.rows() + 1e-15);
        assertTrue(wantOverlap > 0 && wantOverlap < 1, "the subset should give a partial overlap: " + wantOverlap);
    }

    @Test
    void floatPrecisionStaysWithinItsStatedBound() {
        try (OpenClKdeBackend f = OpenClTests.open(Precision.FLOAT, 0)) {
            double[] want = new double[query.count()];
            double[] got = new double[query.count()];
            CPU.kernelSums(query, ref, H, want);
            f.kernelSums(query, ref, H, got);
            double lin = OpenClTests.maxRelative(got, want, want.length, 0);
            CPU.logKernelSums(query, ref, H, want);
            f.logKernelSums(query, ref, H, got);
            double log = OpenClTests.maxRelative(got, want, want.length, 1);
            System.out.printf("float precision vs double (%d x 13,233 Si pairs): linear %.2e relative, log %.2e%n", query.count(), lin, log);
            assertTrue(lin <= 1e-4, "float linear sums: " + lin);
            assertTrue(log <= 1e-5, "float log sums: " + log);
        }
    }

    static int[] range(int from, int to) {
        int[] v = new int[to - from];
        for (int i = 0; i < v.length; i++) v[i] = from + i;
        return v;
    }
}
