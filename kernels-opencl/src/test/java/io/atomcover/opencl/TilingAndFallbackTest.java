package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.backend.FallbackKdeBackend;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.Precision;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.EntropyResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs larger than the device-memory budget (forced tiny through the request and through the
 * {@value OpenClKdeBackend#MAX_BYTES_PROPERTY} property) go in chunks with the same results; and
 * the failure paths: under {@code auto} a bad device number or a kernel build failure falls back to
 * the CPU with one warning, under {@code opencl} it is a clear error.
 */
class TilingAndFallbackTest {
    static final double H = 0.015;

    @Test
    void tiledSumsEqualUntiledSums() {
        Descriptors si = OpenClTests.silicon();
        RowBlock query = new RowBlock(si.data(), si.dim(), si.offsets()[50], si.offsets()[60] - si.offsets()[50]);
        RowBlock ref = new RowBlock(si.data(), si.dim(), 0, 4000);
        double[] whole = new double[query.count()];
        double[] tiled = new double[query.count()];
        try (OpenClKdeBackend big = OpenClTests.open();
             OpenClKdeBackend small = OpenClTests.open(Precision.DOUBLE, 300_000)) {
            for (boolean log : new boolean[] {false, true}) {
                if (log) {
                    big.logKernelSums(query, ref, H, whole);
                    small.logKernelSums(query, ref, H, tiled);
                } else {
                    big.kernelSums(query, ref, H, whole);
                    small.kernelSums(query, ref, H, tiled);
                }
                assertEquals(1, big.lastChunks()[0]);
                assertEquals(1, big.lastChunks()[1]);
                int[] chunks = small.lastChunks();
                assertTrue(chunks[0] > 1 && chunks[1] > 2, "query and reference in chunks: " + chunks[0] + " x " + chunks[1]);
                // Chunks end on tile boundaries, so each row is summed in the same order: equal.
                assertArrayEquals(whole, tiled, "log " + log);
            }
            small.distanceSums(query, ref, tiled);
            big.distanceSums(query, ref, whole);
            assertArrayEquals(whole, tiled);
        }
    }

    @Test
    void budgetPropertyTilesTheEntropyReduction() {
        Descriptors si = OpenClTests.silicon();
        RowBlock rows = new RowBlock(si.data(), si.dim(), 0, si.offsets()[20]);
        EntropyResult want = new io.atomcover.metrics.InformationMetrics(new CpuKdeBackend(2, false)).entropy(si.select(TilingAndFallbackTest.range(20)), H);
        String before = System.getProperty(OpenClKdeBackend.MAX_BYTES_PROPERTY);
        System.setProperty(OpenClKdeBackend.MAX_BYTES_PROPERTY, "200000");
        try (OpenClKdeBackend small = OpenClTests.open()) {
            assertEquals(200_000, small.memoryBudget());
            EntropyResult got = small.entropy(rows, H);
            assertTrue(small.lastChunks()[0] > 1 && small.lastChunks()[1] > 1);
            assertEquals(want.entropy(), got.entropy(), 1e-10 * want.entropy());
            assertEquals(want.diversity(), got.diversity(), 1e-10 * want.diversity());
        } finally {
            restore(OpenClKdeBackend.MAX_BYTES_PROPERTY, before);
        }
    }

    @Test
    void badDeviceNumberFallsBackUnderAutoAndFailsUnderOpencl() {
        OpenClTests.firstDevice();
        List<String> warnings = new ArrayList<>();
        try (KdeBackend b = Backends.open("auto", new BackendRequest(99, 1, Precision.DOUBLE, 0), warnings::add)) {
            assertInstanceOf(CpuKdeBackend.class, b);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("no device 99"), warnings.get(0));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.open("opencl", new BackendRequest(99, 1, Precision.DOUBLE, 0), warnings::add));
        assertTrue(e.getMessage().contains("no OpenCL device 99"), e.getMessage());
    }

    @Test
    void buildFailureFallsBackUnderAutoAndFailsUnderOpencl() {
        int dev = OpenClTests.firstDevice();
        String before = System.getProperty(ClSession.BUILD_OPTIONS_PROPERTY);
        // An undefined macro used as a type: the kernels cannot compile.
        System.setProperty(ClSession.BUILD_OPTIONS_PROPERTY, "-DREAL=no_such_type");
        try {
            List<String> warnings = new ArrayList<>();
            try (KdeBackend b = Backends.open("auto", new BackendRequest(dev, 1, Precision.DOUBLE, 0), warnings::add)) {
                assertInstanceOf(CpuKdeBackend.class, b);
            }
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("building the OpenCL kernels") && warnings.get(0).contains("using the CPU backend"), warnings.get(0));
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                    () -> Backends.open("opencl", new BackendRequest(dev, 1, Precision.DOUBLE, 0), warnings::add));
            assertTrue(e.getMessage().contains("building the OpenCL kernels"), e.getMessage());
        } finally {
            restore(ClSession.BUILD_OPTIONS_PROPERTY, before);
        }
        // And without the forced failure, auto with the device number opens it.
        List<String> none = new ArrayList<>();
        try (KdeBackend b = Backends.open("auto", new BackendRequest(dev, 1, Precision.DOUBLE, 0), none::add)) {
            // auto wraps the device so that a failure in mid-run falls back too.
            assertInstanceOf(OpenClKdeBackend.class, assertInstanceOf(FallbackKdeBackend.class, b).active());
        }
        assertEquals(List.of(), none);
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }

    static int[] range(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }
}
