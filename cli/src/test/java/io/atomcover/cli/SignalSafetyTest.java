package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.backend.Backends;
import io.atomcover.backend.ChildJvm;
import io.atomcover.backend.SignalChaining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of starting atomcover keeps the JVM's signal handlers when OpenCL is loaded: the
 * launchers (the source tree's, and the distribution's, which the Docker entry script runs) preload
 * libjsig into Java, a plain {@code java} restarts
 * itself with it when a device will be opened, and runs that need no device never load OpenCL.
 */
class SignalSafetyTest {
    @TempDir
    Path tmp;

    private static boolean openclInstalled() {
        return Backends.providers().stream().anyMatch(p -> p.driverInstalled());
    }

    /** A fake Java installation whose {@code java} prints its LD_PRELOAD and arguments. */
    private Path fakeJavaHome() throws Exception {
        Path home = tmp.resolve("jdk");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/libjsig.so"), "");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"LD_PRELOAD=$LD_PRELOAD\"\necho \"ARGS=$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String run(ProcessBuilder pb) throws Exception {
        ChildJvm.Result r = ChildJvm.run(pb, Duration.ofMinutes(1));
        assertEquals(0, r.exitCode(), r::toString);
        return r.out();
    }

    @Test
    void launcherPreloadsLibjsigIntoJavaOnly() throws Exception {
        assumeTrue(SignalChaining.applies(), "LD_PRELOAD is a Linux matter");
        Path home = fakeJavaHome();
        // The launcher next to an up-to-date jar, so it does not try to build one.
        Path root = Files.createDirectories(tmp.resolve("atomcover"));
        Files.copy(Path.of("..", "atomcover"), root.resolve("atomcover"));
        Files.createDirectories(root.resolve("cli/target/ortools"));
        Files.writeString(root.resolve("cli/target/atomcover.jar"), "");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("atomcover").toString(), "entropy", "x.extxyz");
        pb.environment().put("JAVA_HOME", home.toString());
        pb.environment().put("LD_PRELOAD", "/opt/user.so");
        String out = run(pb);
        assertTrue(out.contains("LD_PRELOAD=" + home.resolve("lib/libjsig.so") + ":/opt/user.so\n"), out);
        assertTrue(out.contains("-cp " + root.resolve("cli/target/atomcover.jar") + ":" + root.resolve("cli/target/ortools") + "/* "
                + Main.class.getName() + " entropy x.extxyz"), out);
    }

    /** The Docker entry script runs the distribution's launcher, which preloads libjsig. */
    @Test
    void distributionLauncherThroughTheDockerEntryPreloadsLibjsig() throws Exception {
        assumeTrue(SignalChaining.applies(), "LD_PRELOAD is a Linux matter");
        Path home = fakeJavaHome();
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib/ortools"));
        Files.copy(Path.of("..", "dist", "src", "bin", "atomcover"), dist.resolve("bin/atomcover"));
        Files.writeString(dist.resolve("lib/atomcover.jar"), "");
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("..", "docker", "atomcover.sh").toString(), "devices");
        pb.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("ATOMCOVER_HOME", dist.toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("LD_PRELOAD");
        String out = run(pb);
        assertTrue(out.contains("LD_PRELOAD=" + home.resolve("lib/libjsig.so") + "\n"), out);
        assertTrue(out.contains("-cp " + dist.resolve("lib/atomcover.jar") + ":" + dist.resolve("lib/ortools") + "/* "
                + Main.class.getName() + " devices"), out);
    }

    @Test
    void onlyCommandsThatOpenADeviceRestart() {
        boolean autoTakesADevice = Backends.autoChoice(-1, w -> { }).isPresent();
        assertFalse(ChainedRelaunch.opensDevice(new String[] {"entropy", "x.extxyz", "--backend", "cpu"}));
        assertFalse(ChainedRelaunch.opensDevice(new String[] {"entropy", "--help"}));
        assertFalse(ChainedRelaunch.opensDevice(new String[] {"select", "t.extxyz", "-d", "db.extxyz", "-n", "4"}));
        assertFalse(ChainedRelaunch.opensDevice(new String[] {"entropy", "--no-such-option"}));
        assertTrue(ChainedRelaunch.opensDevice(new String[] {"entropy", "x.extxyz", "--backend", "opencl"}));
        assertTrue(ChainedRelaunch.opensDevice(new String[] {"devices"}));
        assertEquals(autoTakesADevice, ChainedRelaunch.opensDevice(new String[] {"compress", "x.extxyz", "-s", "2"}));
    }

    /** {@code java -cp … Main} without LD_PRELOAD: commands that open a device run in a chained JVM. */
    @Test
    void plainJavaRestartsWithSignalChainingToOpenADevice() throws Exception {
        assumeTrue(SignalChaining.applies() && openclInstalled(), "needs Linux and an OpenCL driver (CI installs PoCL)");
        Path mol = Cli.writeMolecules(tmp);
        List<String> base = List.of(ChildJvm.java().toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
        ProcessBuilder devices = new ProcessBuilder(concat(base, "devices", "--json", "-"));
        devices.environment().remove("LD_PRELOAD");
        JsonNode j = Json.MAPPER.readTree(run(devices));
        assertTrue(j.get("signal_chaining").asBoolean(), j::toString);

        ProcessBuilder entropy = new ProcessBuilder(concat(base, "entropy", mol.toString(), "--backend", "opencl",
                "--device", "0", "--json", "-"));
        entropy.environment().remove("LD_PRELOAD");
        // Without the restart the device would be refused here (exit 1): it is never opened unchained.
        JsonNode e = Json.MAPPER.readTree(run(entropy));
        assertTrue(e.get("entropy").asDouble() > 0, e::toString);
    }

    /** Runs on the CPU load no OpenCL library: {@code cpu} never looks, {@code auto} lists devices from a child JVM. */
    @Test
    void runsOnTheCpuLoadNoDriver() throws Exception {
        assumeTrue(SignalChaining.applies(), "reads /proc/self/maps");
        Path mol = Cli.writeMolecules(tmp);
        boolean autoTakesADevice = Backends.autoChoice(-1, w -> { }).isPresent();
        for (String backend : List.of("cpu", "auto", "opencl")) {
            ProcessBuilder pb = ChildJvm.builder(List.of("-Xmx256m"), System.getProperty("java.class.path"),
                    DriverMapsAfterRun.class.getName(), List.of("entropy", mol.toString(), "--backend", backend, "--device",
                            backend.equals("opencl") ? "0" : "-1"));
            String out = run(pb);
            boolean loads = backend.equals("opencl") ? openclInstalled() : backend.equals("auto") && autoTakesADevice;
            assertTrue(out.contains("libOpenCL=" + loads), backend + ": " + out);
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
