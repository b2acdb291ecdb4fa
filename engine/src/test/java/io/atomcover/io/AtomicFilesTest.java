package io.atomcover.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesNewFileAndReplacesExistingOne(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first", Files.readString(target));
        AtomicFiles.write(target, out -> {
            out.write("second".getBytes(StandardCharsets.UTF_8));
            out.close(); // closing inside the body is harmless
        });
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void largeOutputArrivesWhole(@TempDir Path dir) throws IOException {
        byte[] data = new byte[3_000_001];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        Path target = dir.resolve("big.bin");
        AtomicFiles.write(target, out -> {
            out.write(data, 0, 1000);
            for (int i = 1000; i < 2000; i++) out.write(data[i]);
            out.write(data, 2000, data.length - 2000);
        });
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void failureMidWriteKeepsPreviousFileAndLeavesNoTemp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "{\"old\": true}");
        IOException boom = new IOException("disk full (simulated)");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]); // more than the buffer, so part of it reached the temp file
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("{\"old\": true}", Files.readString(target));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void uncheckedFailureAlsoCleansUp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("new.csv");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new UncheckedIOException(new IOException("nope"));
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void missingDirectoryFailsWithoutCreatingAnything(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("absent/sub/out.txt");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write(1)));
        assertEquals(List.of(), listing(dir));
    }
}
