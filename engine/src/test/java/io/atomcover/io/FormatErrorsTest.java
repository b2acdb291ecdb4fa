package io.atomcover.io;

import io.atomcover.structure.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made bad inputs: every one is a one-line InputException naming the file and, where there is one, the line. */
class FormatErrorsTest {
    @TempDir
    Path dir;

    private static final String POSCAR = """
            Si2
            1.0
              4.0 0.0 0.0
              0.0 4.0 0.0
              0.0 0.0 4.0
            Si
            2
            Direct
              0.0 0.0 0.0
              0.25 0.25 0.25
            """;

    private static final String DUMP = """
            ITEM: TIMESTEP
            0
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0.0 4.0
            0.0 4.0
            0.0 4.0
            ITEM: ATOMS id type x y z
            1 1 0.0 0.0 0.0
            2 2 1.0 1.0 1.0
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Dataset read(Path file, ReadOptions o) {
        return StructureFiles.read(InputSpec.of(file), o, new ByteArrayInputStream(new byte[0]));
    }

    private static InputException fails(Path file, ReadOptions o, long line, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> read(file, o));
        assertEquals(line, e.line(), e.getMessage());
        String prefix = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        return e;
    }

    @Test
    void unknownContentListsTheFormats() throws IOException {
        Path p = write("notes.txt", "hello world\nthis is not a structure\n");
        fails(p, ReadOptions.DEFAULT, 0, "unsupported format; supported: extxyz, xyz, POSCAR/CONTCAR, OUTCAR, vasprun.xml, "
                + "LAMMPS dump, LAMMPS data (optionally .gz/.xz/.bz2)");
        fails(write("bytes.bin", "\0\1\2binary"), ReadOptions.DEFAULT, 0, "unsupported format");
    }

    @Test
    void poscarIsRecognisedByContent() throws IOException {
        Dataset ds = read(write("structure.txt", POSCAR), ReadOptions.DEFAULT);
        assertEquals(2, ds.get(0).size());
        assertArrayEquals(new double[]{0, 0, 0, 1, 1, 1}, ds.get(0).positions());
        assertEquals(Map.of("comment", "Si2"), ds.get(0).info());
        // a blank comment line and a whole-number scale factor are still a POSCAR, not an atom count
        Dataset blank = read(write("structure2.txt", POSCAR.replace("Si2\n1.0\n", "\n1\n")), ReadOptions.DEFAULT);
        assertArrayEquals(new double[]{0, 0, 0, 1, 1, 1}, blank.get(0).positions());
    }

    @Test
    void poscarErrors() throws IOException {
        fails(write("POSCAR", POSCAR.replace("  0.25 0.25 0.25\n", "")), ReadOptions.DEFAULT, 10, "file ends", "atom 2 of 2");
        fails(write("POSCAR", POSCAR.replace("0.25 0.25 0.25", "0.25 0.2x5 0.25")), ReadOptions.DEFAULT, 10, "'0.2x5' is not a finite number");
        fails(write("POSCAR", POSCAR.replace("Si\n2\n", "Si O\n2\n")), ReadOptions.DEFAULT, 7, "names 2 elements", "1 counts");
        fails(write("POSCAR", POSCAR.replace("Si\n2\n", "Qq\n2\n")), ReadOptions.DEFAULT, 6, "unknown element 'Qq'");
        fails(write("POSCAR", POSCAR.replace("Direct", "Fractional")), ReadOptions.DEFAULT, 8, "expected 'Direct' or 'Cartesian'");
        fails(write("POSCAR", POSCAR.replace("1.0\n", "0\n")), ReadOptions.DEFAULT, 2, "scale factor 0");
        fails(write("POSCAR", POSCAR.replace("Direct\n", "Selective dynamics\nDirect\n").replace("0.0 0.0 0.0\n", "0.0 0.0 0.0 T F X\n")),
                ReadOptions.DEFAULT, 10, "selective-dynamics flag 'X'");
    }

    @Test
    void vasp4PoscarNeedsTypes() throws IOException {
        Path p = write("POSCAR", POSCAR.replace("Si\n2\n", "2\n"));
        fails(p, ReadOptions.DEFAULT, 6, "no element line", "--types");
        assertEquals("Ge", read(p, ReadOptions.parseTypes("1=Ge")).get(0).symbol(1));
    }

    @Test
    void dumpTypesNeedAMapping() throws IOException {
        Path p = write("two.lammpstrj", DUMP);
        fails(p, ReadOptions.DEFAULT, 10, "atom type 1 has no element", "--types 1=EL");
        fails(p, ReadOptions.parseTypes("1=Si"), 11, "atom type 2 has no element", "--types 2=EL");
        Dataset ds = read(p, ReadOptions.parseTypes("1=Si, 2=O"));
        assertEquals("O", ds.get(0).symbol(1));
        assertEquals("0", ds.get(0).info().get("timestep"));
    }

    @Test
    void dumpErrors() throws IOException {
        ReadOptions t = ReadOptions.parseTypes("1=Si,2=O");
        fails(write("a.lammpstrj", DUMP.replace("2 2 1.0 1.0 1.0\n", "")), t, 11, "file ends", "atom 2 of 2");
        fails(write("a.lammpstrj", DUMP.replace("2 2 1.0 1.0 1.0", "2 2 1.0 nan 1.0")), t, 11, "'nan' is not a finite number");
        fails(write("a.lammpstrj", DUMP.replace("2 2 1.0 1.0 1.0", "2 2 1.0 1.0")), t, 11, "expected 5 values");
        fails(write("a.lammpstrj", DUMP.replace("2 2 1.0", "1 2 1.0")), t, 9, "atom id 1 appears twice");
        fails(write("a.lammpstrj", DUMP + "ITEM: TIMESTEP\n5\n"), t, 14, "file ends where 'ITEM: NUMBER OF ATOMS' was expected");
        fails(write("a.lammpstrj", DUMP.replace("id type x y z", "id type vx vy vz")), t, 9, "no position columns");
    }

    @Test
    void scaledDumpCoordinatesStartAtTheBoxOrigin() throws IOException {
        String shifted = DUMP.replace("0.0 4.0\n", "1.0 5.0\n");
        Dataset plain = read(write("x.lammpstrj", shifted.replace("1 1 0.0 0.0 0.0", "1 1 1.0 1.0 1.0")
                .replace("2 2 1.0 1.0 1.0", "2 2 3.0 2.0 4.0")), ReadOptions.parseTypes("1=Si,2=O"));
        Dataset scaled = read(write("s.lammpstrj", shifted.replace("x y z", "xs ys zs").replace("1 1 0.0 0.0 0.0", "1 1 0 0 0")
                .replace("2 2 1.0 1.0 1.0", "2 2 0.5 0.25 0.75")), ReadOptions.parseTypes("1=Si,2=O"));
        assertArrayEquals(plain.get(0).positions(), scaled.get(0).positions());
    }

    @Test
    void dataFileTypesFromMassesOrTypes() throws IOException {
        String data = """
                title

