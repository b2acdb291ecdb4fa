package io.atomcover.io;

import io.atomcover.structure.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed input is reported as file:line: problem, with the right line. */
class ExtXyzErrorsTest {
    private static final Path NAME = Path.of("bad.extxyz");
    private static final String P = "Properties=species:S:1:pos:R:3";
    private static final String PF = "Properties=species:S:1:pos:R:3:forces:R:3";
    private static final String CUBE = "Lattice=\"4 0 0 0 4 0 0 0 4\" ";

    private static InputException fails(String text, long line, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> ExtXyzReader.read(new StringReader(text), NAME));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(NAME, e.file());
        assertTrue(e.getMessage().startsWith("bad.extxyz:" + line + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        return e;
    }

    private static final String GOOD = "1\n" + P + "\nH 0 0 0\n";

    @Test
    void badAtomCount() {
        fails("two\n" + P + "\nH 0 0 0\n", 1, "bad atom count", "two");
        fails(GOOD + "-1\n" + P + "\n", 4, "negative atom count");
        fails(GOOD + "2 atoms\n" + P + "\nH 0 0 0\nH 0 0 1\n", 4, "bad atom count");
        fails(GOOD + "1.5\n" + P + "\nH 0 0 0\n", 4, "bad atom count");
    }

    @Test
    void missingAtomCountIsReported() {
        // a file that starts with its comment line
        fails(P + "\nH 0 0 0\n", 1, "bad atom count");
        // a blank line where the next frame's count should be
        fails(GOOD + "\n" + GOOD, 4, "blank line where an atom count was expected");
    }

    @Test
    void moreAtomLinesThanCounted() {
        fails("1\n" + P + "\nH 0 0 0\nH 0 0 1\n", 4, "bad atom count", "H 0 0 1");
    }

    @Test
    void truncatedFile() {
        fails(GOOD + "3\n" + P + "\nH 0 0 0\nH 0 0 1\n", 8, "file ends after 2 of 3 atom lines", "line 4");
        fails("3\n" + P + "\n", 3, "file ends after 0 of 3 atom lines");
        fails(GOOD + "2\n", 5, "file ends before the comment line");
    }

    @Test
    void wrongNumberOfColumns() {
        fails("2\n" + PF + "\nSi 0 0 0 1 2 3\nSi 0 0 0 1 2\n", 4, "expected 7 columns", "found 6", PF.substring(11));
        fails("1\n" + PF + "\nSi 0 0 0 1 2 3 4\n", 3, "expected 7 columns", "found 8");
    }

    @Test
    void plainXyzWithExtraColumns() {
        fails("1\nwater\nO 0 0 0 7\n", 3, "expected 4 columns (symbol x y z) but found 5", "Properties=");
        fails("1\nwater\nO 0 0\n", 3, "expected 4 columns (symbol x y z) but found 3");
    }

    @Test
    void nonNumericValuesNameTheColumn() {
        fails("2\n" + P + "\nH 0 0 0\nH 0 zero 0\n", 4, "column 3 (pos)", "'zero' is not a number");
        fails("1\n" + PF + "\nH 0 0 0 1 2 x3\n", 3, "column 7 (forces)", "'x3' is not a number");
        // forms Java would accept but Python would not
        fails("1\n" + P + "\nH 1d 0 0\n", 3, "column 2 (pos)", "'1d'");
        fails("1\n" + P + "\nH 0x1p3 0 0\n", 3, "column 2 (pos)");
        fails("1\n" + P + "\nH 1.2.3 0 0\n", 3, "column 2 (pos)", "'1.2.3'");
        fails("1\nProperties=species:S:1:pos:R:3:n:I:1\nH 0 0 0 2.5\n", 3, "column 5 (n)", "not an integer");
        fails("1\nProperties=species:S:1:pos:R:3:fix:L:1\nH 0 0 0 yes\n", 3, "column 5 (fix)", "not a logical");
    }

    @Test
    void nonFiniteCoordinates() {
        fails("1\n" + P + "\nH 0 NaN 0\n", 3, "column 3 (pos)", "non-finite coordinate");
        fails("2\n" + P + "\nH 0 0 0\nH 0 0 inf\n", 4, "column 4 (pos)", "non-finite");
        fails("1\n" + P + "\nH -Infinity 0 0\n", 3, "column 2 (pos)", "non-finite");
    }

    @Test
    void unknownElement() {
        fails("2\n" + P + "\nH 0 0 0\nXx 0 0 1\n", 4, "unknown element symbol 'Xx'");
        fails("1\nplain\nSI 0 0 0\n", 3, "unknown element symbol 'SI'");
    }

    @Test
    void malformedLattice() {
        fails(GOOD + "1\nLattice=\"4 0 0 0 4 0 0 0\" " + P + "\nH 0 0 0\n", 5, "malformed Lattice", "expected 9 numbers, found 8");
        fails("1\nLattice=\"4 0 0 0 4 0 0 0 four\" " + P + "\nH 0 0 0\n", 2, "malformed Lattice", "'four'");
        fails("1\nLattice=\"4 0 0 0 4 0 0 0 NaN\" " + P + "\nH 0 0 0\n", 2, "malformed Lattice", "non-finite");
        fails("1\nLattice=4 " + P + "\nH 0 0 0\n", 2, "expected 9 numbers, found 1");
        fails("1\nLattice " + P + "\nH 0 0 0\n", 2, "malformed Lattice");
    }

    @Test
    void singularCellOnPeriodicFrame() {
        fails("1\nLattice=\"4 0 0 8 0 0 0 0 4\" " + P + "\nH 0 0 0\n", 2, "singular Lattice");
        fails("1\nLattice=\"4 0 0 0 4 0 0 0 0\" " + P + " pbc=\"T T F\"\nH 0 0 0\n", 2, "singular Lattice");
        fails("1\nLattice=\"4 0 0 0 4 0 4 4 1e-13\" " + P + "\nH 0 0 0\n", 2, "singular Lattice");
        // the same singular cell on a non-periodic frame is kept as data
        Dataset d = ExtXyzReader.read(new StringReader("1\nLattice=\"4 0 0 8 0 0 0 0 4\" " + P + " pbc=\"F F F\"\nH 0 0 0\n"), NAME);
        assertTrue(d.get(0).hasCell());
        assertFalse(d.get(0).isPeriodic());
        // a tiny but regular cell is fine: the test is relative to the edge lengths
        Dataset tiny = ExtXyzReader.read(new StringReader("1\nLattice=\"1e-5 0 0 0 1e-5 0 0 0 1e-5\" " + P + "\nH 0 0 0\n"), NAME);
        assertTrue(tiny.get(0).isPeriodic());
    }

    @Test
    void periodicWithoutLattice() {
        fails(GOOD + "1\n" + P + " pbc=\"T T T\"\nH 0 0 0\n", 5, "periodic but the frame has no Lattice");
        fails("1\n" + P + " pbc=\"F T F\"\nH 0 0 0\n", 2, "no Lattice");
    }

    @Test
    void malformedPbc() {
        fails("1\n" + CUBE + P + " pbc=\"T T\"\nH 0 0 0\n", 2, "malformed pbc", "expected 3 values");
        fails("1\n" + CUBE + P + " pbc=\"T T yes\"\nH 0 0 0\n", 2, "malformed pbc", "'yes'");
    }

    @Test
    void malformedProperties() {
        fails("1\nProperties=species:S:1:pos:R\nH 0 0 0\n", 2, "malformed Properties", "triplets");
        fails("1\nProperties=\nH 0 0 0\n", 2, "malformed Properties");
        fails("1\nProperties=species:S:1:pos:X:3\nH 0 0 0\n", 2, "type 'X' of column 'pos'");
        fails("1\nProperties=species:S:1:pos:R:three\nH 0 0 0\n", 2, "width 'three'");
        fails("1\nProperties=species:S:1:pos:R:3:f:R:0\nH 0 0 0\n", 2, "width '0' of column 'f'");
        fails("1\nProperties=species:S:1:pos:R:2\nH 0 0\n", 2, "pos must be pos:R:3");
        fails("1\nProperties=species:I:1:pos:R:3\nH 0 0 0\n", 2, "species must be species:S:1");
        fails("1\nProperties=pos:R:3\n0 0 0\n", 2, "no species:S:1 column");
        fails("1\nProperties=species:S:1:position:R:3\nH 0 0 0\n", 2, "no pos:R:3 column");
        fails("1\nProperties=species:S:1:pos:R:3:q:R:1:q:R:1\nH 0 0 0 1 1\n", 2, "column 'q' given twice");
        fails("1\nProperties=species:S:1:pos:R:3 properties=species:S:1:pos:R:3\nH 0 0 0\n", 2, "Properties given twice");
    }

    @Test
    void unterminatedQuoteInExtendedHeader() {
        fails("1\n" + P + " name=\"open\nH 0 0 0\n", 2, "malformed comment line", "unterminated quote");
        // in a plain XYZ comment the same text is just a comment
        Dataset d = ExtXyzReader.read(new StringReader("1\nsay \"hi=there\nH 0 0 0\n"), NAME);
        assertEquals("say \"hi=there", d.get(0).info().get("comment"));
    }

    @Test
    void errorsFromFilesNameTheFile(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("trunc.extxyz");
        Files.writeString(p, "2\r\n" + P + "\r\nH 0 0 0\r\n");
        InputException e = assertThrows(InputException.class, () -> ExtXyzReader.read(p));
        assertEquals(p, e.file());
        assertEquals(4, e.line());
        assertEquals(p + ":4: file ends after 1 of 2 atom lines (truncated frame starting at line 1)", e.getMessage());
    }
}
