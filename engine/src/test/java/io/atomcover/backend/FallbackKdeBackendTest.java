package io.atomcover.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.MscSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mid-run fallback with a stand-in device backend that fails at a chosen call: the failed call
 * and the rest go to the CPU with the CPU's results, one warning whatever the number of threads, the
 * device closed; a failing greedy cover restarts the selection on the CPU.
 */
class FallbackKdeBackendTest {
    static final double H = 0.015;

    /** A device stand-in: CPU sums, failing at its n-th call (1-based; 0: never) and in its greedy cover. */
    static final class Flaky implements KdeBackend {
        final CpuKdeBackend inner = new CpuKdeBackend(1);
        final int failAt;
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean closed;

        Flaky(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
            tick();
            inner.kernelSums(query, ref, bandwidth, out);
        }

        @Override
        public void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
            tick();
            inner.logKernelSums(query, ref, bandwidth, out);
        }

        @Override
        public Optional<GreedyCover> greedyCover() {
            return Optional.of((d, entropies, initial, size, h, log, progress) -> {
                tick();
                progress.progress(1, size);
                throw new BackendFailureException("fake greedy cover failed: CL_OUT_OF_RESOURCES", null);
            });
        }

        private void tick() {
            if (closed) throw new IllegalStateException("used after close");
            if (calls.incrementAndGet() == failAt)
                throw new BackendFailureException("fake kernel sums failed: CL_MEM_OBJECT_ALLOCATION_FAILURE", null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void failedCallAndTheRestRunOnTheCpu() {
        Descriptors d = clustered(30, 6, 1);
        RowBlock all = RowBlock.of(d);
        CpuKdeBackend cpu = new CpuKdeBackend(1);
        double[] want = new double[all.count()];
        cpu.kernelSums(all, all, H, want);
        Flaky device = new Flaky(2);
        List<String> warnings = new ArrayList<>();
        try (FallbackKdeBackend b = new FallbackKdeBackend(device, () -> new CpuKdeBackend(1), warnings::add)) {
            for (int i = 0; i < 3; i++) {
                double[] got = new double[all.count()];
                b.kernelSums(all, all, H, got);
                assertArrayEquals(want, got, "call " + i);
                assertEquals(i >= 1, b.fellBack());
            }
            assertEquals("cpu(1)", b.name());
        }
        assertEquals(2, device.calls.get(), "the call after the failure does not touch the device");
        assertTrue(device.closed);
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals("fake kernel sums failed: CL_MEM_OBJECT_ALLOCATION_FAILURE; using the CPU backend for this and the rest of the run",
                warnings.get(0));
    }

    @Test
    void concurrentCallsWarnOnceAndGiveTheCpuResults() {
        Descriptors d = clustered(60, 8, 2);
        double[] want = new InformationMetrics(new CpuKdeBackend(1)).structureEntropies(d, H, 4, (done, total) -> { });
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Flaky device = new Flaky(5);
        try (FallbackKdeBackend b = new FallbackKdeBackend(device, () -> new CpuKdeBackend(1), warnings::add)) {
            double[] got = new InformationMetrics(b).structureEntropies(d, H, 4, (done, total) -> { });
            assertArrayEquals(want, got);
        }
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(device.closed);
    }

    @Test
    void greedyCoverFailureRestartsTheSelectionOnTheCpu() {
        Descriptors d = clustered(40, 6, 3);
        Descriptors reference = clustered(5, 6, 4);
        CpuKdeBackend cpu = new CpuKdeBackend(1);
        double[] entropies = new InformationMetrics(cpu).structureEntropies(d, H, 1, (done, total) -> { });
        for (MscSelector.Mode mode : MscSelector.Mode.values()) {
            int[] plain = new MscSelector(cpu, H, mode).select(d, entropies, 12).indices();
            int[] conditional = new MscSelector(cpu, H, mode).selectConditional(d, entropies, 12, reference).indices();
            for (boolean cond : new boolean[] {false, true}) {
                List<String> warnings = new ArrayList<>();
                Flaky device = new Flaky(0);
                try (FallbackKdeBackend b = new FallbackKdeBackend(device, () -> new CpuKdeBackend(1), warnings::add)) {
                    MscSelector msc = new MscSelector(b, H, mode);
                    int[] got = cond ? msc.selectConditional(d, entropies, 12, reference).indices()
                            : msc.select(d, entropies, 12).indices();
                    assertArrayEquals(cond ? conditional : plain, got, mode + (cond ? " conditional" : " plain"));
                    assertTrue(b.greedyCover().isEmpty(), "no device loop once on the CPU");
                }
                assertEquals(1, warnings.size(), warnings::toString);
                assertTrue(warnings.get(0).startsWith("fake greedy cover failed: CL_OUT_OF_RESOURCES"), warnings.get(0));
                assertTrue(device.closed);
            }
        }
    }

    @Test
    void callerErrorsAreNotFailures() {
        List<String> warnings = new ArrayList<>();
        Flaky device = new Flaky(0);
        try (FallbackKdeBackend b = new FallbackKdeBackend(device, () -> new CpuKdeBackend(1), warnings::add)) {
            RowBlock q = new RowBlock(new double[6], 3, 0, 2);
            RowBlock r = new RowBlock(new double[8], 4, 0, 2);
            assertThrows(IllegalArgumentException.class, () -> b.kernelSums(q, r, H, new double[2]));
            assertFalse(b.fellBack());
        }
        assertEquals(List.of(), warnings);
        assertTrue(device.closed);
    }

    /** S structures of 1..maxRows rows in dim 4 around a few centres, at about the bandwidth scale. */
    static Descriptors clustered(int structures, int maxRows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dim = 4;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rng.nextInt(maxRows);
        double[] x = new double[off[structures] * dim];
        for (int s = 0; s < structures; s++) {
            double centre = 0.05 * rng.nextInt(4);
            for (int r = off[s]; r < off[s + 1]; r++)
                for (int k = 0; k < dim; k++) x[r * dim + k] = centre + 0.02 * rng.nextGaussian();
        }
        return new Descriptors(x, dim, off);
    }
}
