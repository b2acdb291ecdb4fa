package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit 1, one line naming file and line, no stack trace, outputs left alone. */
class FailureTest {
    @TempDir
    Path tmp;

    private static void assertOneLineInputError(Cli.Run r) {
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertEquals(1, r.err().lines().count(), "exactly one line: " + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r);
    }

    @Test
    void malformedFileNamesFileAndLine() throws Exception {
        Path bad = Cli.writeMalformed(tmp);
        for (String command : new String[] {"entropy", "descriptors"}) {
            Cli.Run r = command.equals("descriptors")
                    ? Cli.run(command, bad.toString(), "-o", tmp.resolve("d.npy").toString())
                    : Cli.run(command, bad.toString());
            assertOneLineInputError(r);
            assertTrue(Pattern.compile("bad\\.extxyz:\\d+: ").matcher(r.err()).find(), "file:line in " + r);
        }
    }

    @Test
    void malformedReferenceOfOverlapIsReportedToo() throws Exception {
        Cli.Run r = Cli.run("overlap", Cli.writeMolecules(tmp).toString(), Cli.writeMalformed(tmp).toString());
        assertOneLineInputError(r);
        assertTrue(r.err().contains("bad.extxyz:"), r::toString);
    }

    @Test
    void missingFileIsAnInputError() {
        Cli.Run r = Cli.run("entropy", tmp.resolve("nowhere.extxyz").toString());
        assertOneLineInputError(r);
        assertTrue(r.err().contains("nowhere.extxyz"), r::toString);
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Cli.Run r = Cli.run("entropy", Cli.writeMalformed(tmp).toString(), "--debug");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertTrue(r.err().contains("\tat "), "stack trace with --debug: " + r);
    }

    @Test
    void existingOutputsSurviveAFailedCommand() throws Exception {
        Path bad = Cli.writeMalformed(tmp);
        Path npy = tmp.resolve("keep.npy");
        Path json = tmp.resolve("keep.json");
        Files.writeString(npy, "previous matrix");
        Files.writeString(json, "{\"previous\": true}");

        assertEquals(1, Cli.run("descriptors", bad.toString(), "-o", npy.toString()).exit());
        assertEquals(1, Cli.run("entropy", bad.toString(), "--json", json.toString()).exit());
        assertEquals(1, Cli.run("dh", bad.toString(), Cli.example("Si-test.extxyz").toString(), "-o", npy.toString()).exit());

        assertEquals("previous matrix", Files.readString(npy));
        assertEquals("{\"previous\": true}", Files.readString(json));
        try (var files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void outputIntoAMissingFolderFailsBeforeAnyWork() throws Exception {
        Path out = tmp.resolve("no-such-folder").resolve("d.npy");
        Cli.Run r = Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "-o", out.toString());
        assertOneLineInputError(r);
        assertTrue(r.err().contains("does not exist"), r::toString);
    }

    @Test
    void corruptNpyInputIsAnInputError() throws Exception {
        Path npy = tmp.resolve("broken.npy");
        Files.writeString(npy, "this is not numpy");
        Cli.Run r = Cli.run("entropy", npy.toString());
        assertOneLineInputError(r);
        assertTrue(r.err().contains("broken.npy"), r::toString);
    }
}