                2 atoms
                2 atom types
                0 4 xlo xhi
                0 4 ylo yhi
                0 4 zlo zhi

                Masses

                1 28.0855
                2 2.0

                Atoms # atomic

                1 1 0.0 0.0 0.0
                2 2 1.0 1.0 1.0
                """;
        Path p = write("x.data", data);
        fails(p, ReadOptions.DEFAULT, 17, "atom type 2 has no element", "mass 2.0 matches no single element", "--types 2=EL");
        Dataset ds = read(p, ReadOptions.parseTypes("2=H"));
        assertEquals("Si", ds.get(0).symbol(0));
        assertEquals("H", ds.get(0).symbol(1));
        fails(write("x.data", data.replace("2 2 1.0 1.0 1.0\n", "")), ReadOptions.parseTypes("2=H"), 17, "file ends where entry 2 of 2 of the Atoms section");
        fails(write("x.data", data.replace("Atoms # atomic", "Atoms # sphere")), ReadOptions.parseTypes("2=H"), 14, "atom style 'sphere'");
        fails(write("x.data", data.replace("Atoms # atomic", "Atoms")
                .replace("1 1 0.0", "1 1 0.5 0.0").replace("2 2 1.0", "2 2 0.5 1.0")), ReadOptions.parseTypes("2=H"), 16, "name the style");
        fails(write("x.data", data.replace("2 2 1.0 1.0 1.0", "2 3 1.0 1.0 1.0")), ReadOptions.parseTypes("2=H"), 17,
                "atom type 3 beyond the 2 atom types");
    }

    @Test
    void outcarElementsFallBackFromTitelToVrhfinToPotcar() throws IOException {
        String outcar = Files.readString(FormatsTest.fixture("OUTCAR"));
        String[] expected = {"Si", "Si", "Si", "O", "O", "O", "O", "O", "O"};
        String noTitel = outcar.replaceAll("(?m)^.*TITEL.*\n", "");
        String noVrhfin = noTitel.replaceAll("(?m)^.*VRHFIN.*\n", "");
        for (String text : new String[]{outcar, noTitel, noVrhfin}) {
            Dataset ds = read(write("OUTCAR", text), ReadOptions.DEFAULT);
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], ds.get(1).symbol(i));
        }
        fails(write("OUTCAR", outcar.replace("ions per type =               3   6", "ions per type =               3   5   1")),
                ReadOptions.DEFAULT, lineOf(outcar, "ions per type"), "'ions per type' gives 3 counts but the header names 2 potentials");
    }

    @Test
    void dataFileChargeStyleWithImageFlags() throws IOException {
        String data = """
                LAMMPS data file via write_data

