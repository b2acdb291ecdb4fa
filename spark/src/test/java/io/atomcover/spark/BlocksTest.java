package io.atomcover.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pure functions of the Spark tasks, without Spark. */
class BlocksTest {
    private static final double H = 0.015;

    @Test
    void rangesCoverTheRowsInOrderAndAreLargeEnough() {
        for (int rows : new int[] {0, 1, 7, 1000, 13233})
            for (int ref : new int[] {1, 50, 13233})
                for (int tasks : new int[] {1, 3, 64}) {
                    List<int[]> r = RowRanges.split(rows, ref, tasks);
                    assertTrue(r.size() >= 1 && r.size() <= tasks);
                    int next = 0;
                    for (int[] range : r) {
                        assertEquals(next, range[0]);
                        next += range[1];
                        if (r.size() > 1) assertTrue((long) range[1] * ref >= RowRanges.MIN_BLOCK_PAIRS, "block too small");
                    }
                    assertEquals(rows, next);
                }
    }

    /** Blocks against the whole reference, placed in order, against a brute-force oracle. */
    @Test
    void blockSumsMatchBruteForce() {
        Descriptors x = new QuestsDescriptor().compute(
                ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures(), 2, ProgressListener.NONE);
        RowBlock all = RowBlock.of(x);
        double[] exact = new double[x.rows()];
        try (CpuKdeBackend brute = new CpuKdeBackend(1, false)) {
            brute.kernelSums(all, all, H, exact);
        }
        for (int[] r : RowRanges.split(x.rows(), x.rows(), 5)) {
            double[] part = BlockSums.sums(new RowBlock(x.data(), x.dim(), r[0], r[1]), all, H, false, 1);
            double[] logPart = BlockSums.sums(new RowBlock(x.data(), x.dim(), r[0], r[1]), all, H, true, 2);
            for (int i = 0; i < r[1]; i++) {
                double e = exact[r[0] + i];
                assertEquals(e, part[i], 1e-12 * e);
                assertEquals(Math.log(e), logPart[i], 1e-12 * Math.max(1, Math.abs(Math.log(e))));
            }
        }
    }

    @Test
    void descriptorBatchesConcatenateToTheWholeMatrix() {
        var structures = ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures();
        QuestsDescriptor q = new QuestsDescriptor();
        Descriptors whole = q.compute(structures, 2, ProgressListener.NONE);
        var settings = DescriptorBatch.QuestsSettings.of(q, structures);
        var runs = DistributedDescriptors.runs(structures, 4);
        assertEquals(4, runs.size());
        Descriptors joined = DescriptorBatch.concat(runs.stream().map(run -> DescriptorBatch.compute(run, settings, 1)).toList(), settings.dim());
        assertArrayEquals(whole.offsets(), joined.offsets());
        assertArrayEquals(whole.data(), joined.data());
    }

    @Test
    void rowsTravelWithTheirValues() {
        double[] data = new Random(3).doubles(40).toArray();
        Rows r = Rows.of(new RowBlock(data, 4, 2, 5));
        assertEquals(5, r.count());
        assertEquals(data[8], r.data()[0]);
        assertEquals(data[27], r.data()[19]);
    }
}
