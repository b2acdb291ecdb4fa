package io.atomcover.io;

import io.atomcover.structure.Dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Byte ranges of the frames of an (extended) XYZ file, so that chosen frames can be copied
 * verbatim: same numbers, spacing, key order and line endings as the input, no parse/format round
 * trip. Frame s spans its count line, its comment line and its {@code size} atom lines; line
 * terminators are those {@link java.io.BufferedReader#readLine()} (and so {@link ExtXyzReader})
 * recognises: {@code \n}, {@code \r\n} and a lone {@code \r}. Blank lines after the last frame are
 * not part of any frame.
 */
public final class XyzFrames {
    private final Path file;
    private final long[] starts;
    private final boolean lastUnterminated;

    private XyzFrames(Path file, long[] starts, boolean lastUnterminated) {
        this.file = file;
        this.starts = starts;
        this.lastUnterminated = lastUnterminated;
    }

    /**
     * Indexes {@code file}, which must be the file {@code data} was read from: frame s has
     * {@code data.get(s).size() + 2} lines. Each count line is checked against the dataset.
     *
     * @throws InputException when the file no longer matches the dataset (changed since it was read)
     */
    public static XyzFrames index(Path file, Dataset data) throws IOException {
        long[] starts = new long[data.size() + 1];
        boolean unterminated = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LineScanner lines = new LineScanner(in);
            for (int s = 0; s < data.size(); s++) {
                starts[s] = lines.position;
                int atoms = data.get(s).size();
                String count = lines.next(true);
                if (count == null || !count.trim().equals(Integer.toString(atoms)))
                    throw new InputException(file, lines.lineNo, "frame " + s + " should start with the atom count " + atoms
                            + " here; the file changed since it was read");
                for (int i = 0; i < atoms + 1; i++) {
                    if (lines.next(false) == null)
                        throw new InputException(file, lines.lineNo + 1, "file ends inside frame " + s + "; it changed since it was read");
                }
            }
            starts[data.size()] = lines.position;
            unterminated = lines.lastUnterminated;
        }
        return new XyzFrames(file, starts, unterminated);
    }

    /** Number of frames indexed. */
    public int size() {
        return starts.length - 1;
    }

    /** Byte offset where frame s starts; {@code start(size())} is where the last frame ends. */
    public long start(int s) {
        return starts[s];
    }

    /**
     * Writes the frames {@code frames} (in that order, repeats allowed) to {@code target}, atomically,
     * each byte for byte as in the source, compressed when the target's name ends in .gz, .xz or .bz2.
     * A last frame whose final line had no terminator gets a {@code \n} so that frames never run
     * together.
     */
    public void copy(int[] frames, Path target) throws IOException {
        for (int s : frames)
            if (s < 0 || s >= size()) throw new IndexOutOfBoundsException("frame index " + s + " out of range for " + size() + " frames");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            AtomicFiles.writeCompressed(target, out -> {
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                for (int s : frames) {
                    copyRange(ch, starts[s], starts[s + 1], buf, out);
                    if (s == size() - 1 && lastUnterminated) out.write('\n');
                }
            });
        }
    }

    private void copyRange(FileChannel ch, long from, long to, ByteBuffer buf, OutputStream out) throws IOException {
        long pos = from;
        while (pos < to) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - pos));
            int n = ch.read(buf, pos);
            if (n < 0) throw new InputException(file, 0, "file shrank while frames were copied from it");
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }

    /** Reads lines from a byte stream, tracking the byte offset after each line and its terminator. */
    private static final class LineScanner {
        private final InputStream in;
        long position;
        long lineNo;
        boolean lastUnterminated;
        private int pushedBack = -2;

        LineScanner(InputStream in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int b = pushedBack;
                pushedBack = -2;
                return b;
            }
            return in.read();
        }

        /** The next line (decoded only when {@code keep}; otherwise ""), or null at the end of input. */
        String next(boolean keep) throws IOException {
            java.io.ByteArrayOutputStream text = keep ? new java.io.ByteArrayOutputStream(32) : null;
            int b = read();
            if (b < 0) return null;
            lineNo++;
            while (true) {
                if (b < 0) {
                    lastUnterminated = true;
                    break;
                }
                position++;
                if (b == '\n') break;
                if (b == '\r') {
                    int c = read();
                    if (c == '\n') position++;
                    else pushedBack = c;
                    break;
                }
                if (keep) text.write(b);
                b = read();
            }
            return keep ? text.toString(StandardCharsets.UTF_8) : "";
        }
    }
}