                2 atoms
                1 atom types
                -1.0 3.0 xlo xhi
                0 4 ylo yhi
                0 4 zlo zhi
                0.5 0 0 xy xz yz

                Atoms # charge

                2 1 -0.5 1.0 1.0 1.0 0 1 0
                1 1 0.5 0.0 0.0 0.0 0 0 0

                Velocities

                1 0 0 0
                2 0 0 0
                """;
        Dataset ds = read(write("c.data", data), ReadOptions.parseTypes("1=Na"));
        assertArrayEquals(new double[]{1, 1, 1, 0, 0, 0}, ds.get(0).positions());
        assertArrayEquals(new double[]{4, 0, 0, 0.5, 4, 0, 0, 0, 4}, ds.get(0).cell());
        fails(write("c.data", data.replace("2 1 -0.5 1.0 1.0 1.0 0 1 0", "2 1 -0.5 1.0 1.0 1.0 0 1.5 0")),
                ReadOptions.parseTypes("1=Na"), 12, "image flag: '1.5' is not an integer");
    }

    @Test
    void truncatedOutcarAndVasprun() throws IOException, java.net.URISyntaxException {
        String outcar = Files.readString(FormatsTest.fixture("OUTCAR"));
        int cut = outcar.lastIndexOf("  FREE ENERGIE");
        Path p = write("OUTCAR", outcar.substring(0, cut));
        InputException e = fails(p, ReadOptions.DEFAULT, outcar.substring(0, cut).lines().count() + 1, "file ends inside the ionic step");
        String xml = Files.readString(FormatsTest.fixture("vasprun.xml"));
        Path v = write("vasprun.xml", xml.substring(0, xml.lastIndexOf("<calculation>") + 40));
        assertTrue(fails(v, ReadOptions.DEFAULT, xml.substring(0, xml.lastIndexOf("<calculation>") + 40).lines().count(),
                "malformed XML").getMessage().length() < 300);
        int basis = xml.indexOf("<v>", xml.indexOf("name=\"basis\"", xml.indexOf("<calculation>")));
        Path bad = write("vasprun.xml", xml.substring(0, basis) + xml.substring(basis).replaceFirst("<v>\\s*\\S+", "<v> 5.x"));
        fails(bad, ReadOptions.DEFAULT, xml.substring(0, basis).lines().count(), "'5.x' is not a finite number");
        assertTrue(e.getMessage().contains("line"));
    }

    /** The 1-based line on which {@code needle} first occurs. */
    private static long lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return before.lines().count() + (before.isEmpty() || before.endsWith("\n") ? 1 : 0);
    }

    @Test
    void stdinIsDetectedByContentAndMayBeCompressed() throws IOException {
        byte[] poscar = POSCAR.getBytes(StandardCharsets.UTF_8);
        Dataset ds = StructureFiles.read(InputSpec.parse("-"), ReadOptions.DEFAULT, new ByteArrayInputStream(poscar));
        assertEquals(InputSpec.STDIN_NAME, ds.source());
        assertEquals(2, ds.get(0).size());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(DUMP.getBytes(StandardCharsets.UTF_8));
        }
        Dataset d2 = StructureFiles.read(InputSpec.parse("-@0"), ReadOptions.parseTypes("1=Si,2=O"), new ByteArrayInputStream(gz.toByteArray()));
        assertEquals(1, d2.size());
        InputException e = assertThrows(InputException.class,
                () -> StructureFiles.read(InputSpec.parse("-"), ReadOptions.DEFAULT, new ByteArrayInputStream(new byte[0])));
        assertEquals("<stdin>: empty input", e.getMessage());
    }

    @Test
    void selectionBoundsAndSyntax() throws IOException {
        Path p = write("three.xyz", "1\n\nH 0 0 0\n1\n\nH 0 0 1\n1\n\nH 0 0 2\n");
        assertEquals(2.0, read(Path.of(p + "@-1"), ReadOptions.DEFAULT).get(0).positions()[2]);
        assertEquals(2, read(Path.of(p + "@::2"), ReadOptions.DEFAULT).size());
        assertEquals(0, read(Path.of(p + "@5:"), ReadOptions.DEFAULT).size());
        for (String[] c : new String[][]{{"@3", "@3: frame 3 does not exist: there are 3 frames"},
                {"@1:2:0", "bad frame selection after '@': '1:2:0': slice step cannot be zero"},
                {"@one", "bad frame selection after '@': 'one'"}}) {
            InputException e = assertThrows(InputException.class, () -> read(Path.of(p + c[0]), ReadOptions.DEFAULT));
            assertTrue(e.getMessage().startsWith(p + ": " + c[1]), e.getMessage());
        }
        // a file whose name has an '@' is read whole
        Path at = write("a@1", "1\n\nH 0 0 0\n1\n\nH 0 0 1\n");
        assertEquals(2, read(at, ReadOptions.DEFAULT).size());
        InputException missing = assertThrows(InputException.class, () -> read(dir.resolve("missing.xyz@0"), ReadOptions.DEFAULT));
        assertEquals(dir.resolve("missing.xyz") + ": no such file", missing.getMessage());
    }

    @Test
    void corruptCompressedData() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(DUMP.repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = gz.toByteArray();
        Path p = dir.resolve("cut.lammpstrj.gz");
        Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
        fails(p, ReadOptions.parseTypes("1=Si,2=O"), 0, "corrupt or truncated gz data");
    }

    @Test
    void typesSyntax() {
        assertEquals(Map.of(1, "Si", 2, "O"), ReadOptions.parseTypes("1=Si,2=O").types());
        for (String bad : new String[]{"1", "1=", "=Si", "a=Si", "1=Xx", "0=Si", "1=Si,1=O"})
            assertThrows(IllegalArgumentException.class, () -> ReadOptions.parseTypes(bad), bad);
    }
}
