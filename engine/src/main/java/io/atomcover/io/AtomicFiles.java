package io.atomcover.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * All-or-nothing file output: the content goes to a temporary file next to the target, is forced to
 * disk, and is then moved over the target (atomically where the file system allows it). If anything
 * fails the temporary file is deleted and an existing target is left untouched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with what {@code body} produces. The stream handed to the body is buffered;
     * closing it is harmless (it only flushes). Any exception of the body (checked or not) is rethrown
     * after the temporary file is removed.
     */
    public static void write(Path target, IoBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) throw new IOException("no directory for " + target);
        String name = abs.getFileName().toString();
        Path tmp = createTemp(dir, name);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                NonClosingStream out = new NonClosingStream(Channels.newOutputStream(ch));
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException d) {
                failure.addSuppressed(d);
            }
            throw failure;
        }
    }

    /**
     * Like {@link #write}, compressed when the target's name ends in {@code .gz}, {@code .xz} or
     * {@code .bz2} (see {@link CompressedStreams}); the compressed stream is finished before the
     * temporary file is forced to disk and moved into place.
     */
    public static void writeCompressed(Path target, IoBody body) throws IOException {
        CompressedStreams.Codec codec = CompressedStreams.byName(target);
        if (codec == CompressedStreams.Codec.NONE) {
            write(target, body);
            return;
        }
        write(target, out -> {
            OutputStream z = CompressedStreams.compressing(codec, out);
            body.writeTo(z);
            z.close();
        });
    }

    /**
     * A fresh empty file ".NAME.RANDOM.tmp" in dir. Unlike Files.createTempFile (which makes it 0600 on
     * POSIX), Files.createFile applies the process umask, so the result gets ordinary permissions.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path p = dir.resolve("." + name + "." + Long.toString(r, 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** Buffered stream whose close() only flushes, so a body cannot close the channel under us. */
    private static final class NonClosingStream extends BufferedOutputStream {
        NonClosingStream(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
