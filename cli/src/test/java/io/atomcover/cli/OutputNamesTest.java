package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output names must fit what the option writes: a wrong extension is exit 2 before any work. */
class OutputNamesTest {
    @TempDir
    Path tmp;

    /** Exit 2, the first line naming the option, the file and the allowed extension; the file not written. */
    private static void assertWrongName(Cli.Run r, String option, Path file, String allowed) {
        assertEquals(2, r.exit(), r::toString);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("atomcover: " + option + " " + file + ": the name must end in "), r::toString);
        assertTrue(first.contains(allowed), "names " + allowed + ": " + r);
        assertEquals("", r.out(), r::toString);
        assertFalse(Files.exists(file), file + " not written");
    }

    @Test
    void everyOutputOptionChecksItsExtension() throws Exception {
        String si = Cli.example("Si-test.extxyz").toString();
        String targets = OutputOntoInputTest.ILP_TARGETS.toString();
        String db = OutputOntoInputTest.ILP_DATABASE.toString();
        Path json = tmp.resolve("x.json");
        Path npy = tmp.resolve("x.npy");
        Path txt = tmp.resolve("x.txt");
        record Case(List<String> args, String option, Path file, String allowed) {
        }
        List<Case> cases = List.of(
                new Case(List.of("descriptors", si, "-o", json.toString()), "-o", json, ".npy"),
                new Case(List.of("dh", si, si, "-o", json.toString()), "-o", json, ".npy"),
                new Case(List.of("entropy", si, "--json", npy.toString()), "--json", npy, ".json (or be '-'"),
                new Case(List.of("overlap", si, si, "--json", npy.toString()), "--json", npy, ".json"),
                new Case(List.of("select", targets, "-d", db, "-n", "2", "-m", "sml", "-o", npy.toString()), "-o", npy, ".json"),
                new Case(List.of("compare", si, "-s", "2", "-m", "random", "--seeds", "1", "-o", npy.toString()), "-o", npy, ".json"),
                new Case(List.of("compare", si, "-s", "2", "-m", "random", "--seeds", "1", "--plot", json.toString()), "--plot", json,
                        ".png or .svg"),
                new Case(List.of("compress", si, "-s", "2", "--curve", json.toString()), "--curve", json, ".csv"),
                new Case(List.of("compress", si, "-s", "2", "-o", npy.toString()), "-o", npy, ".json, .extxyz, .xyz or .txt"),
                new Case(List.of("compress", si, "-s", "2", "--plot", txt.toString()), "--plot", txt, ".png or .svg"),
                new Case(List.of("learning-curve", targets, "--target", "0", "--database", db, "--rankings", json.toString(),
                        "--sizes", "5", "-o", npy.toString()), "-o", npy, ".json"),
                new Case(List.of("learning-curve", targets, "--target", "0", "--database", db, "--rankings", json.toString(),
                        "--sizes", "5", "-o", "-", "--plot", txt.toString()), "--plot", txt, ".png or .svg"),
                new Case(List.of("bench", si, "--json", txt.toString()), "--json", txt, ".json"),
                new Case(List.of("devices", "--json", npy.toString()), "--json", npy, ".json"));
        for (Case c : cases) assertWrongName(Cli.run(c.args().toArray(String[]::new)), c.option(), c.file(), c.allowed());
    }

    @Test
    void extensionsAreComparedWithoutRegardToCase() throws Exception {
        Path upper = tmp.resolve("D.NPY");
        Cli.Run r = Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "-o", upper.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.exists(upper));
    }

    @Test
    void aDashIsStandardOutputOnlyWhereItWasBefore() throws Exception {
        Cli.Run entropy = Cli.run("entropy", Cli.writeMolecules(tmp).toString(), "--json", "-");
        assertEquals(0, entropy.exit(), entropy::toString);
        assertTrue(entropy.out().strip().startsWith("{"), entropy::toString);

        Cli.Run twice = Cli.run("compress", Cli.example("Si-test.extxyz").toString(), "-s", "2", "-o", "-", "-o", "-");
        assertEquals(2, twice.exit(), twice::toString);
        assertTrue(twice.err().startsWith("atomcover: standard output ('-') given more than once"), twice::toString);

        Cli.Run plot = Cli.run("compare", Cli.example("Si-test.extxyz").toString(), "-s", "2", "--plot", "-");
        assertEquals(2, plot.exit(), plot::toString);
        assertTrue(plot.err().startsWith("atomcover: --plot -: the name must end in .png or .svg"), plot::toString);
    }
}
