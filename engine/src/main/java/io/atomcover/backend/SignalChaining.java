package io.atomcover.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this JVM chains signal handlers through HotSpot's {@code libjsig}, and how to start a JVM
 * that does.
 *
 * <p>The JVM takes SIGSEGV, SIGBUS, SIGFPE and SIGILL for its own use: safepoint polls and implicit
 * null checks fault on purpose and its handler resumes the thread. Native libraries that come in
 * through OpenCL install their own handlers over the JVM's: PoCL's kernel compiler (LLVM) does so
 * with {@code SA_RESETHAND} when it sets up a device and compiles kernels, so when two Java threads
 * fault at the same safepoint, the second one meets the default action and the process dies with
 * SIGSEGV, without a message or an {@code hs_err} file. With {@code libjsig} preloaded
 * ({@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}) the JVM keeps its handlers and calls the library's
 * for the signals it does not claim. An OpenCL library must therefore never be loaded into a JVM
 * without it: {@link #require(String)} is the check every such path goes through.
 *
 * <p>On systems other than Linux the check passes: there {@code LD_PRELOAD} does not apply (macOS
 * has {@code DYLD_INSERT_LIBRARIES=$JAVA_HOME/lib/libjsig.dylib}, Windows has no such signals).
 * {@code -Datomcover.signals.unchained=allow} lifts the check, for a driver known to install no
 * handlers, at the user's risk.
 */
public final class SignalChaining {
    /** System property that, set to {@code allow}, lets OpenCL load without signal chaining. */
    public static final String UNCHAINED_PROPERTY = "atomcover.signals.unchained";
    /** Environment variable the dynamic linker preloads libraries from. */
    public static final String PRELOAD = "LD_PRELOAD";

    private static volatile Boolean active;

    private SignalChaining() {
    }

    /** True on Linux, the only system where this class can check and arrange signal chaining. */
    public static boolean applies() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** Whether this JVM chains signals: {@code libjsig} is mapped into it (always true off Linux). */
    public static boolean active() {
        Boolean a = active;
        if (a == null) active = a = !applies() || mapped(Path.of("/proc/self/maps"));
        return a;
    }

    static boolean mapped(Path maps) {
        try (var lines = Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith("/libjsig.so"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** This JVM's {@code libjsig.so}, when it has one (Linux JDKs and JREs ship it in {@code lib/}). */
    public static Optional<Path> library() {
        return library(Path.of(System.getProperty("java.home")));
    }

    /** The {@code libjsig.so} of the Java installation at {@code javaHome}, when it has one. */
    public static Optional<Path> library(Path javaHome) {
        Path lib = javaHome.resolve("lib").resolve("libjsig.so");
        return Files.isRegularFile(lib) ? Optional.of(lib) : Optional.empty();
    }

    /**
     * Adds this JVM's {@code libjsig} in front of {@code LD_PRELOAD} in {@code env}, the environment
     * of a child JVM about to be started from this one's {@code java.home}. Does nothing off Linux or
     * when the library is missing.
     */
    public static void preloadInto(Map<String, String> env) {
        if (!applies()) return;
        library().ifPresent(lib -> {
            String old = env.get(PRELOAD);
            if (old != null && (" " + old.replace(':', ' ') + " ").contains(" " + lib + " ")) return;
            env.put(PRELOAD, old == null || old.isBlank() ? lib.toString() : lib + ":" + old);
        });
    }

    /**
     * Throws unless native code that may install signal handlers can be loaded safely.
     *
     * @param what what is about to be loaded, for the message ("OpenCL")
     * @throws BackendUnavailableException when this JVM does not chain signals
     */
    public static void require(String what) {
        if (active() || "allow".equals(System.getProperty(UNCHAINED_PROPERTY))) return;
        throw new BackendUnavailableException(what + " is not loaded into a JVM without signal chaining: its driver "
                + "replaces the JVM's signal handlers and crashes it at random; start Java with " + PRELOAD + "="
                + library().map(Path::toString).orElse("$JAVA_HOME/lib/libjsig.so")
                + " (the atomcover launcher and Docker image do)");
    }
}
