package io.atomcover.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as a user gets it: unpacked with tar and run through bin/atomcover with a PATH that
 * holds a shell and a few core tools but neither Maven nor (in most cases) java, whose runtime comes
 * through JAVA_HOME.
 */
class DistributionTest {
    /** Upstream QUESTS on Si-train, k = 32, rc = 5, h = 0.015 (engine golden si-mlearn.json). */
    static final double SI_TRAIN_ENTROPY = 5.311017244007958;
    static final Path ILP = Path.of("..", "cli", "src", "test", "resources", "ilp").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;
    static Unpacked dist;
    static Path bare;

    @BeforeAll
    static void unpack() throws Exception {
        dist = Unpacked.tarball(Files.createDirectories(tmp.resolve("unpacked")));
        bare = Unpacked.barePath(tmp, false);
    }

    /** JAVA_HOME names the runtime; PATH has no java and no mvn. */
    static Map<String, String> runtimeOnly() {
        return Map.of("PATH", bare.toString(), "JAVA_HOME", Unpacked.javaHome().toString());
    }

    @Test
    void holdsTheLauncherJarsDocsLicencesAndTheExample() throws IOException {
        Path launcher = dist.home.resolve("bin/atomcover");
        assertTrue(Files.isRegularFile(launcher));
        assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OTHERS_EXECUTE), "bin/atomcover is executable");
        for (String f : List.of("lib/atomcover.jar", "LICENSE", "NOTICE", "README.md", "CHANGELOG.md", "docs/install.md", "docs/cli.md",
                "examples/mlearn-si/Si-train.extxyz", "examples/mlearn-si/Si-test.extxyz"))
            assertTrue(Files.isRegularFile(dist.home.resolve(f)), f + " is in the distribution");
        assertEquals(Files.size(Path.of("..", "examples", "mlearn-si", "Si-train.extxyz")),
                Files.size(dist.home.resolve("examples/mlearn-si/Si-train.extxyz")));
        try (Stream<Path> ortools = Files.list(dist.home.resolve("lib/ortools"))) {
            List<String> names = ortools.map(p -> p.getFileName().toString()).toList();
            for (String prefix : List.of("ortools-java-", "ortools-linux-x86-64-", "ortools-linux-aarch64-", "ortools-darwin-x86-64-",
                    "ortools-darwin-aarch64-", "ortools-win32-x86-64-", "protobuf-java-", "jna-"))
                assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix) && n.endsWith(".jar")), prefix + "*.jar in lib/ortools: " + names);
        }
    }

    @Test
    void theCommandLineJarCarriesNoOrTools() throws IOException {
        try (ZipFile jar = new ZipFile(dist.home.resolve("lib/atomcover.jar").toFile())) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("com/google/ortools/") || n.startsWith("com/google/protobuf/") || n.startsWith("com/sun/jna/")
                            || n.contains("jniortools") || n.contains("libortools"))
                    .toList();
            assertEquals(List.of(), foreign);
            assertTrue(jar.getEntry("io/atomcover/cli/Main.class") != null);
            assertTrue(jar.getEntry("io/atomcover/ilpselect/api/IlpSelect.class") != null, "ILPSelect itself is in the jar");
        }
        // about 23 MB (the HNSW library's Eclipse Collections is 10 MB of it); OR-Tools' natives alone add 86 MB
        assertTrue(Files.size(dist.home.resolve("lib/atomcover.jar")) < 40_000_000L);
    }

    @Test
    void entropyOfTheBundledExampleWithOnlyAJavaRuntime() throws Exception {
        Unpacked.Run r = Unpacked.run(dist.home, runtimeOnly(), "bin/atomcover", "entropy", "examples/mlearn-si/Si-train.extxyz", "--threads", "2");
        assertEquals(0, r.exit(), r::toString);
        Matcher m = Pattern.compile("(?m)^entropy\\s+(\\S+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        double h = Double.parseDouble(m.group(1));
        assertTrue(Math.abs(h - SI_TRAIN_ENTROPY) <= 1e-9 * SI_TRAIN_ENTROPY, "entropy " + h + ", upstream " + SI_TRAIN_ENTROPY);
    }

    @Test
    void javaFromPathThroughALinkWithJavaOpts() throws Exception {
        Path withJava = Unpacked.barePath(Files.createDirectories(tmp.resolve("with-java")), true);
        Path link = tmp.resolve("atomcover-link");
        Files.createSymbolicLink(link, dist.home.resolve("bin/atomcover"));
        Unpacked.Run r = Unpacked.run(tmp, Map.of("PATH", withJava.toString(), "JAVA_OPTS", "-Xmx96m -XX:+PrintCommandLineFlags"),
                link.toString(), "--version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("-XX:+PrintCommandLineFlags") && r.out().contains("-XX:+UseParallelGC"), r::toString);
        Matcher m = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        assertTrue(Long.parseLong(m.group(1)) <= 96L << 20, "both words of JAVA_OPTS reach the JVM: " + r.out());
        assertTrue(r.out().contains("atomcover"), r::toString);
    }

    @Test
    void refusesAJavaOlderThan17() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("jdk11/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho should not run\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(old.getParent().resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.22\"\n");
        Unpacked.Run r = Unpacked.run(tmp, Map.of("PATH", bare.toString(), "JAVA_HOME", old.getParent().toString()),
                dist.home.resolve("bin/atomcover").toString(), "--version");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("Java 11 found") && r.err().contains("needs Java 17 or newer"), r::toString);
    }

    @Test
    void ilpSelectTakesOrToolsFromLib() throws Exception {
        Path out = tmp.resolve("ilp.json");
        Unpacked.Run r = Unpacked.run(dist.home, runtimeOnly(), "bin/atomcover", "select", ILP.resolve("targets.extxyz").toString(),
                "--target", "qm7_930", "--database", ILP.resolve("database.extxyz").toString(), "-n", "2", "--threads", "1",
                "--solver", "cpsat", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("2 of 2 molecules ranked for qm7_930"), r::toString);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void ilpWithoutOrToolsFailsInOneLine() throws Exception {
        Path out = tmp.resolve("no-ortools.json");
        Unpacked.Run r = Unpacked.run(dist.home, runtimeOnly(), Unpacked.javaHome().resolve("bin/java").toString(),
                "-cp", "lib/atomcover.jar", "io.atomcover.cli.Main", "select", ILP.resolve("targets.extxyz").toString(),
                "--target", "qm7_930", "--database", ILP.resolve("database.extxyz").toString(), "-n", "2", "--solver", "cpsat",
                "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("atomcover: select --method ilp --solver cpsat needs OR-Tools, which is not on the class path"), r::toString);
        assertFalse(Files.exists(out));
        // the default solver, the branch and bound, needs none
        Unpacked.Run bnb = Unpacked.run(dist.home, runtimeOnly(), Unpacked.javaHome().resolve("bin/java").toString(),
                "-cp", "lib/atomcover.jar", "io.atomcover.cli.Main", "select", ILP.resolve("targets.extxyz").toString(),
                "--target", "qm7_930", "--database", ILP.resolve("database.extxyz").toString(), "-n", "2", "-o", out.toString());
        assertEquals(0, bnb.exit(), bnb::toString);
        assertTrue(bnb.out().contains("2 of 2 molecules ranked for qm7_930"), bnb::toString);
        Files.delete(out);
        // the other rankers need no OR-Tools
        Unpacked.Run sml = Unpacked.run(dist.home, runtimeOnly(), Unpacked.javaHome().resolve("bin/java").toString(),
                "-cp", "lib/atomcover.jar", "io.atomcover.cli.Main", "select", ILP.resolve("targets.extxyz").toString(),
                "--target", "qm7_930", "--database", ILP.resolve("database.extxyz").toString(), "-n", "2", "--method", "sml",
                "-o", out.toString());
        assertEquals(0, sml.exit(), sml::toString);
    }

    @Test
    void dockerEntrypointRunsTheDistributionWithOrWithoutACommandName() throws Exception {
        Path entrypoint = Path.of("..", "docker", "atomcover.sh").toAbsolutePath().normalize();
        Path withJava = Unpacked.barePath(Files.createDirectories(tmp.resolve("docker-path")), true);
        Map<String, String> env = Map.of("PATH", withJava.toString(), "ATOMCOVER_HOME", dist.home.toString());
        Unpacked.Run plain = Unpacked.run(tmp, env, entrypoint.toString(), "--version");
        Unpacked.Run named = Unpacked.run(tmp, env, entrypoint.toString(), "atomcover", "--version");
        assertEquals(0, plain.exit(), plain::toString);
        assertEquals(plain, named);
        Unpacked.Run bad = Unpacked.run(tmp, env, entrypoint.toString(), "no-such-command");
        assertEquals(2, bad.exit(), bad::toString);
    }
}
