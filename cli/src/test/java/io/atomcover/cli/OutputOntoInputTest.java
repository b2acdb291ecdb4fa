package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command may write over what it reads: an output that is one of the inputs (by name, through a
 * symbolic link or a hard link) or another output is refused with exit 2 before any work, and the
 * input is left as it was.
 */
class OutputOntoInputTest {
    static final Path ILP_TARGETS = Path.of("src", "test", "resources", "ilp", "targets.extxyz");
    static final Path ILP_DATABASE = Path.of("src", "test", "resources", "ilp", "database.extxyz");
    static final Path EXPERIMENT_DATABASE = Path.of("src", "test", "resources", "experiment", "database.extxyz");

    @TempDir
    Path tmp;

    /** A copy of the 25-frame Si-test set. */
    private Path data;
    private byte[] original;

    @BeforeEach
    void copyData() throws Exception {
        data = tmp.resolve("si.extxyz");
        Files.copy(Cli.example("Si-test.extxyz"), data);
        original = Files.readAllBytes(data);
    }

    /** Exit 2 with the one-line usage message naming {@code path}; nothing on stdout. */
    private static void assertRefused(Cli.Run r, String path) {
        assertEquals(2, r.exit(), r::toString);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("atomcover: ") && first.contains(path), "first line names " + path + ": " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertEquals("", r.out(), r::toString);
    }

