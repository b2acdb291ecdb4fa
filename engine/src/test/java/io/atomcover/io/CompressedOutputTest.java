package io.atomcover.io;

import io.atomcover.structure.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs named .gz, .xz or .bz2 are compressed, decompress to what the plain output holds, and are still written atomically. */
class CompressedOutputTest {
    @TempDir
    Path dir;

    private static Dataset read(Path p) {
        return StructureFiles.read(InputSpec.of(p), ReadOptions.DEFAULT, new ByteArrayInputStream(new byte[0]));
    }

    private static byte[] decompressed(Path p) throws IOException {
        try (InputStream in = CompressedStreams.decompressed(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gz", "xz", "bz2"})
    void writerAndFrameCopyCompressByName(String suffix) throws IOException {
        Path source = FormatsTest.fixture("sio2-ortho.lammpstrj.extxyz");
        Dataset ds = read(source);
        Path plain = dir.resolve("plain.extxyz");
        Path packed = dir.resolve("packed.extxyz." + suffix);
        ExtXyzWriter.write(plain, ds.structures());
        ExtXyzWriter.write(packed, ds.structures());
        assertEquals(CompressedStreams.byName(packed), CompressedStreams.sniff(Files.readAllBytes(packed), 8));
        assertArrayEquals(Files.readAllBytes(plain), decompressed(packed));

        Path copied = dir.resolve("copied.xyz." + suffix);
        XyzFrames.index(source, ds).copy(new int[]{2, 0}, copied);
        Path copiedPlain = dir.resolve("copied.xyz");
        XyzFrames.index(source, ds).copy(new int[]{2, 0}, copiedPlain);
        assertArrayEquals(Files.readAllBytes(copiedPlain), decompressed(copied));
        assertEquals(2, read(copied).size());
    }

    @Test
    void failedCompressedWriteLeavesTheTargetAlone() throws IOException {
        Path target = dir.resolve("keep.extxyz.gz");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.writeCompressed(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void onlyAWholePlainXyzFileIsCopiedVerbatim() {
        assertTrue(StructureFiles.isWholePlainXyz(FormatsTest.fixture("sio2-ortho.lammpstrj.extxyz")));
        assertFalse(StructureFiles.isWholePlainXyz(Path.of(FormatsTest.fixture("sio2-ortho.lammpstrj.extxyz") + "@0")));
        assertFalse(StructureFiles.isWholePlainXyz(FormatsTest.fixture("sio2-ortho.extxyz.gz")));
        assertFalse(StructureFiles.isWholePlainXyz(FormatsTest.fixture("POSCAR-direct")));
        assertFalse(StructureFiles.isWholePlainXyz(Path.of("-")));
    }
}
