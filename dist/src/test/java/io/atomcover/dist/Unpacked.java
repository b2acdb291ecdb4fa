package io.atomcover.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distribution tarball the build made (its path comes from the build as the system property
 * {@code atomcover.dist}), unpacked into a folder, and a way to run programs with a chosen
 * environment.
 */
final class Unpacked {
    /** The folder the tarball holds everything under: atomcover-VERSION. */
    final Path home;

    private Unpacked(Path home) {
        this.home = home;
    }

    /** Unpacks the tarball into {@code into} with the system's tar, as a user would. */
    static Unpacked tarball(Path into) throws Exception {
        String tarball = System.getProperty("atomcover.dist");
        String name = System.getProperty("atomcover.dist.name");
        assertTrue(tarball != null && name != null, "run by Maven, which passes atomcover.dist and atomcover.dist.name");
        assertTrue(Files.isRegularFile(Path.of(tarball)), tarball + " was not built");
        Run r = run(into, Map.of("PATH", "/usr/bin:/bin"), "tar", "-xzf", tarball, "-C", into.toString());
        assertEquals(0, r.exit(), r::toString);
        return new Unpacked(into.resolve(name));
    }

    /** The result of a program: exit status and both outputs. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code command} in {@code dir} with exactly the environment {@code env} (nothing inherited). */
    static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 10 minutes");
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * A folder of links to only the commands the launchers use (no Maven, no java): a PATH that
     * shows the distribution needs nothing more than a Java runtime.
     */
    static Path barePath(Path dir, boolean withJava) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bare-bin"));
        List<String> tools = new ArrayList<>(List.of("bash", "env", "dirname", "readlink", "sed", "cat", "sh"));
        for (String tool : tools) {
            Path target = Path.of("/usr/bin", tool);
            if (!Files.exists(target)) target = Path.of("/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), target);
        }
        if (withJava) Files.createSymbolicLink(bin.resolve("java"), javaHome().resolve("bin").resolve("java"));
        return bin;
    }

    /** The Java runtime the tests run on. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
