package io.atomcover.io;

import io.atomcover.structure.AtomColumn;

import io.atomcover.structure.Structure;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Elements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtXyzWriterTest {

    /** Every field equal; doubles compared bit for bit. */
    static void assertSameStructure(Structure a, Structure b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.symbol(i), b.symbol(i));
        assertEquals(a.positions().length, b.positions().length);
        for (int i = 0; i < a.positions().length; i++)
            assertEquals(Double.doubleToRawLongBits(a.positions()[i]), Double.doubleToRawLongBits(b.positions()[i]), "position " + i);
        assertEquals(a.hasCell(), b.hasCell());
        if (a.hasCell())
            for (int i = 0; i < 9; i++)
                assertEquals(Double.doubleToRawLongBits(a.cell()[i]), Double.doubleToRawLongBits(b.cell()[i]), "cell " + i);
        assertArrayEquals(a.pbc(), b.pbc());
        assertEquals(List.copyOf(a.info().entrySet()), List.copyOf(b.info().entrySet()));
        assertEquals(a.columns().size(), b.columns().size());
        for (int c = 0; c < a.columns().size(); c++) {
            AtomColumn x = a.columns().get(c), y = b.columns().get(c);
            assertEquals(x.name(), y.name());
            assertEquals(x.type(), y.type());
            assertEquals(x.width(), y.width());
            assertArrayEquals(x.tokens(), y.tokens());
            if (x.reals() == null) assertNull(y.reals());
            else for (int i = 0; i < x.reals().length; i++)
                assertEquals(Double.doubleToRawLongBits(x.reals()[i]), Double.doubleToRawLongBits(y.reals()[i]));
        }
    }

    static void assertSameDataset(Dataset a, Dataset b) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.atomOffsets(), b.atomOffsets());
        for (int s = 0; s < a.size(); s++) assertSameStructure(a.get(s), b.get(s));
    }

    @Test
    void roundTripSilicon(@TempDir Path dir) throws IOException {
        Dataset d = ExtXyzReader.read(ExtXyzReaderTest.SI_TRAIN);
        Path out = dir.resolve("si.extxyz");
        ExtXyzWriter.write(out, d.structures());
        Dataset back = ExtXyzReader.read(out);
        assertSameDataset(d, back);
        // writing the re-read data gives the same bytes again (the format is a fixed point)
        Path again = dir.resolve("si2.extxyz");
        ExtXyzWriter.write(again, back.structures());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void roundTripMolecules(@TempDir Path dir) throws Exception {
        Dataset d = ExtXyzReader.read(ExtXyzReaderTest.molecules());
        Path out = dir.resolve("mol.extxyz");
        ExtXyzWriter.write(out, d.structures());
        assertSameDataset(d, ExtXyzReader.read(out));
    }

    @Test
    void subsetInChosenOrder(@TempDir Path dir) throws IOException {
        Dataset d = ExtXyzReader.read(ExtXyzReaderTest.SI_TRAIN);
        int[] pick = {213, 0, 57, 100, 57};
        Path out = dir.resolve("subset.extxyz");
        ExtXyzWriter.write(out, d, pick);
        Dataset back = ExtXyzReader.read(out);
        assertEquals(pick.length, back.size());
        for (int k = 0; k < pick.length; k++) {
            assertSameStructure(d.get(pick[k]), back.get(k));
            assertEquals(Integer.toString(pick[k]), back.get(k).info().get("source_index"));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> ExtXyzWriter.write(dir.resolve("bad.extxyz"), d, new int[]{0, 214}));
        assertFalse(Files.exists(dir.resolve("bad.extxyz")));
    }

    @Test
    void writesAseStyleHeaderAndAtomLines() throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("energy", "-1.5");
        info.put("name", "two words");
        info.put("empty", "");
        info.put("quote", "say \"hi\"");
        info.put("arr", "[1, 2]");
        AtomColumn tags = new AtomColumn("tags", 'I', 1, new String[]{"1", "2"}, null);
        Structure s = new Structure(new String[]{"Cu", "Cu"}, new double[]{0, 0, 10, 1.5, 1.5, -0.0},
                new double[]{3, 0, 0, 0, 3, 0, 0, 0, 20}, new boolean[]{true, true, false}, info, List.of(tags));
        StringWriter w = new StringWriter();
        ExtXyzWriter.write(w, s);
        String[] lines = w.toString().split("\n", -1);
        assertEquals("2", lines[0]);
        assertEquals("Lattice=\"3.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 20.0\" Properties=species:S:1:pos:R:3:tags:I:1"
                + " energy=-1.5 name=\"two words\" empty=\"\" quote=\"say \\\"hi\\\"\" arr=\"[1, 2]\" pbc=\"T T F\"", lines[1]);
        assertEquals(List.of("Cu", "0.0", "0.0", "10.0", "1"), List.of(lines[2].trim().split("\\s+")));
        assertEquals(List.of("Cu", "1.5", "1.5", "-0.0", "2"), List.of(lines[3].trim().split("\\s+")));
        assertEquals("", lines[4]);

        Structure back = ExtXyzReader.read(new java.io.StringReader(w.toString()), null).get(0);
        assertSameStructure(s, back);
    }

    @Test
    void moleculeWithoutCellHasNoLattice() throws IOException {
        Structure m = Structure.molecule(new String[]{"O", "H", "H"},
                new double[]{0, 0, 0.117, 0, 0.757, -0.467, 0, -0.757, -0.467});
        StringWriter w = new StringWriter();
        ExtXyzWriter.write(w, m);
        assertTrue(w.toString().startsWith("3\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\nO "), w.toString());
        assertSameStructure(m, ExtXyzReader.read(new java.io.StringReader(w.toString()), null).get(0));
    }

    @Test
    void roundTripOfAwkwardValues(@TempDir Path dir) throws IOException {
        String text = """
                2
                Lattice="5.43 0 0 0 5.43 0 0 0 5.43" Properties=species:S:1:pos:R:3:forces:R:3:label:S:1:fixed:L:3:ids:I:2 flag b="two words" e="esc \\"q\\" \\\\ x" f=[1,2] g={x y} empty="" pbc="T F T"
                Si 0.1 1e-300 -0.0 1.0E-5 nan -inf alpha T F True 10 -11
                Si 4.9e-324 1.7976931348623157E308 0.30000000000000004 0.5 0.25 0.125 beta false t F +12 13
                1
                just a comment
                Xe 1 2 3
                """;
        Dataset d = ExtXyzReader.read(new java.io.StringReader(text), null);
        Path out = dir.resolve("awkward.extxyz");
        ExtXyzWriter.write(out, d.structures());
        Dataset back = ExtXyzReader.read(out);
        assertSameDataset(d, back);
        assertEquals("esc \"q\" \\ x", back.get(0).info().get("e"));
        assertEquals("T", back.get(0).info().get("flag"));
        assertEquals("just a comment", back.get(1).info().get("comment"));
        assertEquals("-inf", back.get(0).column("forces").tokens()[2]);
    }

    @Test
    void roundTripOfRandomDoublesIsBitExact(@TempDir Path dir) throws IOException {
        java.util.Random r = new java.util.Random(42);
        int n = 500;
        double[] pos = new double[3 * n];
        String[] sym = new String[n];
        for (int i = 0; i < 3 * n; i++) {
            double scale = Math.pow(10, r.nextInt(40) - 20);
            pos[i] = (r.nextDouble() - 0.5) * scale;
        }
        for (int i = 0; i < n; i++) sym[i] = Elements.symbol(1 + r.nextInt(118));
        double[] cell = new double[9];
        for (int i = 0; i < 9; i++) cell[i] = r.nextGaussian() + (i % 4 == 0 ? 10 : 0);
        Structure s = new Structure(sym, pos, cell, new boolean[]{true, true, true}, Map.of("seed", "42"), List.of());
        Path out = dir.resolve("random.extxyz");
        ExtXyzWriter.write(out, List.of(s));
        assertSameStructure(s, ExtXyzReader.read(out).get(0));
    }

    @Test
    void rejectsWhatCannotBeReadBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("x.extxyz");
        Files.writeString(out, "previous content");
        Structure nan = Structure.molecule(new String[]{"H"}, new double[]{0, Double.NaN, 0});
        assertThrows(IllegalArgumentException.class, () -> ExtXyzWriter.write(out, List.of(nan)));
        Structure reserved = new Structure(new String[]{"H"}, new double[3], null, null, Map.of("PBC", "x"), null);
        assertThrows(IllegalArgumentException.class, () -> ExtXyzWriter.write(out, List.of(reserved)));
        AtomColumn spaced = new AtomColumn("label", 'S', 1, new String[]{"a b"}, null);
        Structure bad = new Structure(new String[]{"H"}, new double[3], null, null, null, List.of(spaced));
        assertThrows(IllegalArgumentException.class, () -> ExtXyzWriter.write(out, List.of(bad)));
        AtomColumn pos = new AtomColumn("pos", 'R', 1, new String[]{"1"}, new double[]{1});
        Structure clash = new Structure(new String[]{"H"}, new double[3], null, null, null, List.of(pos));
        assertThrows(IllegalArgumentException.class, () -> ExtXyzWriter.write(out, List.of(clash)));
        assertEquals("previous content", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }
}
