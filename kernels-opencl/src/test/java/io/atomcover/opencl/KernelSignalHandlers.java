package io.atomcover.opencl;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signal handlers the kernel holds for this process, read with the raw {@code rt_sigaction}
 * system call: libjsig answers the C library's {@code sigaction} with the handler it chains to, not
 * the one installed, so only the system call tells whether the JVM's handler is still in place.
 */
final class KernelSignalHandlers {
    /** The signals the JVM relies on for itself, by number on Linux. */
    static final Map<String, Integer> JVM_SIGNALS = Map.of("SIGILL", 4, "SIGBUS", 7, "SIGFPE", 8, "SIGSEGV", 11);

    interface LibC extends Library {
        long syscall(long number, Object... args);
    }

    private KernelSignalHandlers() {
    }

    /** Whether this machine's system call number for {@code rt_sigaction} is known here. */
    static boolean supported() {
        return System.getProperty("os.name").startsWith("Linux") && number() > 0;
    }

    private static long number() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 13;
            case "aarch64" -> 134;
            default -> -1;
        };
    }

    /** Handler address per signal name (the first field of the kernel's sigaction). */
    static Map<String, Long> read() {
        LibC libc = Native.load("c", LibC.class);
        Map<String, Long> out = new LinkedHashMap<>();
        for (var e : new java.util.TreeMap<>(JVM_SIGNALS).entrySet()) {
            Memory old = new Memory(64);
            long rc = libc.syscall(number(), e.getValue(), Pointer.NULL, old, 8L);
            if (rc != 0) throw new IllegalStateException("rt_sigaction(" + e.getKey() + ") returned " + rc);
            out.put(e.getKey(), old.getLong(0));
        }
        return out;
    }
}
