package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomcover devices} and the --backend/--device paths through the fat jar's class path:
 * the OpenCL provider is found through ServiceLoader. On a machine without OpenCL the listing must
 * say so; with a device (PoCL in CI) it is listed and usable by number.
 */
class DevicesAndBackendTest {
    @TempDir
    Path tmp;

    @Test
    void devicesListsOpenclDevicesOrSaysThereIsNone() throws Exception {
        Path json = tmp.resolve("devices.json");
        Cli.Run r = Cli.run("devices", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = EntropyCommandTest.readJson(json);
        JsonNode opencl = j.get("backends").get(0);
        assertEquals("opencl", opencl.get("name").asText(), "the OpenCL provider is registered: " + j);
        if (opencl.has("unavailable")) {
            assertTrue(r.out().contains("no OpenCL platform"), r::toString);
            assertFalse("true".equals(System.getenv("CI")), "CI installs PoCL: " + r);
        } else {
            JsonNode d0 = opencl.get("devices").get(0);
            assertEquals(0, d0.get("index").asInt());
            assertTrue(d0.get("global_memory_bytes").asLong() > 0 && d0.get("compute_units").asInt() > 0, d0::toString);
            assertTrue(r.out().contains("device 0: " + d0.get("name").asText()), r::toString);
            assertTrue(r.out().contains("fp64"), r::toString);
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cpu: always available")), r::toString);
        assertEquals("cpu", j.get("backends").get(1).get("name").asText());
    }

    @Test
    void badDeviceNumberWarnsUnderAutoAndFailsUnderOpencl() throws Exception {
        Path mol = Cli.writeMolecules(tmp);
        Cli.Run auto = Cli.run("entropy", mol.toString(), "--backend", "auto", "--device", "99");
        assertEquals(0, auto.exit(), auto::toString);
        assertEquals(1, auto.err().lines().filter(l -> l.startsWith("warning: ")).count(), auto::toString);
        assertTrue(auto.err().contains("using the CPU backend"), auto::toString);
        Cli.Run strict = Cli.run("entropy", mol.toString(), "--backend", "opencl", "--device", "99");
        assertEquals(1, strict.exit(), strict::toString);
        assertTrue(strict.err().startsWith("atomcover: --backend opencl: "), strict::toString);
    }

    @Test
    void openclEntropyEqualsCpuEntropyWhenADeviceExists() throws Exception {
        Cli.Run list = Cli.run("devices", "--json", "-");
        JsonNode opencl = Json.MAPPER.readTree(list.out()).get("backends").get(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(!opencl.has("unavailable") || "true".equals(System.getenv("CI")),
                "no OpenCL platform on this machine");
        Path mol = Cli.writeMolecules(tmp);
        Path a = tmp.resolve("cpu.json");
        Path b = tmp.resolve("opencl.json");
        assertEquals(0, Cli.run("entropy", mol.toString(), "--backend", "cpu", "--json", a.toString()).exit());
        Cli.Run r = Cli.run("entropy", mol.toString(), "--backend", "opencl", "--device", "0", "--json", b.toString());
        assertEquals(0, r.exit(), r::toString);
        double want = EntropyCommandTest.readJson(a).get("entropy").asDouble();
        assertEquals(want, EntropyCommandTest.readJson(b).get("entropy").asDouble(), 1e-10 * want);
    }
}
