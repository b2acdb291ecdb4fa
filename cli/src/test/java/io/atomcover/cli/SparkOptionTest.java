package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark} without the spark module on the class path (the command line's own jar and test
 * class path hold no Spark): one clear line and exit 1, on every command that takes it; the option
 * parses, and compress takes it only for segmented runs. The Spark runs themselves are tested in
 * the spark module.
 */
class SparkOptionTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheModuleEveryCommandSaysWhatIsMissing() throws Exception {
        String test = Cli.example("Si-test.extxyz").toString();
        String[][] lines = {
                {"entropy", test, "--spark", "local[2]"},
                {"overlap", test, test, "--spark", "local[2]"},
                {"dh", test, test, "-o", dir.resolve("dH.npy").toString(), "--spark", "local[2]"},
                {"compress", test, "-s", "3", "--chunks", "2", "-o", dir.resolve("s.json").toString(), "--spark", "local[2]"}};
        for (String[] line : lines) {
            Cli.Run r = Cli.run(line);
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().startsWith("atomcover: --spark: the spark module is not on the class path"), r::toString);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
        }
    }

    @Test
    void compressTakesSparkForSegmentedRunsOnly() {
        Cli.Run r = Cli.run("compress", Cli.example("Si-test.extxyz").toString(), "-s", "3",
                "-o", dir.resolve("s.json").toString(), "--spark", "local[2]");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--spark runs segmented compression: give --chunks N"), r::toString);
    }

    @Test
    void sparkAndAnotherBackendDoNotMix() {
        Cli.Run r = Cli.run("entropy", Cli.example("Si-test.extxyz").toString(), "--backend", "cpu", "--spark", "local[2]");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("--spark and --backend cpu cannot be combined"), r::toString);
    }
}
