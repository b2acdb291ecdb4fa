package io.atomcover.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.structure.Dataset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets read from files know where each frame starts: XYZ whole, selected or from stdin; other formats and code do not. */
class FrameLinesTest {
    @TempDir
    Path tmp;

    /** Four frames of 1, 3, 2 and 1 atoms, each named by its index in the comment line. */
    private static final String XYZ = "1\nname=f0\nH 0 0 0\n"
            + "3\nname=f1\nO 0 0 0\nH 1 0 0\nH 0 1 0\n"
            + "2\nname=f2\nC 0 0 0\nO 1.2 0 0\n"
            + "1\nname=f3\nN 0 0 0\n";

    private Path xyz() throws Exception {
        Path f = tmp.resolve("frames.extxyz");
        Files.writeString(f, XYZ);
        return f;
    }

    /** Checks that each frame's line in the file holds its atom count followed by its own comment line. */
    private static void assertLinesAreTheFrames(Path file, Dataset ds) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int s = 0; s < ds.size(); s++) {
            long line = ds.frameLine(s);
            assertEquals(Integer.toString(ds.get(s).size()), lines.get((int) line - 1), "count line of frame " + s);
            assertEquals("name=" + ds.get(s).info().get("name"), lines.get((int) line), "comment line of frame " + s);
        }
    }

    @Test
    void aWholeXyzFileGivesTheLinesOfFramesThatFollowEachOther() throws Exception {
        Path f = xyz();
        Dataset ds = StructureFiles.read(f, ReadOptions.DEFAULT);
        long expected = 1;
        for (int s = 0; s < ds.size(); s++) {
            assertEquals(expected, ds.frameLine(s), "frame " + s);
            expected += ds.get(s).size() + 2L;
        }
        assertLinesAreTheFrames(f, ds);
        Dataset direct = ExtXyzReader.read(f);
        for (int s = 0; s < ds.size(); s++) assertEquals(ds.frameLine(s), direct.frameLine(s));
    }

    @Test
    void aSelectionKeepsEachFramesOwnLine() throws Exception {
        Path f = xyz();
        Dataset tail = StructureFiles.read(Path.of(f + "@2:"), ReadOptions.DEFAULT);
        assertEquals(2, tail.size());
        assertEquals("f2", tail.get(0).info().get("name"));
        assertEquals(9, tail.frameLine(0));
        assertEquals(13, tail.frameLine(1));
        assertLinesAreTheFrames(f, tail);

        Dataset stepped = StructureFiles.read(Path.of(f + "@::-2"), ReadOptions.DEFAULT);
        assertEquals(List.of("f3", "f1"), stepped.structures().stream().map(st -> st.info().get("name")).toList());
        assertLinesAreTheFrames(f, stepped);
    }

    @Test
    void standardInputIsReadWithItsLines() throws Exception {
        Path f = xyz();
        Dataset ds = StructureFiles.read(InputSpec.of(Path.of("-@1:3")), ReadOptions.DEFAULT,
                new ByteArrayInputStream(XYZ.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, ds.size());
        assertEquals(4, ds.frameLine(0));
        assertLinesAreTheFrames(f, ds);
    }

    @Test
    void otherFormatsAndDatasetsBuiltByCodeHaveUnknownLines() throws Exception {
        Path poscar = tmp.resolve("POSCAR");
        Files.writeString(poscar, "Si2\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        Dataset ds = StructureFiles.read(poscar, ReadOptions.DEFAULT);
        assertEquals(1, ds.size());
        assertEquals(0, ds.frameLine(0));

        Dataset built = new Dataset(null, StructureFiles.read(xyz(), ReadOptions.DEFAULT).structures());
        for (int s = 0; s < built.size(); s++) assertEquals(0, built.frameLine(s));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(null, built.structures(), new long[] {1}));
        assertThrows(IndexOutOfBoundsException.class, () -> built.frameLine(4));
    }
}
