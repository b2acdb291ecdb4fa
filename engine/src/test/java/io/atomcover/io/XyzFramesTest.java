package io.atomcover.io;

import io.atomcover.structure.Structure;
import io.atomcover.structure.Dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyzFramesTest {
    @TempDir
    Path tmp;

    private static final String A = "1\nProperties=species:S:1:pos:R:3 name=a\nH   0.10000   0.0 0.0\n";
    private static final String B = "2\r\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:forces:R:3 e=-1.5\r\n"
            + "Si 0 0 0 1e-3 0 0\r\nSi 1.25 1.25 1.25 -0.001 0 0\r\n";
    private static final String C = "1\rmethane-ish\rC 0 0 0";

    private Path write(String text) throws Exception {
        Path f = tmp.resolve("in.extxyz");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private String copy(Path f, int... frames) throws Exception {
        XyzFrames idx = XyzFrames.index(f, ExtXyzReader.read(f));
        Path out = tmp.resolve("out.extxyz");
        idx.copy(frames, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void copiesFramesVerbatimInTheOrderAsked() throws Exception {
        Path f = write(A + B + C);
        assertEquals(B + A, copy(f, 1, 0));
        assertEquals(A + A, copy(f, 0, 0));
        // The last frame has no final line terminator: it gets a \n so the next frame starts on its own line.
        assertEquals(C + "\n" + B, copy(f, 2, 1));
    }

    @Test
    void offsetsCoverEachFrameAndSkipTrailingBlankLines() throws Exception {
        Path f = write(A + B + "\n\n");
        XyzFrames idx = XyzFrames.index(f, ExtXyzReader.read(f));
        assertEquals(2, idx.size());
        assertEquals(0, idx.start(0));
        assertEquals(A.length(), idx.start(1));
        assertEquals(A.length() + B.length(), idx.start(2));
        assertEquals(A + B, copy(f, 0, 1));
    }

    @Test
    void copyReadsBackToTheSameStructures() throws Exception {
        Path f = write(A + B + C);
        copy(f, 2, 0, 1);
        Dataset in = ExtXyzReader.read(f);
        Dataset out = ExtXyzReader.read(tmp.resolve("out.extxyz"));
        int[] order = {2, 0, 1};
        for (int i = 0; i < order.length; i++) {
            Structure a = in.get(order[i]);
            Structure b = out.get(i);
            assertEquals(a.info(), b.info());
            assertEquals(java.util.Arrays.toString(a.positions()), java.util.Arrays.toString(b.positions()));
        }
    }

    @Test
    void aFileThatChangedSinceItWasReadIsRejected() throws Exception {
        Path f = write(A + B);
        Dataset data = ExtXyzReader.read(f);
        Files.writeString(f, B + A);
        InputException e = assertThrows(InputException.class, () -> XyzFrames.index(f, data));
        assertEquals(1, e.line());
    }
}
