package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.MscSelector.Mode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Streaming at scale without N² work: 10^5 query rows against a few hundred reference rows, and
 * self sums and MSC runs forced through tiny {@link StreamLimits} (largest buffer, pairs per launch)
 * and memory budgets. However the work is cut into blocks and launches, the per-row sums are
 * bit-identical to one block's (the reference is always summed in the same tiles), and they agree
 * with the CPU backend's brute force ({@code CpuKdeBackend(2, false)}: every pair with Math.exp)
 * within 1e-10 relative, as in {@link KernelSumsTest}.
 */
class StreamingTest {
    static final double H = 0.015;
    static final CpuKdeBackend CPU = new CpuKdeBackend(2, false);

    /**
     * 100,000 query rows (Si-train rows, each moved by Gaussian noise of 0.001 per component)
     * against 128 Si-train rows: 1.28e7 pairs. One block and one launch by default; with
     * a 1 MiB largest buffer and 2^17 pairs per launch, 49 query blocks of 2,080 rows and several
     * launches each; with a 200 kB budget, the reference streams in two chunks as well.
     */
    @Test
    void hundredThousandQueryRowsAgainstAFewHundredReferences() {
        Descriptors si = OpenClTests.silicon();
        int dim = si.dim();
        int n = 100_000;
        double[] x = new double[n * dim];
        SplittableRandom rng = new SplittableRandom(2026);
        int refFirst = si.offsets()[30];
        for (int i = 0; i < n; i++) {
            // Half the rows near a reference row (sums of substance), half anywhere in Si-train.
            int src = i % 2 == 0 ? refFirst + (i / 2) % 128 : (i * 7919) % si.rows();
            for (int k = 0; k < dim; k++) x[i * dim + k] = si.data()[src * dim + k] + 0.001 * rng.nextGaussian();
        }
        RowBlock query = new RowBlock(x, dim, 0, n);
        RowBlock ref = new RowBlock(si.data(), dim, refFirst, 128);
        double[] cpu = new double[n];
        double[] one = new double[n];
        double[] blocks = new double[n];
        try (OpenClKdeBackend whole = OpenClTests.open();
             OpenClKdeBackend small = OpenClTests.open(0, l -> l.withMaxBufferBytes(1 << 20).withMaxLaunchPairs(1 << 17));
             OpenClKdeBackend tiny = OpenClTests.open(200_000, l -> l)) {
            for (boolean log : new boolean[] {false, true}) {
                if (log) {
                    CPU.logKernelSums(query, ref, H, cpu);
                    whole.logKernelSums(query, ref, H, one);
                    small.logKernelSums(query, ref, H, blocks);
                } else {
                    CPU.kernelSums(query, ref, H, cpu);
                    whole.kernelSums(query, ref, H, one);
                    small.kernelSums(query, ref, H, blocks);
                }
                assertArrayEquals(new int[] {1, 1}, whole.lastChunks());
                assertEquals(1, whole.lastLaunches());
                int[] chunks = small.lastChunks();
                assertTrue(chunks[0] > 40 && chunks[1] == 1, chunks[0] + " x " + chunks[1]);
                assertTrue(small.lastLaunches() > 2L * chunks[0], small.lastLaunches() + " launches");
                assertArrayEquals(one, blocks, "log " + log);
                double err = OpenClTests.maxRelative(one, cpu, n, log ? 1 : 0);
                assertTrue(err <= 1e-10, "log " + log + ": " + err);
                long nonzero = java.util.Arrays.stream(cpu).filter(v -> log ? Double.isFinite(v) && v > -50 : v > 1e-12).count();
                assertTrue(nonzero >= n / 2, "the data should give sums of substance: " + nonzero);
            }
            tiny.logKernelSums(query, ref, H, blocks);
            assertTrue(tiny.lastChunks()[0] > 100 && tiny.lastChunks()[1] == 2,
                    tiny.lastChunks()[0] + " x " + tiny.lastChunks()[1]);
            assertArrayEquals(one, blocks);
        }
    }

