package io.atomcover.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive, as {@code numpy.savez} does: a zip of {@code NAME.npy}
 * entries in the order added, float64 or int64 (little-endian, C order). {@code numpy.load} and
 * {@link Npz#read} read it back. The file is written atomically.
 */
public final class NpzWriter {
    /** An entry's header and data, written when the archive is. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Map<String, Body> entries = new LinkedHashMap<>();

    /** Adds a float64 array of the given shape. */
    public NpzWriter float64(String name, double[] data, long... shape) {
        check(name, data.length, shape);
        entries.put(name, out -> Npy.writeTo(out, data, shape));
        return this;
    }

    /** Adds an int64 array of the given shape. */
    public NpzWriter int64(String name, long[] data, long... shape) {
        check(name, data.length, shape);
        entries.put(name, out -> {
            out.write(Npy.header("<i8", false, shape));
            ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; ) {
                buf.clear();
                int n = Math.min(8192, data.length - i);
                buf.asLongBuffer().put(data, i, n);
                out.write(buf.array(), 0, n * 8);
                i += n;
            }
        });
        return this;
    }

    /** Adds a 1-D int64 array of the values. */
    public NpzWriter int64(String name, int[] data) {
        long[] wide = new long[data.length];
        for (int i = 0; i < data.length; i++) wide[i] = data[i];
        return int64(name, wide, data.length);
    }

    private void check(String name, int length, long[] shape) {
        if (entries.containsKey(name)) throw new IllegalArgumentException("array '" + name + "' added twice");
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension " + d);
            n *= d;
        }
        if (n != length) throw new IllegalArgumentException(name + ": shape needs " + n + " values, data has " + length);
    }

    /** Writes the archive to {@code file} (temp file + atomic move). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            for (Map.Entry<String, Body> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                e.getValue().writeTo(zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        });
    }
}