    private static Cli.Run run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) a.add(o.toString());
        return Cli.run(a.toArray(String[]::new));
    }

    private static byte[] copy(Path from, Path to) throws Exception {
        Files.copy(from, to);
        return Files.readAllBytes(to);
    }

    @Test
    void compressOntoItsOwnInputIsRefusedAndTheInputKeepsItsFrames() throws Exception {
        Cli.Run r = run("compress", data, "-s", "3", "-o", data);
        assertRefused(r, data.toString());
        assertTrue(r.err().contains("input"), r::toString);
        assertArrayEquals(original, Files.readAllBytes(data), "all 25 frames still there");
    }

    @Test
    void theSameFileThroughASymbolicLinkIsRefused() throws Exception {
        Path link = tmp.resolve("link.extxyz");
        Files.createSymbolicLink(link, data.getFileName());
        assertRefused(run("compress", link, "-s", "3", "-o", data), data.toString());
        assertRefused(run("compress", data, "-s", "3", "-o", link), link.toString());
        assertArrayEquals(original, Files.readAllBytes(data));
    }

    @Test
    void theSameFileThroughAHardLinkIsRefused() throws Exception {
        Path hard = tmp.resolve("hard.extxyz");
        Files.createLink(hard, data);
        assertRefused(run("compress", hard, "-s", "3", "-o", data), data.toString());
        assertRefused(run("compress", data, "-s", "3", "-o", hard), hard.toString());
        assertArrayEquals(original, Files.readAllBytes(data));
        assertArrayEquals(original, Files.readAllBytes(hard));
    }

    @Test
    void theSameFileSpelledDifferentlyIsRefused() throws Exception {
        Path roundabout = tmp.resolve("sub").resolve("..").resolve("si.extxyz");
        Files.createDirectory(tmp.resolve("sub"));
        assertRefused(run("compress", data, "-s", "3", "-o", roundabout), roundabout.toString());
        assertArrayEquals(original, Files.readAllBytes(data));
    }

    @Test
    void compressReferenceCurveAndPlotAreGuardedToo() throws Exception {
        Path ref = tmp.resolve("ref.extxyz");
        byte[] refBytes = copy(Cli.example("Si-test.extxyz"), ref);
        assertRefused(run("compress", data, "-s", "3", "-r", ref, "-o", ref), ref.toString());
        assertArrayEquals(refBytes, Files.readAllBytes(ref));
        // An input named like a curve or plot output.
        Path csv = tmp.resolve("frames.csv");
        byte[] csvBytes = copy(data, csv);
        assertRefused(run("compress", csv, "-s", "3", "--curve", csv), csv.toString());
        assertArrayEquals(csvBytes, Files.readAllBytes(csv));
        Path png = tmp.resolve("frames.png");
        byte[] pngBytes = copy(data, png);
        assertRefused(run("compress", png, "-s", "3", "--plot", png), png.toString());
        assertArrayEquals(pngBytes, Files.readAllBytes(png));
    }

    @Test
    void everyCommandRefusesAnOutputThatIsAnInput() throws Exception {
        // Inputs named as the outputs must be named, so that only the guard can stop the command.
        Path npy = tmp.resolve("structures.npy");
        byte[] npyBytes = copy(data, npy);
        assertRefused(run("descriptors", npy, "-o", npy), npy.toString());
        assertArrayEquals(npyBytes, Files.readAllBytes(npy));

        Path json = tmp.resolve("structures.json");
        byte[] jsonBytes = copy(data, json);
        assertRefused(run("entropy", json, "--json", json), json.toString());
        assertRefused(run("overlap", data, json, "--json", json), json.toString());
        assertRefused(run("overlap", json, data, "--json", json), json.toString());
        assertRefused(run("compare", json, "-s", "2", "-m", "random", "--seeds", "1", "-o", json), json.toString());
        assertRefused(run("compress", json, "-s", "3", "-o", json), json.toString());
        assertRefused(run("bench", json, "--json", json), json.toString());
        assertArrayEquals(jsonBytes, Files.readAllBytes(json));

        assertRefused(run("dh", data, npy, "-o", npy), npy.toString());
        assertRefused(run("dh", npy, data, "-o", npy), npy.toString());
        assertArrayEquals(npyBytes, Files.readAllBytes(npy));

        Path png = tmp.resolve("structures.png");
        byte[] pngBytes = copy(data, png);
        assertRefused(run("compare", png, "-s", "2", "-m", "random", "--seeds", "1", "--plot", png), png.toString());
        assertArrayEquals(pngBytes, Files.readAllBytes(png));
    }

    @Test
    void selectAndLearningCurveRefuseToOverwriteTheirTargetsDatabaseOrRankings() throws Exception {
        Path targets = tmp.resolve("targets.json");
        byte[] targetBytes = copy(ILP_TARGETS, targets);
        Path db = tmp.resolve("db.json");
        byte[] dbBytes = copy(ILP_DATABASE, db);
        assertRefused(run("select", targets, "-d", db, "-n", "2", "-m", "sml", "-o", db), db.toString());
        assertRefused(run("select", targets, "-d", db, "-n", "2", "-m", "sml", "-o", targets), targets.toString());

        Path ranking = tmp.resolve("ranking.json");
        Files.writeString(ranking, "{\"method\": \"sml\", \"ranking\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}");
        byte[] rankingBytes = Files.readAllBytes(ranking);
        String[] common = {"learning-curve", targets.toString(), "--target", "0", "--database", db.toString(),
                "--rankings", ranking.toString(), "--sizes", "5"};
        assertRefused(Cli.run(concat(common, "-o", ranking.toString())), ranking.toString());
        assertRefused(Cli.run(concat(common, "-o", db.toString())), db.toString());
        Path names = tmp.resolve("names.png");
        Files.writeString(names, "qm7_1\n");
        byte[] namesBytes = Files.readAllBytes(names);
        assertRefused(Cli.run(concat(common, "--index-order", names.toString(), "-o", tmp.resolve("lc.json").toString(),
                "--plot", names.toString())), names.toString());

        assertArrayEquals(targetBytes, Files.readAllBytes(targets));
        assertArrayEquals(dbBytes, Files.readAllBytes(db));
        assertArrayEquals(rankingBytes, Files.readAllBytes(ranking));
        assertArrayEquals(namesBytes, Files.readAllBytes(names));
    }

    @Test
    void outputsThatRepeatEachOtherAreRefused() throws Exception {
        Path json = tmp.resolve("report.json");
        Cli.Run r = run("compress", data, "-s", "3", "-o", json, "-o", tmp.resolve(".").resolve("report.json"));
        assertRefused(r, json.toString());
        assertFalse(Files.exists(json), "nothing written");

        Path png = tmp.resolve("curves.png");
        Cli.Run lc = Cli.run("learning-curve", ILP_TARGETS.toString(), "--target", "0", "--database", ILP_DATABASE.toString(),
                "--rankings", tmp.resolve("r.json").toString(), "--sizes", "5", "-o", png.toString(), "--plot", png.toString());
        assertRefused(lc, png.toString());
        assertFalse(Files.exists(png), "nothing written");
    }

    @Test
    void experimentRefusesAnInputAmongTheResultFilesItWrites() throws Exception {
        Path out = tmp.resolve("results");
        Path folder = out.resolve("drugs");
        Files.createDirectories(folder.resolve("rankings"));
        // The targets file where the averaged curves go, the database where the shared fps ranking goes.
        Path targets = folder.resolve("curves.json");
        byte[] targetBytes = copy(ILP_TARGETS, targets);
        String[] args = {"experiment", "drugs", "--targets", targets.toString(), "--database", EXPERIMENT_DATABASE.toString(),
                "-o", out.toString(), "-m", "fps", "--sizes", "5", "--plot", "none", "--threads", "1"};
        assertRefused(Cli.run(args), targets.toString());
        assertArrayEquals(targetBytes, Files.readAllBytes(targets));

        Path db = folder.resolve("rankings").resolve("fps.json");
        byte[] dbBytes = copy(EXPERIMENT_DATABASE, db);
        assertRefused(Cli.run("experiment", "drugs", "--targets", ILP_TARGETS.toString(), "--database", db.toString(),
                "-o", out.toString(), "-m", "fps", "--sizes", "5", "--plot", "none", "--threads", "1"), db.toString());
        assertArrayEquals(dbBytes, Files.readAllBytes(db));
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
