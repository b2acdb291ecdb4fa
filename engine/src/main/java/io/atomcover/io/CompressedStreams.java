package io.atomcover.io;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip, xz and bzip2 streams: input is recognised by its magic bytes (whatever the file is called),
 * output by the name of the target ({@code .gz}, {@code .xz}, {@code .bz2}). gzip comes from
 * {@code java.util.zip}; xz and bzip2 from Commons Compress.
 */
public final class CompressedStreams {
    /** A compression scheme, with the suffix that names it. */
    public enum Codec {
        NONE(""), GZIP(".gz"), XZ(".xz"), BZIP2(".bz2");

        private final String suffix;

        Codec(String suffix) {
            this.suffix = suffix;
        }

        /** ".gz", ".xz", ".bz2", or "" for none. */
        public String suffix() {
            return suffix;
        }
    }

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] BZIP2_MAGIC = {'B', 'Z', 'h'};

    private CompressedStreams() {
    }

    /** The codec of the first bytes of a stream (at least 6 for xz), or NONE. */
    static Codec sniff(byte[] head, int length) {
        if (startsWith(head, length, GZIP_MAGIC)) return Codec.GZIP;
        if (startsWith(head, length, XZ_MAGIC)) return Codec.XZ;
        // "BZh" followed by the block size digit 1-9
        if (startsWith(head, length, BZIP2_MAGIC) && length > 3 && head[3] >= '1' && head[3] <= '9') return Codec.BZIP2;
        return Codec.NONE;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
    }

    /** A decompressed view of {@code raw} when it starts with a known magic number; raw (buffered) otherwise. */
    public static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        Codec codec = peekCodec(in);
        return switch (codec) {
            case NONE -> in;
            case GZIP -> new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            case XZ -> new BufferedInputStream(new XZCompressorInputStream(in, true), 1 << 16);
            case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 16);
        };
    }

    /** The codec of a buffered stream's next bytes, leaving them unread. */
    static Codec peekCodec(BufferedInputStream in) throws IOException {
        byte[] head = new byte[8];
        in.mark(head.length);
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) break;
            n += r;
        }
        in.reset();
        return sniff(head, n);
    }

    /** The codec a file name asks for by its last suffix (case-insensitive). */
    public static Codec byName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Codec c : Codec.values())
            if (c != Codec.NONE && name.endsWith(c.suffix())) return c;
        return Codec.NONE;
    }

    /** The file name without a compression suffix ("Si.extxyz.gz" → "Si.extxyz"). */
    public static String baseName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Codec c = byName(file);
        return c == Codec.NONE ? name : name.substring(0, name.length() - c.suffix().length());
    }

    /**
     * A compressing stream over {@code out} for {@code codec}. {@link OutputStream#close()} of the
     * result finishes the compressed stream and flushes, but leaves {@code out} open, so that
     * {@link AtomicFiles} can still force it to disk.
     */
    static OutputStream compressing(Codec codec, OutputStream out) throws IOException {
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return switch (codec) {
            case NONE -> keepOpen;
            case GZIP -> new GZIPOutputStream(keepOpen, 1 << 16);
            case XZ -> new XZCompressorOutputStream(keepOpen);
            case BZIP2 -> new BZip2CompressorOutputStream(keepOpen);
        };
    }
}
