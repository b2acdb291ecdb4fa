package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.io.InputSpec;
import io.atomcover.io.ReadOptions;
import io.atomcover.io.StructureFiles;
import io.atomcover.structure.Dataset;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands read every structure format through the engine's one entry point: the same
 * structures in POSCAR, LAMMPS or compressed form give the entropy their extxyz twin gives, bit for
 * bit; --types, @ selections and standard input work on the command line, and bad input is one line
 * with exit 1. The fixtures are the engine's (written by ASE, see make_fixtures.py there).
 */
class FormatsCommandTest {
    static final Path FIXTURES = Path.of("..", "engine", "src", "test", "resources", "io", "formats");

    @TempDir
    Path tmp;

    static String fixture(String name) {
        Path p = FIXTURES.resolve(name);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        return p.toString();
    }

    /** The JSON report of {@code entropy ARGS}; the options go first so that ARGS may follow a "--". */
    private JsonNode entropy(String... args) throws Exception {
        Path json = Files.createTempFile(tmp, "entropy", ".json");
        String[] all = new String[args.length + 5];
        all[0] = "entropy";
        all[1] = "--json";
        all[2] = json.toString();
        all[3] = "--threads";
        all[4] = "1";
        System.arraycopy(args, 0, all, 5, args.length);
        Cli.Run r = Cli.run(all);
        assertEquals(0, r.exit(), r::toString);
        return EntropyCommandTest.readJson(json);
    }

    private static void assertSameEntropy(JsonNode a, JsonNode b) {
        assertEquals(Double.doubleToRawLongBits(a.get("entropy").asDouble()), Double.doubleToRawLongBits(b.get("entropy").asDouble()),
                a + " vs " + b);
        assertEquals(a.get("n_envs").asInt(), b.get("n_envs").asInt());
        assertEquals(a.get("n_structs").asInt(), b.get("n_structs").asInt());
    }

    @Test
    void formatsGiveTheEntropyOfTheirExtxyzTwin() throws Exception {
        assertSameEntropy(entropy(fixture("POSCAR-cartesian.vasp.extxyz")), entropy(fixture("POSCAR-cartesian.vasp")));
        assertSameEntropy(entropy(fixture("OUTCAR.extxyz")), entropy(fixture("OUTCAR")));
        assertSameEntropy(entropy(fixture("sio2-ortho.lammpstrj.extxyz")), entropy("--types", "1=Si,2=O", fixture("sio2-ortho.lammpstrj")));
        assertSameEntropy(entropy(fixture("sio2-ortho.lammpstrj.extxyz")), entropy(fixture("sio2-ortho.extxyz.xz")));
        assertSameEntropy(entropy(fixture("sio2-triclinic.dump.extxyz") + "@1"), entropy(fixture("sio2-triclinic.dump") + "@-1"));
    }

    @Test
    void standardInputIsReadByContent() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(fixture("sio2-ortho.extxyz.gz")))));
            // "--" ends the options, so that "-@0:2" is not taken for one
            JsonNode viaStdin = entropy("--", "-@0:2");
            assertSameEntropy(entropy(fixture("sio2-ortho.lammpstrj.extxyz") + "@:2"), viaStdin);
            assertEquals(2, viaStdin.get("n_structs").asInt());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void typesAreNeededWhereTheFileHasOnlyTypes() {
        Cli.Run r = Cli.run("entropy", fixture("sio2-ortho.lammpstrj"), "--threads", "1");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().strip().startsWith("atomcover: " + fixture("sio2-ortho.lammpstrj") + ":10: atom type "), r::toString);
        assertTrue(r.err().contains("--types"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);

        Cli.Run bad = Cli.run("entropy", fixture("sio2-ortho.lammpstrj"), "--types", "1=Si,2=Qq");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--types: type 2: unknown element symbol 'Qq'"), bad::toString);
    }

    @Test
    void unsupportedFormatAndBadSelection() throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "a shopping list\n");
        Cli.Run r = Cli.run("entropy", notes.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("atomcover: " + notes + ": unsupported format; supported: extxyz, xyz, POSCAR/CONTCAR, OUTCAR, vasprun.xml, LAMMPS dump, "
                + "LAMMPS data (optionally .gz/.xz/.bz2)", r.err().strip());

        Cli.Run sel = Cli.run("entropy", fixture("OUTCAR") + "@7");
        assertEquals(1, sel.exit(), sel::toString);
        assertTrue(sel.err().contains("@7: frame 7 does not exist: there are 2 frames"), sel::toString);

        Cli.Run empty = Cli.run("entropy", fixture("OUTCAR") + "@5:");
        assertEquals(1, empty.exit(), empty::toString);
        assertEquals("atomcover: " + fixture("OUTCAR") + ": no atoms in the frames @5: selects", empty.err().strip());

        Cli.Run twice = Cli.run("dh", "-", "-", "-o", tmp.resolve("dh.npy").toString());
        assertEquals(2, twice.exit(), twice::toString);
        assertTrue(twice.err().contains("standard input ('-') can be read by one input only"), twice::toString);
    }

    @Test
    void compressWritesSelectedFramesOfAnyFormatAsExtxyz() throws Exception {
        Path out = tmp.resolve("picked.extxyz.gz");
        Path json = tmp.resolve("picked.json");
        Cli.Run r = Cli.run("compress", fixture("vasprun.xml"), "-s", "2", "-o", out.toString(), "-o", json.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r::toString);
        JsonNode report = EntropyCommandTest.readJson(json);
        Dataset all = StructureFiles.read(Path.of(fixture("vasprun.xml")), ReadOptions.DEFAULT);
        Dataset picked = StructureFiles.read(InputSpec.of(out), ReadOptions.DEFAULT, new ByteArrayInputStream(new byte[0]));
        assertEquals(2, picked.size());
        for (int k = 0; k < 2; k++) {
            int s = report.get("selected").get(k).asInt();
            assertEquals(java.util.Arrays.toString(all.get(s).positions()), java.util.Arrays.toString(picked.get(k).positions()));
            assertEquals(all.get(s).info(), picked.get(k).info());
        }
        // an output name must not stand for the input, even with a selection after it
        Cli.Run onto = Cli.run("compress", out + "@0:2", "-s", "1", "-o", out.toString());
        assertEquals(2, onto.exit(), onto::toString);
        assertFalse(onto.err().isEmpty());
    }
}
