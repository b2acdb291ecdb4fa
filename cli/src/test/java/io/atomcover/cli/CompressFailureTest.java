package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bad usage of compress and compare: exit 1 or 2, one clear message, outputs untouched. */
class CompressFailureTest {
    @TempDir
    Path tmp;

    private Path keep;

    private Path existing() throws Exception {
        keep = tmp.resolve("keep.json");
        Files.writeString(keep, "{\"previous\": true}");
        return keep;
    }

    private void assertUntouched() throws Exception {
        assertEquals("{\"previous\": true}", Files.readString(keep));
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left behind");
        }
    }

    private static void assertInputError(Cli.Run r, String mentions) {
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertEquals(1, r.err().lines().count(), "one line: " + r);
        assertTrue(r.err().contains(mentions), "mentions " + mentions + ": " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    private static void assertUsage(Cli.Run r, String mentions) {
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(mentions), "mentions " + mentions + ": " + r);
    }

    @Test
    void missingFile() throws Exception {
        Cli.Run r = Cli.run("compress", tmp.resolve("nowhere.extxyz").toString(), "-s", "3", "-o", existing().toString());
        assertInputError(r, "nowhere.extxyz");
        assertUntouched();
    }

    @Test
    void malformedFileNamesFileAndLine() throws Exception {
        Path bad = Cli.writeMalformed(tmp);
        Cli.Run r = Cli.run("compress", bad.toString(), "-s", "1", "-o", existing().toString());
        assertInputError(r, "bad.extxyz:4: ");
        assertUntouched();
        Cli.Run c = Cli.run("compare", bad.toString(), "-s", "1", "-o", keep.toString());
        assertInputError(c, "bad.extxyz:4: ");
        assertUntouched();
    }

    @Test
    void badSizes() throws Exception {
        String molecules = Cli.writeMolecules(tmp).toString();
        String out = existing().toString();
        assertUsage(Cli.run("compress", molecules, "-s", "0", "-o", out), "-s must be");
        assertUsage(Cli.run("compress", molecules, "-s", "-0.5", "-o", out), "-s must be");
        assertUsage(Cli.run("compress", molecules, "-s", "2.5", "-o", out), "must be whole");
        Cli.Run big = Cli.run("compress", molecules, "-s", "4", "-o", out);
        assertUsage(big, "exceeds the 3 structures");
        assertTrue(big.err().contains("molecules.extxyz"), big::toString);
        assertUsage(Cli.run("compress", molecules, "-s", "0.1", "-o", out), "selects no structure");
        assertUsage(Cli.run("compress", molecules, "-o", out), "give the size");
        assertUsage(Cli.run("compress", molecules, "--optimal", "-s", "2"), "--optimal");
        assertUsage(Cli.run("compare", molecules, "-s", "0.5,5"), "exceeds the 3 structures");
        assertUsage(Cli.run("compare", molecules, "-s", "2,0.6"), "both mean 2");
        assertUntouched();
    }

    @Test
    void badOptions() throws Exception {
        String molecules = Cli.writeMolecules(tmp).toString();
        String out = existing().toString();
        assertUsage(Cli.run("compress", molecules, "-s", "2", "-m", "greedy", "-o", out), "unknown method 'greedy'");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "--compat", "ase"), "--compat takes 'quests'");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "-m", "fps", "--compat", "quests"), "--compat applies to msc");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "-m", "random", "--chunks", "3"), "--chunks applies to msc");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "--chunks", "1"), "--chunks must be at least 2");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "--chunks", "2", "-r", molecules), "cannot be combined");
        assertUsage(Cli.run("compress", molecules, "-m", "k_means", "--full"), "not nested");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "-o", tmp.resolve("sel.csv").toString()), ".json, .extxyz, .xyz or .txt");
        assertUsage(Cli.run("compress", molecules, "-s", "2", "--plot", tmp.resolve("p.jpg").toString()), ".png or .svg");
        assertUsage(Cli.run("compare", molecules, "-s", "2", "-m", "msc,best"), "unknown method 'best'");
        assertUsage(Cli.run("compare", molecules, "-s", "2", "--seeds", "0"), "--seeds must be at least 1");
        assertUntouched();
    }

    @Test
    void unwritableOutputFailsBeforeAnyWork() throws Exception {
        String molecules = Cli.writeMolecules(tmp).toString();
        Path missing = tmp.resolve("no-such-folder").resolve("sel.extxyz");
        Cli.Run r = Cli.run("compress", molecules, "-s", "2", "-o", existing().toString(), "-o", missing.toString());
        assertInputError(r, "no-such-folder");
        assertUntouched();
        Cli.Run c = Cli.run("compare", molecules, "-s", "2", "--plot", tmp.resolve("nope").resolve("c.png").toString());
        assertInputError(c, "nope");
    }

    @Test
    void descriptorMatrixIsNotAcceptedAsFile() throws Exception {
        Path npy = tmp.resolve("d.npy");
        Files.writeString(npy, "not read");
        Cli.Run r = Cli.run("compress", npy.toString(), "-s", "2");
        assertUsage(r, "not a descriptor matrix");
        assertTrue(Pattern.compile("compress").matcher(r.err()).find(), r::toString);
    }
}
