package io.atomcover.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy {@code .npz} archives (from {@code numpy.savez} or {@code savez_compressed}): a zip of
 * {@code .npy} entries. Entry names are returned without the {@code .npy} suffix. Entries holding
 * pickled Python objects (dtype {@code |O}) cannot be read without Python and are skipped.
 */
public final class Npz {
    private Npz() {
    }

    /** Every readable array of the archive, in archive order; object arrays are left out. */
    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = open(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) continue;
                NpyArray a = readEntry(zip, e, file, true);
                if (a != null) out.put(arrayName(e), a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The array called {@code name} (without ".npy"); an error when it is missing or not numeric. */
    public static NpyArray read(Path file, String name) {
        try (ZipFile zip = open(file)) {
            ZipEntry e = zip.getEntry(name + ".npy");
            if (e == null) e = zip.getEntry(name);
            if (e == null || e.isDirectory()) throw new InputException(file, 0, "no array '" + name + "' in the archive");
            return readEntry(zip, e, file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String arrayName(ZipEntry e) {
        String n = e.getName();
        return n.substring(0, n.length() - ".npy".length());
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InputException(file, 0, "no such file", e);
        } catch (ZipException e) {
            throw new InputException(file, 0, "not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
    }

    private static NpyArray readEntry(ZipFile zip, ZipEntry e, Path file, boolean skipObjects) throws IOException {
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
            return Npy.readArray(in, file, "entry '" + e.getName() + "': ", skipObjects);
        } catch (ZipException z) {
            throw new InputException(file, 0, "entry '" + e.getName() + "': corrupt data: " + z.getMessage(), z);
        }
    }
}
