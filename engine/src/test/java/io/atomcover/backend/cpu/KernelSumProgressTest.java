package io.atomcover.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.RowBlock;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.SelectionSummary;
import io.atomcover.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress of kernel sums and of what is built on them: reported from start to end, results unchanged. */
class KernelSumProgressTest {
    static final int DIM = 7;

    /** Records reports; the engine may call from several threads. */
    static final class Recorder implements ProgressListener {
        final List<long[]> reports = new ArrayList<>();

        @Override
        public synchronized void progress(long done, long total) {
            reports.add(new long[] {done, total});
        }

        synchronized long[] last() {
            return reports.get(reports.size() - 1);
        }

        /** Whether the fraction done never went back, in the order the reports arrived (one thread). */
        synchronized boolean monotone() {
            double f = -1;
            for (long[] r : reports) {
                double g = (double) r[0] / r[1];
                if (g < f) return false;
                f = g;
            }
            return true;
        }
    }

    private static Descriptors data(int structures, int rowsEach, long seed) {
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + rowsEach;
        return new Descriptors(CpuKdeBackendTest.clustered(off[structures], DIM, 4, seed), DIM, off);
    }

    @Test
    void cpuKernelSumsReportTilesFromZeroToAllAndGiveTheSameSums() {
        Descriptors d = data(40, 30, 1);
        try (CpuKdeBackend cpu = new CpuKdeBackend(1)) {
            for (boolean self : new boolean[] {true, false}) {
                RowBlock q = RowBlock.of(d);
                RowBlock r = self ? q : RowBlock.of(data(10, 30, 2));
                double[] plain = new double[q.count()];
                double[] reported = new double[q.count()];
                cpu.kernelSums(q, r, 0.05, plain);
                Recorder rec = new Recorder();
                cpu.kernelSums(q, r, 0.05, reported, rec);
                assertArrayEquals(plain, reported, 0.0);
                assertEquals(0, rec.reports.get(0)[0], "a report at the start");
                assertEquals(rec.last()[0], rec.last()[1], "a report at the end");
                assertTrue(rec.reports.size() > 3, "reports on the way: " + rec.reports.size());
                assertTrue(rec.monotone());
            }
        }
    }

    @Test
    void entropyAndDifferentialEntropyReportInRows() {
        Descriptors x = data(20, 25, 3);
        Descriptors y = data(12, 25, 4);
        try (CpuKdeBackend cpu = new CpuKdeBackend(2)) {
            InformationMetrics kde = new InformationMetrics(cpu);
            Recorder e = new Recorder();
            assertEquals(kde.entropy(x, 0.05).entropy(), kde.entropy(x, 0.05, e).entropy(), 0.0);
            assertArrayEquals(new long[] {x.rows(), x.rows()}, e.last());
            Recorder dh = new Recorder();
            assertArrayEquals(kde.differentialEntropy(y, x, 0.05), kde.differentialEntropy(y, x, 0.05, dh), 0.0);
            assertArrayEquals(new long[] {y.rows(), y.rows()}, dh.last());
            for (long[] r : dh.reports) assertEquals(y.rows(), r[1], "always in rows of y");
        }
    }

    @Test
    void selectionSummaryCountsTheSelectedRowsThenTheDataset() {
        Descriptors d = data(30, 20, 5);
        int[] selected = {3, 17, 8};
        try (CpuKdeBackend cpu = new CpuKdeBackend(1)) {
            Recorder rec = new Recorder();
            SelectionSummary withProgress = SelectionSummary.of(cpu, d, selected, 0.05, 1e-5, rec);
            assertEquals(SelectionSummary.of(cpu, d, selected, 0.05, 1e-5), withProgress);
            long total = 3 * 20 + d.rows();
            for (long[] r : rec.reports) assertEquals(total, r[1]);
            assertArrayEquals(new long[] {total, total}, rec.last());
            assertTrue(rec.reports.stream().anyMatch(r -> r[0] == 60), "the entropy part ends at the selected rows");
            assertTrue(rec.monotone());
        }
    }

    @Test
    void aPartMapsAStepOntoItsShareOfTheTask() {
        Recorder rec = new Recorder();
        ProgressListener step = rec.part(100, 50, 200);
        step.progress(0, 10);
        step.progress(5, 10);
        step.progress(10, 10);
        assertArrayEquals(new long[] {100, 200}, rec.reports.get(0));
        assertArrayEquals(new long[] {125, 200}, rec.reports.get(1));
        assertArrayEquals(new long[] {150, 200}, rec.reports.get(2));
        assertTrue(ProgressListener.NONE.part(0, 1, 1) == ProgressListener.NONE);
    }
}
