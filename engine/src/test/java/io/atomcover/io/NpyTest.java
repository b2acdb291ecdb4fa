package io.atomcover.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixtures under /io/ were written by NumPy 2.4 (np.save, np.savez, np.savez_compressed). */
class NpyTest {

    static Path fixture(String name) throws Exception {
        return Path.of(NpyTest.class.getResource("/io/" + name).toURI());
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++)
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "value " + i);
    }

    @Test
    void writesTheSameBytesAsNumpy(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a.npy");
        Npy.write(out, new double[]{-0.0, -0.5, 0.0, 0.5, 1.0, 1e-300}, 2, 3);
        assertArrayEquals(Files.readAllBytes(fixture("f8_2x3.npy")), Files.readAllBytes(out));

        Path scalar = dir.resolve("s.npy");
        Npy.write(scalar, new double[]{2.5}, new long[0]);
        assertArrayEquals(Files.readAllBytes(fixture("f8_scalar.npy")), Files.readAllBytes(scalar));

        Path empty = dir.resolve("e.npy");
        Npy.write(empty, new double[0], 0, 3);
        assertArrayEquals(Files.readAllBytes(fixture("f8_empty_0x3.npy")), Files.readAllBytes(empty));
    }

    @Test
    void headerLayoutMatchesNumpyForOtherShapes() {
        // np.save(np.zeros(shape)) headers: dict, then spaces, then '\n', data at byte 128
        Object[][] cases = {
                {new long[]{123456, 63}, "{'descr': '<f8', 'fortran_order': False, 'shape': (123456, 63), }"},
                {new long[]{3}, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"},
                {new long[]{7165}, "{'descr': '<f8', 'fortran_order': False, 'shape': (7165,), }"},
        };
        for (Object[] c : cases) {
            byte[] h = Npy.header("<f8", false, (long[]) c[0]);
            assertEquals(128, h.length);
            assertArrayEquals(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(h, 10));
            String text = new String(h, 10, 118, StandardCharsets.ISO_8859_1);
            String dict = (String) c[1];
            assertTrue(text.startsWith(dict), text);
            assertEquals(" ".repeat(117 - dict.length()) + "\n", text.substring(dict.length()));
        }
    }

    @Test
    void readsNumpyFixturesOfEveryDtype() throws Exception {
        NpyArray f8 = Npy.read(fixture("f8_2x3.npy"));
        assertArrayEquals(new long[]{2, 3}, f8.shape());
        assertBits(new double[]{-0.0, -0.5, 0.0, 0.5, 1.0, 1e-300}, f8.data());
        assertEquals(2, f8.rows());
        assertEquals(3, f8.cols());
        assertEquals(1e-300, f8.get(1, 2));

        NpyArray f4 = Npy.read(fixture("f4_2x3.npy"));
        assertArrayEquals(new long[]{2, 3}, f4.shape());
        assertArrayEquals(new double[]{1.5, -2.25, 3.0, 4.0, 5.5, -6.125}, f4.data());

        NpyArray i4 = Npy.read(fixture("i4_be_3.npy"));
        assertArrayEquals(new long[]{3}, i4.shape());
        assertArrayEquals(new double[]{1, -2, 2147483647}, i4.data());
        assertEquals(3, i4.rows());
        assertEquals(1, i4.cols());

        assertArrayEquals(new double[]{1, -2, 3, 9007199254740992.0}, Npy.read(fixture("i8_4.npy")).data());
        assertArrayEquals(new double[]{1, 0, 1}, Npy.read(fixture("b1_3.npy")).data());
        NpyArray u1 = Npy.read(fixture("u1_2x2.npy"));
        assertArrayEquals(new long[]{2, 2}, u1.shape());
        assertArrayEquals(new double[]{0, 255, 7, 128}, u1.data());

        NpyArray scalar = Npy.read(fixture("f8_scalar.npy"));
        assertEquals(0, scalar.ndim());
        assertArrayEquals(new double[]{2.5}, scalar.data());

        NpyArray empty = Npy.read(fixture("f8_empty_0x3.npy"));
        assertArrayEquals(new long[]{0, 3}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void readsFortranOrderBigEndianAsCOrder() throws Exception {
        // np.asfortranarray(np.arange(12, dtype='>f8').reshape(2, 3, 2))
        NpyArray a = Npy.read(fixture("f8_be_fortran_2x3x2.npy"));
        assertArrayEquals(new long[]{2, 3, 2}, a.shape());
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) expected[i] = i;
        assertArrayEquals(expected, a.data());
    }

    @Test
    void fortranToCForAMatrix() {
        // column-major [[1, 2, 3], [4, 5, 6]] is 1 4 2 5 3 6
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, Npy.fortranToC(new double[]{1, 4, 2, 5, 3, 6}, new long[]{2, 3}));
    }

    @Test
    void readsVersion2() throws Exception {
        NpyArray a = Npy.read(fixture("f8_v2_3.npy"));
        assertArrayEquals(new long[]{3}, a.shape());
        assertArrayEquals(new double[]{1, 2, 3}, a.data());
    }

    @Test
    void javaRoundTrip(@TempDir Path dir) throws IOException {
        java.util.Random r = new java.util.Random(7);
        int rows = 1000, cols = 63;
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
        d[5] = Double.NaN;
        d[6] = Double.NEGATIVE_INFINITY;
        Path out = dir.resolve("desc.npy");
        Npy.write(out, d, rows, cols);
        NpyArray back = Npy.read(out);
        assertArrayEquals(new long[]{rows, cols}, back.shape());
        assertBits(d, back.data());
        assertEquals(back, new NpyArray(new long[]{rows, cols}, d.clone()));
        assertEquals(128 + 8L * rows * cols, Files.size(out));
    }

    @Test
    void readFromStreamStopsAtTheEndOfTheArray() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npy.writeTo(bytes, new double[]{1, 2}, new long[]{2});
        Npy.writeTo(bytes, new double[]{3}, new long[]{1, 1});
        InputStream in = new ByteArrayInputStream(bytes.toByteArray());
        assertArrayEquals(new double[]{1, 2}, NpyArray.readFrom(in, "two.bin").data());
        NpyArray second = NpyArray.readFrom(in, "two.bin");
        assertArrayEquals(new long[]{1, 1}, second.shape());
        assertEquals(-1, in.read());
    }

    @Test
    void rejectsBadInput(@TempDir Path dir) throws Exception {
        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "PK not a numpy file at all");
        InputException e = assertThrows(InputException.class, () -> Npy.read(notNpy));
        assertEquals(0, e.line());
        assertEquals(notNpy + ": bad magic: not a .npy file", e.getMessage());

        byte[] good = Files.readAllBytes(fixture("f8_2x3.npy"));
        Path truncated = dir.resolve("t.npy");
        Files.write(truncated, Arrays.copyOf(good, good.length - 5));
        e = assertThrows(InputException.class, () -> Npy.read(truncated));
        assertTrue(e.getMessage().contains("truncated data: expected 48 bytes, found 43"), e.getMessage());

        Path shortHeader = dir.resolve("h.npy");
        Files.write(shortHeader, Arrays.copyOf(good, 40));
        e = assertThrows(InputException.class, () -> Npy.read(shortHeader));
        assertTrue(e.getMessage().contains("truncated header"), e.getMessage());

        Path complex = dir.resolve("c.npy");
        byte[] h = Npy.header("<c16", false, new long[]{1});
        Files.write(complex, concat(h, new byte[16]));
        e = assertThrows(InputException.class, () -> Npy.read(complex));
        assertTrue(e.getMessage().contains("unsupported dtype '<c16'"), e.getMessage());

        Path object = dir.resolve("o.npy");
        Files.write(object, concat(Npy.header("|O", false, new long[]{1}), new byte[8]));
        e = assertThrows(InputException.class, () -> Npy.read(object));
        assertTrue(e.getMessage().contains("unsupported dtype '|O' (pickled Python objects)"), e.getMessage());

        byte[] v9 = good.clone();
        v9[6] = 9;
        Path version = dir.resolve("v.npy");
        Files.write(version, v9);
        e = assertThrows(InputException.class, () -> Npy.read(version));
        assertTrue(e.getMessage().contains("unsupported .npy format version 9.0"), e.getMessage());

        byte[] garbled = good.clone();
        garbled[10] = 'X'; // the dict's opening brace
        Path bad = dir.resolve("g.npy");
        Files.write(bad, garbled);
        e = assertThrows(InputException.class, () -> Npy.read(bad));
        assertTrue(e.getMessage().contains("malformed header"), e.getMessage());
        byte[] renamed = good.clone();
        renamed[12] = 'X'; // 'descr' becomes 'Xescr'
        Files.write(bad, renamed);
        e = assertThrows(InputException.class, () -> Npy.read(bad));
        assertTrue(e.getMessage().contains("header lacks descr"), e.getMessage());

        assertThrows(InputException.class, () -> Npy.read(dir.resolve("missing.npy")));
        assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("w.npy"), new double[5], 2, 3));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void npzSkipsObjectArraysAndStripsSuffix() throws Exception {
        Map<String, NpyArray> m = Npz.read(fixture("mixed.npz"));
        assertEquals(List.of("desc", "weights"), List.copyOf(m.keySet()));
        assertArrayEquals(new long[]{3, 2}, m.get("desc").shape());
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, m.get("desc").data());
        assertArrayEquals(new double[]{0.25, 0.75}, m.get("weights").data());
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, Npz.read(fixture("mixed.npz"), "desc").data());

        InputException e = assertThrows(InputException.class, () -> Npz.read(fixture("mixed.npz"), "ncharges"));
        assertTrue(e.getMessage().contains("entry 'ncharges.npy': unsupported dtype '|O'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Npz.read(fixture("mixed.npz"), "nothere"));
        assertTrue(e.getMessage().contains("no array 'nothere'"), e.getMessage());
        assertNull(Npz.read(fixture("mixed.npz")).get("ncharges"));
    }

    @Test
    void npzCompressed() throws Exception {
        assertArrayEquals(new double[]{0, 0.25, 0.5, 0.75, 1}, Npz.read(fixture("compressed.npz"), "x").data());
    }

    @Test
    void npzErrors(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("bad.npz");
        Files.writeString(notZip, "definitely not a zip");
        InputException e = assertThrows(InputException.class, () -> Npz.read(notZip));
        assertTrue(e.getMessage().startsWith(notZip + ": not a valid .npz"), e.getMessage());
        e = assertThrows(InputException.class, () -> Npz.read(dir.resolve("absent.npz")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());

        // an archive whose entry is a truncated .npy
        Path trunc = dir.resolve("trunc.npz");
        byte[] good = Files.readAllBytes(fixture("f8_2x3.npy"));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(trunc))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.npy"));
            zip.write(good, 0, good.length - 8);
            zip.closeEntry();
        }
        e = assertThrows(InputException.class, () -> Npz.read(trunc));
        assertEquals(trunc + ": entry 'a.npy': truncated data: expected 48 bytes, found 40", e.getMessage());
    }
}