    /**
     * Self sums of 3,000 Si-train rows (9e6 pairs) with a 64 KiB largest buffer and 8,192 pairs per
     * launch: some 24 query blocks of 130 rows by 30 reference blocks, more than one launch per pair of blocks.
     */
    @Test
    void selfSumsInManyBlocksEqualOneBlockAndTheCpu() {
        Descriptors si = OpenClTests.silicon();
        RowBlock rows = new RowBlock(si.data(), si.dim(), 0, 3000);
        double[] cpu = new double[rows.count()];
        double[] one = new double[rows.count()];
        double[] blocks = new double[rows.count()];
        CPU.logKernelSums(rows, rows, H, cpu);
        try (OpenClKdeBackend whole = OpenClTests.open();
             OpenClKdeBackend small = OpenClTests.open(0, l -> l.withMaxBufferBytes(64 << 10).withMaxLaunchPairs(8192))) {
            whole.logKernelSums(rows, rows, H, one);
            small.logKernelSums(rows, rows, H, blocks);
            int[] chunks = small.lastChunks();
            assertTrue(chunks[0] > 20 && chunks[1] > 20, chunks[0] + " x " + chunks[1]);
            assertTrue(small.lastLaunches() > (long) chunks[0] * chunks[1], small.lastLaunches() + " launches");
            assertArrayEquals(one, blocks);
            assertTrue(OpenClTests.maxRelative(blocks, cpu, cpu.length, 1) <= 1e-10);
            // The entropy reduction over the same blocks: per-row sums as above, only the order of
            // the final additions differs.
            Descriptors sub = si.select(TilingAndFallbackTest.range(48));
            EntropyResult want = new InformationMetrics(CPU).entropy(sub, H);
            EntropyResult got = small.entropy(RowBlock.of(sub), H);
            assertTrue(small.lastChunks()[0] > 20, "entropy in blocks");
            assertEquals(want.entropy(), got.entropy(), 1e-10 * Math.abs(want.entropy()));
            assertEquals(want.diversity(), got.diversity(), 1e-10 * Math.abs(want.diversity()));
            EntropyResult oneBlock = whole.entropy(RowBlock.of(sub), H);
            assertEquals(oneBlock.entropy(), got.entropy(), 1e-12 * Math.abs(oneBlock.entropy()));
        }
    }

    /**
     * The MSC loop with the environments in blocks: blocks kept on the device (a 1 KiB largest
     * buffer: blocks of at most 32 rows, ample budget) and streamed (a 12 kB budget as well), with at most 20
     * pairs per update launch; plain and conditional (initial covers per block), both modes. The
     * selections and scores are the resident run's, exactly.
     */
    @Test
    void greedyCoverInBlocksGivesTheResidentSelections() {
        Descriptors d = OpenClTests.clustered(80, 9, 7);
        double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
        Descriptors reference = OpenClTests.clustered(8, 5, 107);
        try (OpenClKdeBackend resident = OpenClTests.open();
             OpenClKdeBackend kept = OpenClTests.open(0, l -> l.withMaxBufferBytes(1024).withMaxLaunchPairs(20));
             OpenClKdeBackend streamed = OpenClTests.open(12_000, l -> l.withMaxBufferBytes(1024).withMaxLaunchPairs(20))) {
            for (Mode mode : Mode.values()) {
                MscResult want = new MscSelector(resident, H, mode).select(d, entropies, 50);
                MscResult wantCond = new MscSelector(resident, H, mode).selectConditional(d, entropies, 30, reference);
                DeviceGreedyCover r = (DeviceGreedyCover) resident.greedyCover().orElseThrow();
                assertEquals(1, r.blocksLastRun());
                for (OpenClKdeBackend b : new OpenClKdeBackend[] {kept, streamed}) {
                    MscResult got = new MscSelector(b, H, mode).select(d, entropies, 50);
                    DeviceGreedyCover g = (DeviceGreedyCover) b.greedyCover().orElseThrow();
                    assertTrue(g.blocksLastRun() > 5, g.blocksLastRun() + " blocks");
                    assertEquals(b == streamed, g.streamedLastRun());
                    assertArrayEquals(want.indices(), got.indices(), mode + " " + b.memoryBudget());
                    assertArrayEquals(want.scores(), got.scores(), mode + " " + b.memoryBudget());
                    MscResult cond = new MscSelector(b, H, mode).selectConditional(d, entropies, 30, reference);
                    assertArrayEquals(wantCond.indices(), cond.indices(), mode + " conditional");
                    assertArrayEquals(wantCond.scores(), cond.scores(), mode + " conditional");
                }
            }
        }
    }

    @Test
    void limitsKeepToTheDevicesLargestAllocationAndTheLaunchProperty() {
        int dev = OpenClTests.firstDevice();
        OpenClDevice device = OpenClPlatforms.devices().get(dev);
        StreamLimits limits = StreamLimits.of(device);
        assertTrue(limits.maxBufferBytes() <= device.maxAllocBytes() && limits.maxBufferBytes() <= StreamLimits.STAGING_CAP,
                limits + " vs " + device.maxAllocBytes());
        assertEquals(StreamLimits.DEFAULT_LAUNCH_PAIRS, limits.maxLaunchPairs());
        assertFalse(limits.maxBufferBytes() < 64);
        String before = System.getProperty(StreamLimits.LAUNCH_PAIRS_PROPERTY);
        try {
            System.setProperty(StreamLimits.LAUNCH_PAIRS_PROPERTY, "100000");
            try (OpenClKdeBackend b = OpenClTests.open()) {
                assertEquals(100_000, b.limits().maxLaunchPairs());
            }
            System.setProperty(StreamLimits.LAUNCH_PAIRS_PROPERTY, "soon");
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, OpenClTests::open);
            assertTrue(e.getMessage().contains(StreamLimits.LAUNCH_PAIRS_PROPERTY + " must be a number of pairs"), e.getMessage());
        } finally {
            if (before == null) System.clearProperty(StreamLimits.LAUNCH_PAIRS_PROPERTY);
            else System.setProperty(StreamLimits.LAUNCH_PAIRS_PROPERTY, before);
        }
    }
}
