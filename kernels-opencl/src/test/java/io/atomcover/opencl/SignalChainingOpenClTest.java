package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atomcover.backend.ChildJvm;
import io.atomcover.backend.SignalChaining;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * OpenCL and the JVM's signal handlers. PoCL's LLVM replaces the JVM's SIGSEGV handler when the
 * device starts; without libjsig the JVM then dies with SIGSEGV at a safepoint, at random. These
 * tests run in child JVMs, where the driver starts fresh and cannot disturb the test JVM.
 */
class SignalChainingOpenClTest {
    private static ProcessBuilder child(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.java().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), DriverLoadProbe.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    private static Map<String, String> lines(ChildJvm.Result r) {
        return r.out().lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    }

    /**
     * In a JVM without libjsig, no path loads the OpenCL library: the device list comes from the
     * probe's own (chained) JVM, {@code opencl} is refused with the reason, {@code auto} warns and
     * takes the CPU.
     */
    @Test
    void openclIsNeverLoadedIntoAJvmWithoutSignalChaining() throws Exception {
        assumeTrue(SignalChaining.applies(), "LD_PRELOAD signal chaining is a Linux matter");
        OpenClTests.firstDevice();
        ProcessBuilder pb = child("unchained");
        pb.environment().remove(SignalChaining.PRELOAD);
        ChildJvm.Result r = ChildJvm.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, String> got = lines(r);
        assertTrue(Integer.parseInt(got.get("devices")) > 0, r::toString);
        assertTrue(got.get("opencl").startsWith("refused OpenCL is not loaded into a JVM without signal chaining"), r::toString);
        assertTrue(got.get("opencl").contains("LD_PRELOAD="), r::toString);
        assertTrue(got.get("auto").startsWith("cpu(") && got.get("auto").contains("signal chaining")
                && got.get("auto").contains("using the CPU backend"), r::toString);
        assertEquals("false", got.get("libOpenCL"), r::toString);
    }

    /**
     * A JVM started as the build starts test JVMs (its environment, so its LD_PRELOAD) keeps its own
     * handlers for SIGSEGV, SIGBUS, SIGFPE and SIGILL when the OpenCL devices start and when kernels
     * are built. Without libjsig PoCL's LLVM replaces all four at the device start, and the JVM dies
     * at random at a later safepoint.
     */
    @Test
    void theJvmKeepsItsSignalHandlersWhenOpenclStarts() throws Exception {
        assumeTrue(KernelSignalHandlers.supported(), "reads the kernel's handlers on Linux x86-64 and aarch64");
        OpenClTests.firstDevice();
        ChildJvm.Result r = ChildJvm.run(child("handlers"), Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, String> got = lines(r);
        assertEquals(KernelSignalHandlers.JVM_SIGNALS.keySet(), got.keySet(), r::toString);
        got.forEach((sig, verdict) -> assertEquals("kept,kept", verdict, sig + " (after device start, after kernel build)"));
    }
}
