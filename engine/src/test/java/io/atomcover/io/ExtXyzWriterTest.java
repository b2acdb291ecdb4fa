package io.atomcover.io;

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
}
