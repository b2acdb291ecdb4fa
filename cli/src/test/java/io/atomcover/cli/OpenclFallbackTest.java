package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCL failures in mid-run through the command line, injected with the
 * {@code atomcover.opencl.failAt} property (set in this JVM, which runs the commands in-process):
 * under {@code --backend auto} one warning line and the CPU's results, exit 0; under
 * {@code --backend opencl} exit 1 and one line naming the CL error, the stack trace only with
 * {@code --debug}. Skipped without an OpenCL platform, except under {@code CI=true}.
 */
class OpenclFallbackTest {
    static final String FAIL_AT = "atomcover.opencl.failAt";
    static final String OOM = "CL_MEM_OBJECT_ALLOCATION_FAILURE";
    /** Device calls of one small kernel-sum call (see FallbackTest in kernels-opencl). */
    static final int CALLS_PER_SUM = 12;

    @TempDir
    Path tmp;

    @BeforeEach
    void needsDevice() throws Exception {
        Cli.Run list = Cli.run("devices", "--json", "-");
        JsonNode opencl = Json.MAPPER.readTree(list.out()).get("backends").get(0);
        if (!opencl.has("unavailable")) return;
        String msg = "no OpenCL platform on this machine: " + opencl.get("unavailable").asText();
        if ("true".equals(System.getenv("CI"))) fail("CI=true: " + msg);
        assumeTrue(false, msg);
    }

    @Test
    void autoWarnsOnceAndGivesTheCpuEntropy() throws Exception {
        Path mol = Cli.writeMolecules(tmp);
        Path cpu = tmp.resolve("cpu.json");
        Path auto = tmp.resolve("auto.json");
        assertEquals(0, Cli.run("entropy", mol.toString(), "--backend", "cpu", "--json", cpu.toString()).exit());
        Cli.Run r = runFailingAt(1, "entropy", mol.toString(), "--backend", "auto", "--device", "0", "--json", auto.toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r::toString);
        assertTrue(err.get(0).startsWith("warning: OpenCL kernel sums failed on ") && err.get(0).contains(OOM)
                && err.get(0).endsWith("; using the CPU backend for this and the rest of the run"), err.get(0));
        double want = EntropyCommandTest.readJson(cpu).get("entropy").asDouble();
        assertEquals(want, EntropyCommandTest.readJson(auto).get("entropy").asDouble(), 1e-12 * want);
    }

    @Test
    void explicitOpenclFailsWithOneLineNamingTheClError() throws Exception {
        Path mol = Cli.writeMolecules(tmp);
        Cli.Run r = runFailingAt(1, "entropy", mol.toString(), "--backend", "opencl", "--device", "0");
        assertEquals(1, r.exit(), r::toString);
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r::toString);
        assertTrue(err.get(0).startsWith("atomcover: --backend opencl: OpenCL kernel sums failed on ")
                && err.get(0).endsWith(": " + OOM), err.get(0));
        Cli.Run debug = runFailingAt(1, "entropy", mol.toString(), "--backend", "opencl", "--device", "0", "--debug");
        assertEquals(1, debug.exit(), debug::toString);
        assertTrue(debug.err().contains("io.atomcover.backend.BackendFailureException") && debug.err().contains("\tat "), debug::toString);
    }

    /**
     * Si-test (25 structures) to 12: the structure entropies (25 kernel-sum calls) run on the device,
     * then the injected failure hits the sixth pick of the device greedy loop (after its 20 set-up
     * calls, 4 calls a pick); the selection restarts on the CPU and is the CPU run's, and the report
     * names the CPU backend.
     */
    @Test
    void compressRestartsAFailedGreedyLoopOnTheCpu() throws Exception {
        Path si = Cli.example("Si-test.extxyz");
        Path cpu = tmp.resolve("cpu.json");
        Path auto = tmp.resolve("auto.json");
        Cli.Run c = Cli.run("compress", si.toString(), "-s", "12", "--backend", "cpu", "--threads", "2", "-o", cpu.toString());
        assertEquals(0, c.exit(), c::toString);
        Cli.Run r = runFailingAt(25 * CALLS_PER_SUM + 42, "compress", si.toString(), "-s", "12", "--backend", "auto",
                "--device", "0", "--threads", "2", "-o", auto.toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), r::toString);
        assertTrue(warnings.get(0).startsWith("warning: OpenCL greedy cover (MSC) failed on ") && warnings.get(0).contains(OOM),
                warnings.get(0));
        JsonNode want = CompressCommandTest.readJson(cpu);
        JsonNode got = CompressCommandTest.readJson(auto);
        assertArrayEquals(CompressCommandTest.ints(want.get("selected")), CompressCommandTest.ints(got.get("selected")));
        assertEquals(want.get("parameters").get("backend").asText(), got.get("parameters").get("backend").asText());
        assertFalse(r.err().contains("looks like a bug"), r::toString);
    }

    /** Runs a command line with the n-th OpenCL allocation or enqueue of the backend failing. */
    static Cli.Run runFailingAt(long n, String... args) {
        String before = System.getProperty(FAIL_AT);
        System.setProperty(FAIL_AT, Long.toString(n));
        try {
            return Cli.run(args);
        } finally {
            if (before == null) System.clearProperty(FAIL_AT);
            else System.setProperty(FAIL_AT, before);
        }
    }
}
