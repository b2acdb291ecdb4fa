package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.BackendFailureException;
import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.backend.FallbackKdeBackend;
import io.atomcover.backend.Precision;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.select.MscSelector;
import io.atomcover.select.MscSelector.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;

/**
 * Failures in mid-run, injected through {@value OpenClKdeBackend#FAIL_AT_PROPERTY} at the real
 * allocation and enqueue calls: under {@code auto} the failed call is redone on the CPU with the
 * CPU's results, one warning, the device released; a device greedy cover that fails restarts on the
 * CPU with the CPU's selection. Under {@code opencl} the failure is a {@link BackendFailureException}
 * naming the operation and {@code CL_MEM_OBJECT_ALLOCATION_FAILURE}, and the backend stays usable.
 */
class FallbackTest {
    static final double H = 0.015;
    static final String OOM = "CL_MEM_OBJECT_ALLOCATION_FAILURE";
    static final CpuKdeBackend CPU = new CpuKdeBackend(2);

    /**
     * Device calls of one untiled kernel-sum call, in order: 5 allocations (query, norms,
     * accumulators, reference, norms), 4 uploads, the init and row_sums launches, the read-back.
     */
    static final int UNTILED_CALLS = 12;

    @Test
    void kernelSumFailureAtEveryDeviceCallFallsBackWithTheCpuResults() {
        Descriptors si = OpenClTests.silicon();
        RowBlock query = rows(si, 50, 60);
        RowBlock ref = new RowBlock(si.data(), si.dim(), 0, 4000);
        double[] want = new double[query.count()];
        double[] wantLog = new double[query.count()];
        CPU.kernelSums(query, ref, H, want);
        CPU.logKernelSums(query, ref, H, wantLog);
        for (int n = 1; n <= UNTILED_CALLS; n++) {
            List<String> warnings = new ArrayList<>();
            try (KdeBackend b = openFailingAt("auto", n, 0, warnings)) {
                FallbackKdeBackend fb = assertInstanceOf(FallbackKdeBackend.class, b);
                OpenClKdeBackend device = assertInstanceOf(OpenClKdeBackend.class, fb.active());
                double[] got = new double[query.count()];
                b.kernelSums(query, ref, H, got);
                assertTrue(OpenClTests.maxRelative(got, want, got.length, 0) <= 1e-12, "call " + n);
                assertEquals(1, warnings.size(), warnings::toString);
                String w = warnings.get(0);
                assertTrue(w.startsWith("OpenCL kernel sums failed on " + device.device().name() + ": " + OOM), w);
                assertTrue(w.endsWith("using the CPU backend for this and the rest of the run"), w);
                assertTrue(fb.fellBack() && fb.active() instanceof CpuKdeBackend, "call " + n);
                // The device was released; the rest of the run is on the CPU, without more warnings.
                assertThrows(IllegalStateException.class, () -> device.kernelSums(query, ref, H, got));
                b.logKernelSums(query, ref, H, got);
                assertTrue(OpenClTests.maxRelative(got, wantLog, got.length, 1) <= 1e-12, "log, call " + n);
                assertEquals(1, warnings.size(), warnings::toString);
            }
        }
    }

