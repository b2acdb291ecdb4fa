package io.atomcover.io;

import io.atomcover.structure.AtomColumn;

import io.atomcover.structure.Structure;
import io.atomcover.structure.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtXyzReaderTest {
    static final Path SI_TRAIN = Path.of("../examples/mlearn-si/Si-train.extxyz");
    static final Path SI_TEST = Path.of("../examples/mlearn-si/Si-test.extxyz");

    static Path molecules() throws URISyntaxException {
        return Path.of(ExtXyzReaderTest.class.getResource("/golden/molecules.extxyz").toURI());
    }

    static Dataset parse(String text) {
        return ExtXyzReader.read(new StringReader(text), Path.of("test.xyz"));
    }

    @Test
    void readsSiliconTrainingSet() {
        Dataset d = ExtXyzReader.read(SI_TRAIN);
        assertEquals(214, d.size());
        assertEquals(13233, d.atomCount());
        assertEquals(SI_TRAIN, d.source());
        int[] off = d.atomOffsets();
        assertEquals(0, off[0]);
        assertEquals(63, off[1]);
        assertEquals(13233, off[214]);

        Structure s = d.get(0);
        assertEquals(63, s.size());
        assertEquals("Si", s.symbol(0));
        assertEquals(14, s.atomicNumber(62));
        assertArrayEquals(new double[]{14.22366, 5.591921, 15.557314, 0.0, 9.055935, 0.272179, 0.0, 0.0, 9.178194}, s.cell());
        assertArrayEquals(new boolean[]{true, true, true}, s.pbc());
        assertTrue(s.isPeriodic());
        assertEquals(List.of("config_type", "source_index", "energy"), new ArrayList<>(s.info().keySet()));
        assertEquals("Vacancy", s.info().get("config_type"));
        assertEquals("0", s.info().get("source_index"));
        assertEquals("-295.49753016", s.info().get("energy"));
        assertEquals(0.29508405, s.positions()[0]);
        assertEquals(9.03355219, s.positions()[1]);
        assertEquals(4.74853937, s.positions()[2]);
        assertEquals(1.61987574, s.positions()[3 * 62]);
        assertEquals(1, s.columns().size());
        AtomColumn f = s.column("forces");
        assertNotNull(f);
        assertEquals('R', f.type());
        assertEquals(3, f.width());
        assertEquals(63, f.atoms());
        assertArrayEquals(new double[]{-2.98187262, 0.60691870, 3.48143607}, java.util.Arrays.copyOf(f.reals(), 3));
        assertEquals("0.60691870", f.tokens()[1]);
        assertEquals(-3.31893730, f.reals()[3 * 62 + 2]);
        // volume of a triclinic cell: a.(b x c) with the rows above
        assertEquals(14.22366 * 9.055935 * 9.178194, s.volume(), 1e-9);

        Structure last = d.get(213);
        assertEquals("213", last.info().get("source_index"));
        assertEquals("Elastic", last.info().get("config_type"));
        assertEquals(6.83591000, last.positions()[3 * 62]);
        assertEquals("-0.00000000", last.column("forces").tokens()[3 * 62]);
    }

    @Test
    void readsSiliconTestSet() {
        Dataset d = ExtXyzReader.read(SI_TEST);
        assertEquals(25, d.size());
        for (Structure s : d.structures()) assertTrue(s.isPeriodic());
    }

    @Test
    void readsMolecules() throws Exception {
        Dataset d = ExtXyzReader.read(molecules());
        assertEquals(5, d.size());
        assertEquals(149, d.atomCount());
        int[] sizes = {5, 23, 17, 41, 63};
        String[] names = {"qm7_0", "qm7_5604", "qm7_1000", "penicillin", "sildenafil"};
        for (int s = 0; s < 5; s++) {
            Structure m = d.get(s);
            assertEquals(sizes[s], m.size());
            assertFalse(m.isPeriodic());
            assertFalse(m.hasCell());
            assertNull(m.cell());
            assertTrue(Double.isNaN(m.volume()));
            assertEquals(names[s], m.info().get("name"));
            assertTrue(m.columns().isEmpty());
        }
        Structure methane = d.get(0);
        assertEquals("-40.4286780393", methane.info().get("energy"));
        assertArrayEquals(new int[]{6, 1, 1, 1, 1}, methane.atomicNumbers());
        assertArrayEquals(new double[]{0.99841200, -0.00255600, -0.00457600, 2.09680000, -0.00236600, 0.00415200},
                java.util.Arrays.copyOf(methane.positions(), 6));
        assertEquals(-0.90995000, methane.positions()[14]);
    }

    @Test
    void streamsFramesInOrderAndReaderIteratorMatches() throws Exception {
        List<String> names = new ArrayList<>();
        ExtXyzReader.stream(molecules(), s -> names.add(s.info().get("name")));
        assertEquals(List.of("qm7_0", "qm7_5604", "qm7_1000", "penicillin", "sildenafil"), names);
        try (ExtXyzReader r = ExtXyzReader.open(molecules())) {
            int n = 0;
            while (r.hasNext()) {
                assertEquals(names.get(n), r.next().info().get("name"));
                n++;
            }
            assertEquals(5, n);
            assertFalse(r.hasNext());
            assertThrows(java.util.NoSuchElementException.class, r::next);
            assertEquals(159, r.linesRead());
        }
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> ExtXyzReader.read(Path.of("no/such/file.xyz")));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void slabWithPartialPeriodicity() {
        Dataset d = parse("""
                2
                Lattice="3.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 20.0" Properties=species:S:1:pos:R:3 pbc="T T F"
                Cu 0.0 0.0 10.0
                Cu 1.5 1.5 12.0
                """);
        Structure s = d.get(0);
        assertArrayEquals(new boolean[]{true, true, false}, s.pbc());
        assertTrue(s.periodic(0));
        assertFalse(s.periodic(2));
        assertEquals(180.0, s.volume(), 1e-12);
    }

    @Test
    void latticeWithoutPbcIsPeriodicAndPbcSpellings() {
        Dataset d = parse("""
                1
                Lattice="2 0 0 0 2 0 0 0 2" Properties=species:S:1:pos:R:3
                Si 0 0 0
                1
                Lattice="2 0 0 0 2 0 0 0 2" Properties=species:S:1:pos:R:3 pbc="True False true"
                Si 0 0 0
                1
                lattice="2 0 0 0 2 0 0 0 2" properties=species:S:1:pos:R:3 PBC="F F F"
                Si 0 0 0
                1
                Properties=species:S:1:pos:R:3
                Si 0 0 0
                """);
        assertArrayEquals(new boolean[]{true, true, true}, d.get(0).pbc());
        assertArrayEquals(new boolean[]{true, false, true}, d.get(1).pbc());
        // case-insensitive reserved keys: cell kept, nothing leaks into info; lattice but not periodic
        assertTrue(d.get(2).hasCell());
        assertFalse(d.get(2).isPeriodic());
        assertTrue(d.get(2).info().isEmpty());
        assertFalse(d.get(3).hasCell());
        assertFalse(d.get(3).isPeriodic());
    }

    @Test
    void plainXyz() {
        Dataset d = parse("""
                3
                water molecule
                O  0.0 0.0 0.117
                H  0.0 0.757 -0.467
                H\t0.0\t-0.757\t-0.467
                2
                
                H 0 0 0
                H 0 0 0.74
                """);
        assertEquals(2, d.size());
        Structure w = d.get(0);
        assertEquals(Map.of("comment", "water molecule"), w.info());
        assertArrayEquals(new int[]{8, 1, 1}, w.atomicNumbers());
        assertEquals(-0.467, w.positions()[8]);
        assertFalse(w.isPeriodic());
        assertTrue(w.columns().isEmpty());
        assertTrue(d.get(1).info().isEmpty());
        assertEquals(0.74, d.get(1).positions()[5]);
    }

    @Test
    void plainXyzWithKeyValueComment() {
        Dataset d = parse("""
                1
                energy=-1.5 Lattice="5 0 0 0 5 0 0 0 5"
                Ar 1 2 3
                """);
        Structure s = d.get(0);
        assertEquals(Map.of("energy", "-1.5"), s.info());
        assertTrue(s.isPeriodic());
    }

    @Test
    void commentLineSyntax() {
        Dataset d = parse("""
                1
                Properties=species:S:1:pos:R:3 a=1 b="two words" c = 3 flag d='single q' e="esc \\"q\\" \\\\ x" f=[1, 2, 3] g={x y} empty="" K=v k=w
                He 0 0 0
                """);
        Map<String, String> info = d.get(0).info();
        assertEquals(List.of("a", "b", "c", "flag", "d", "e", "f", "g", "empty", "K", "k"), new ArrayList<>(info.keySet()));
        assertEquals("1", info.get("a"));
        assertEquals("two words", info.get("b"));
        assertEquals("3", info.get("c"));
        assertEquals("T", info.get("flag"));
        assertEquals("single q", info.get("d"));
        assertEquals("esc \"q\" \\ x", info.get("e"));
        assertEquals("[1, 2, 3]", info.get("f"));
        assertEquals("{x y}", info.get("g"));
        assertEquals("", info.get("empty"));
        assertEquals("v", info.get("K"));
        assertEquals("w", info.get("k"));
    }

    @Test
    void extraColumnsOfEveryTypeAndWidth() {
        Dataset d = parse("""
                2
                Properties=species:S:1:tags:I:1:pos:R:3:forces:R:3:label:S:1:fixed:L:3:charge:R:1:ids:I:2 energy=1
                C 7 0.0 0.0 0.0 0.1 -0.2 3e-4 alpha T F True -0.5 10 -11
                O 8 1.2 0.0 0.0 nan inf -Infinity beta false t F 0.5 +12 13
                """);
        Structure s = d.get(0);
        assertEquals(List.of("tags", "forces", "label", "fixed", "charge", "ids"),
                s.columns().stream().map(AtomColumn::name).toList());
        AtomColumn tags = s.column("tags");
        assertEquals('I', tags.type());
        assertArrayEquals(new String[]{"7", "8"}, tags.tokens());
        assertNull(tags.reals());
        assertEquals(1.2, s.positions()[3]);
        AtomColumn f = s.column("forces");
        assertArrayEquals(new double[]{0.1, -0.2, 3e-4}, java.util.Arrays.copyOf(f.reals(), 3));
        assertTrue(Double.isNaN(f.reals()[3]));
        assertEquals(Double.POSITIVE_INFINITY, f.reals()[4]);
        assertEquals(Double.NEGATIVE_INFINITY, f.reals()[5]);
        assertArrayEquals(new String[]{"alpha", "beta"}, s.column("label").tokens());
        AtomColumn fixed = s.column("fixed");
        assertEquals('L', fixed.type());
        assertEquals(3, fixed.width());
        assertArrayEquals(new String[]{"T", "F", "True", "false", "t", "F"}, fixed.tokens());
        assertArrayEquals(new double[]{-0.5, 0.5}, s.column("charge").reals());
        assertArrayEquals(new String[]{"10", "-11", "+12", "13"}, s.column("ids").tokens());
    }

    @Test
    void windowsLineEndingsAndTrailingBlankLines(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("crlf.extxyz");
        String text = "1\r\nProperties=species:S:1:pos:R:3 name=\"a b\" pbc=\"F F F\"\r\nH 0.5 0 0\r\n"
                + "2\r\nname=x\r\nH 0 0 0\r\nH 0 0 0.7\r\n\r\n\r\n   \r\n";
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Dataset d = ExtXyzReader.read(p);
        assertEquals(2, d.size());
        assertEquals("a b", d.get(0).info().get("name"));
        assertEquals(0.5, d.get(0).positions()[0]);
        assertEquals("x", d.get(1).info().get("name"));
        assertEquals(0.7, d.get(1).positions()[5]);
    }

    @Test
    void emptyFileAndZeroAtomFrame() {
        assertEquals(0, parse("").size());
        Dataset d = parse("0\nname=empty\n1\n\nHe 0 0 0\n");
        assertEquals(2, d.size());
        assertEquals(0, d.get(0).size());
        assertEquals(1, d.atomCount());
    }

    @Test
    void columnsInAnyOrder() {
        Dataset d = parse("""
                2
                Properties=forces:R:3:pos:R:3:id:I:1:species:S:1 pbc="F F F"
                0.1 0.2 0.3 1.0 2.0 3.0 5 Fe
                -0.1 -0.2 -0.3 4.0 5.0 6.0 6 Ni
                """);
        Structure s = d.get(0);
        assertArrayEquals(new int[]{26, 28}, s.atomicNumbers());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, s.positions());
        assertEquals(List.of("forces", "id"), s.columns().stream().map(AtomColumn::name).toList());
        assertArrayEquals(new double[]{0.1, 0.2, 0.3, -0.1, -0.2, -0.3}, s.column("forces").reals());
        assertArrayEquals(new String[]{"5", "6"}, s.column("id").tokens());
    }
}
