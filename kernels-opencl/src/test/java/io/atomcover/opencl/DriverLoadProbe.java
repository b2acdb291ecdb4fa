package io.atomcover.opencl;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child-JVM side of {@link SignalChainingOpenClTest}. {@code unchained}: lists the devices, tries to
 * open device 0 as {@code opencl} and as {@code auto}, and prints one {@code key=value} line per
 * outcome, ending with whether the OpenCL library got mapped into this JVM. {@code handlers}: starts
 * the OpenCL devices, then opens device 0 (which builds its kernels), and says for each signal the
 * JVM relies on whether the kernel still holds the handler it held before, after each step.
 */
public final class DriverLoadProbe {
    private DriverLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "handlers" -> handlers();
            default -> unchained();
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void unchained() throws Exception {
        System.out.println("devices=" + new OpenClProvider().devices().size());
        try (KdeBackend b = Backends.open("opencl", new BackendRequest(0, 1, Precision.DOUBLE, 0), w -> { })) {
            System.out.println("opencl=opened " + b.name());
        } catch (BackendUnavailableException e) {
            System.out.println("opencl=refused " + e.getMessage());
        }
        List<String> warnings = new ArrayList<>();
        try (KdeBackend b = Backends.open("auto", new BackendRequest(0, 1, Precision.DOUBLE, 0), warnings::add)) {
            System.out.println("auto=" + b.name() + " warnings " + warnings);
        }
        System.out.println("libOpenCL=" + Files.readString(Path.of("/proc/self/maps")).contains("libOpenCL"));
    }

    private static void handlers() {
        Map<String, Long> before = KernelSignalHandlers.read();
        OpenClPlatforms.devices();
        Map<String, Long> started = KernelSignalHandlers.read();
        try (KdeBackend b = Backends.open("opencl", new BackendRequest(0, 1, Precision.DOUBLE, 0), w -> { })) {
            b.name();
        }
        Map<String, Long> built = KernelSignalHandlers.read();
        for (String sig : before.keySet())
            System.out.println(sig + "=" + verdict(before.get(sig), started.get(sig)) + "," + verdict(before.get(sig), built.get(sig)));
    }

    private static String verdict(long before, long after) {
        return before == after ? "kept" : "replaced";
    }
}
