package io.atomcover.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts another JVM from this one's Java installation with signal chaining in place
 * ({@link SignalChaining#preloadInto}): to probe native drivers out of harm's way, or to restart a
 * command in a JVM that can load them.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** What a finished child printed and how it ended. */
    public record Result(int exitCode, String out, String err, boolean timedOut) {
    }

    /** The {@code java} executable of this JVM. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The class path made of where the given classes were loaded from (jars or class folders), in
     * order, without repeats. It reaches classes that sit in a class loader of their own, where
     * {@code java.class.path} would not (an application server, Spark's {@code --jars}).
     */
    public static String classPath(Class<?>... classes) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource src = c.getProtectionDomain().getCodeSource();
            if (src == null || src.getLocation() == null)
                throw new IllegalStateException("no code source for " + c.getName());
            try {
                entries.add(Path.of(src.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("code source of " + c.getName() + " is not a local path: " + src.getLocation(), e);
            }
        }
        return String.join(System.getProperty("path.separator"), entries);
    }

    /** {@code java <jvmArgs> -cp <classPath> <mainClass> <args>}, environment inherited, libjsig preloaded. */
    public static ProcessBuilder builder(List<String> jvmArgs, String classPath, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        SignalChaining.preloadInto(pb.environment());
        return pb;
    }

    /**
     * Runs the child to its end, or kills it after {@code timeout}, and returns what it printed.
     *
     * @throws IOException when the child cannot be started
     */
    public static Result run(ProcessBuilder builder, Duration timeout) throws IOException {
        Process p = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + builder.command().get(0), e);
        }
        if (!finished) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Result(finished ? p.exitValue() : -1, out.join(), err.join(), !finished);
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