    @Test
    void failureWhileStreamingTilesFallsBack() {
        Descriptors si = OpenClTests.silicon();
        RowBlock query = rows(si, 50, 60);
        RowBlock ref = new RowBlock(si.data(), si.dim(), 0, 4000);
        double[] want = new double[query.count()];
        CPU.logKernelSums(query, ref, H, want);
        List<String> warnings = new ArrayList<>();
        // 300 kB: 3 query chunks x 28 reference chunks, each chunk two async uploads and a launch, so
        // call 40 falls among the uploads and kernels of the first query chunk with others in flight.
        try (KdeBackend b = openFailingAt("auto", 40, 300_000, warnings)) {
            double[] got = new double[query.count()];
            b.logKernelSums(query, ref, H, got);
            assertTrue(OpenClTests.maxRelative(got, want, got.length, 1) <= 1e-12);
        }
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("OpenCL log kernel sums failed on ") && warnings.get(0).contains(OOM), warnings.get(0));
    }

    /**
     * Si-train, 21 picks in both modes; the failure falls in the sixth iteration of the device loop
     * (after its set-up, 11 allocations and 9 uploads, each pick takes 4 calls).
     */
    @Test
    void greedyCoverFailureRestartsTheSelectionOnTheCpu() {
        Descriptors si = OpenClTests.silicon();
        double[] entropies = new InformationMetrics(CPU).structureEntropies(si, H);
        for (Mode mode : Mode.values()) {
            int[] want = new MscSelector(CPU, H, mode).select(si, entropies, 21).indices();
            List<String> warnings = new ArrayList<>();
            List<Long> progress = Collections.synchronizedList(new ArrayList<>());
            try (KdeBackend b = openFailingAt("auto", 42, 0, warnings)) {
                int[] got = new MscSelector(b, H, mode, (done, total) -> progress.add(done)).select(si, entropies, 21).indices();
                assertArrayEquals(want, got, mode.toString());
            }
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("OpenCL greedy cover (MSC) failed on ") && warnings.get(0).contains(OOM), warnings.get(0));
            // The device loop had made picks before it failed; the CPU started over from the first.
            int restart = progress.lastIndexOf(1L);
            assertTrue(restart >= 5 && progress.get(restart - 1) >= 5, progress::toString);
            assertEquals(21L, progress.get(progress.size() - 1));
        }
    }

    @Test
    void streamedGreedyCoverFailureRestartsTheSelectionOnTheCpu() {
        Descriptors d = OpenClTests.clustered(80, 9, 7);
        double[] entropies = new InformationMetrics(CPU).structureEntropies(d, H);
        Descriptors reference = OpenClTests.clustered(8, 5, 107);
        int[] want = new MscSelector(CPU, H, Mode.DEFAULT).selectConditional(d, entropies, 40, reference).indices();
        List<String> warnings = new ArrayList<>();
        // 12 kB: about ten chunks per iteration (see GreedyCoverTest), so call 300 is an upload or
        // launch in mid-stream a dozen picks in.
        try (KdeBackend b = openFailingAt("auto", 300, 12_000, warnings)) {
            int[] got = new MscSelector(b, H, Mode.DEFAULT).selectConditional(d, entropies, 40, reference).indices();
            assertArrayEquals(want, got);
        }
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("OpenCL greedy cover (MSC) failed on "), warnings.get(0));
    }

    @Test
    void explicitOpenclFailureNamesTheClErrorAndTheBackendStaysUsable() {
        Descriptors si = OpenClTests.silicon();
        RowBlock query = rows(si, 50, 60);
        RowBlock ref = new RowBlock(si.data(), si.dim(), 0, 4000);
        double[] want = new double[query.count()];
        CPU.kernelSums(query, ref, H, want);
        List<String> warnings = new ArrayList<>();
        try (KdeBackend b = openFailingAt("opencl", 3, 0, warnings)) {
            OpenClKdeBackend device = assertInstanceOf(OpenClKdeBackend.class, b);
            double[] got = new double[query.count()];
            BackendFailureException e = assertThrows(BackendFailureException.class, () -> b.kernelSums(query, ref, H, got));
            assertEquals("OpenCL kernel sums failed on " + device.device().name() + ": " + OOM, e.getMessage());
            assertEquals(CL.CL_MEM_OBJECT_ALLOCATION_FAILURE, assertInstanceOf(CLException.class, e.getCause()).getStatus());
            // Only that call failed: what it allocated was released and the next call works.
            b.kernelSums(query, ref, H, got);
            assertTrue(OpenClTests.maxRelative(got, want, got.length, 0) <= 1e-12);
        }
        Descriptors small = OpenClTests.clustered(40, 6, 3);
        double[] entropies = new InformationMetrics(CPU).structureEntropies(small, H);
        try (KdeBackend b = openFailingAt("opencl", 30, 0, warnings)) {
            BackendFailureException e = assertThrows(BackendFailureException.class,
                    () -> new MscSelector(b, H, Mode.DEFAULT).select(small, entropies, 20));
            assertTrue(e.getMessage().startsWith("OpenCL greedy cover (MSC) failed on ") && e.getMessage().endsWith(": " + OOM), e.getMessage());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void badFaultInjectionValueIsAnOpenError() {
        int dev = OpenClTests.firstDevice();
        String before = System.getProperty(OpenClKdeBackend.FAIL_AT_PROPERTY);
        System.setProperty(OpenClKdeBackend.FAIL_AT_PROPERTY, "soon");
        try {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                    () -> Backends.open("opencl", new BackendRequest(dev, 1, Precision.DOUBLE, 0), msg -> { }));
            assertTrue(e.getMessage().contains(OpenClKdeBackend.FAIL_AT_PROPERTY + " must be a call number"), e.getMessage());
        } finally {
            restore(before);
        }
    }

    /** Opens {@code kind} on the first device with its n-th allocation or enqueue failing. */
    static KdeBackend openFailingAt(String kind, long n, long memoryLimit, List<String> warnings) {
        int dev = OpenClTests.firstDevice();
        String before = System.getProperty(OpenClKdeBackend.FAIL_AT_PROPERTY);
        System.setProperty(OpenClKdeBackend.FAIL_AT_PROPERTY, Long.toString(n));
        try {
            return Backends.open(kind, new BackendRequest(dev, 2, Precision.DOUBLE, memoryLimit), warnings::add);
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) System.clearProperty(OpenClKdeBackend.FAIL_AT_PROPERTY);
        else System.setProperty(OpenClKdeBackend.FAIL_AT_PROPERTY, value);
    }

    private static RowBlock rows(Descriptors d, int fromStructure, int toStructure) {
        int first = d.offsets()[fromStructure];
        return new RowBlock(d.data(), d.dim(), first, d.offsets()[toStructure] - first);
    }
}
