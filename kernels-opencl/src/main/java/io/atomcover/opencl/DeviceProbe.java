package io.atomcover.opencl;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.ChildJvm;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.SignalChaining;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the OpenCL devices in a child JVM, so that finding out whether there is a GPU loads no driver
 * into this one: a driver brings its compiler, threads and signal handlers along, and a run that
 * ends up on the CPU needs none of them. The child prints one line per device, or one line saying
 * why there is none; a child that crashes or hangs is reported the same way.
 */
public final class DeviceProbe {
    static final String DEVICE = "device";
    static final String UNAVAILABLE = "unavailable";
    /** A first driver start can compile and cache for a while; past this the probe is abandoned. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static List<DeviceInfo> devices;
    private static BackendUnavailableException failure;

    private DeviceProbe() {
    }

    /**
     * The devices, probed once per JVM.
     *
     * @throws BackendUnavailableException when there is no driver, no platform, or the probe failed
     */
    static synchronized List<DeviceInfo> devices() {
        if (devices == null && failure == null) {
            try {
                devices = probe();
            } catch (BackendUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return devices;
    }

    /**
     * Whether an OpenCL driver is registered with the ICD loader, judged from its registry alone
     * (nothing is loaded). On Linux the loaders read {@code /etc/OpenCL/vendors/*.icd} unless one of
     * their environment variables points elsewhere; other systems always answer true.
     */
    static boolean driverRegistered() {
        if (!SignalChaining.applies()) return true;
        for (String v : List.of("OCL_ICD_VENDORS", "OPENCL_VENDOR_PATH", "OCL_ICD_FILENAMES")) {
            String s = System.getenv(v);
            if (s != null && !s.isBlank()) return true;
        }
        try (Stream<Path> files = Files.list(Path.of("/etc/OpenCL/vendors"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".icd"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<DeviceInfo> probe() {
        if (!driverRegistered())
            throw new BackendUnavailableException("no OpenCL platform (no driver registered under /etc/OpenCL/vendors)");
        ProcessBuilder pb = ChildJvm.builder(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m"),
                ChildJvm.classPath(DeviceProbe.class, org.jocl.CL.class, DeviceInfo.class), DeviceProbe.class.getName(), List.of());
        ChildJvm.Result r;
        try {
            r = ChildJvm.run(pb, TIMEOUT);
        } catch (IOException e) {
            throw new BackendUnavailableException("the OpenCL device probe could not start: " + e.getMessage(), e);
        }
        if (r.timedOut())
            throw new BackendUnavailableException("the OpenCL device probe did not finish in " + TIMEOUT.toSeconds() + " s");
        List<DeviceInfo> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals(UNAVAILABLE) && f.length == 2) throw new BackendUnavailableException(f[1]);
            if (f[0].equals(DEVICE) && f.length == 8)
                out.add(new DeviceInfo(Integer.parseInt(f[1]), f[2], f[3], f[4], Long.parseLong(f[5]),
                        Integer.parseInt(f[6]), Boolean.parseBoolean(f[7])));
        }
        if (r.exitCode() != 0) {
            String last = r.err().strip();
            last = last.isEmpty() ? "" : ": " + last.substring(last.lastIndexOf('\n') + 1);
            throw new BackendUnavailableException("the OpenCL device probe failed (" + exitText(r.exitCode()) + ")" + last);
        }
        return out;
    }

    private static String exitText(int code) {
        return code > 128 && code < 160 ? "killed by signal " + (code - 128) : "exit status " + code;
    }

    /** The child's side: prints the devices, or why there are none. Always exits 0 when it gets that far. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            for (OpenClDevice d : OpenClPlatforms.devices()) {
                DeviceInfo i = d.info();
                out.println(String.join("\t", DEVICE, Integer.toString(i.index()), clean(i.platform()), clean(i.name()),
                        i.type(), Long.toString(i.globalMemoryBytes()), Integer.toString(i.computeUnits()),
                        Boolean.toString(i.fp64())));
            }
        } catch (BackendUnavailableException e) {
            out.println(UNAVAILABLE + "\t" + clean(e.getMessage()));
        }
        out.flush();
        // The driver's own threads must not keep the child alive or delay its end.
        Runtime.getRuntime().halt(0);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]", " ").strip();
    }
}
