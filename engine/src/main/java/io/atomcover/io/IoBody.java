package io.atomcover.io;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the whole content of a file to a stream; see {@link AtomicFiles#write(java.nio.file.Path, IoBody)}. */
@FunctionalInterface
public interface IoBody {
    /** Writes the content to {@code out}; need not flush or close it. */
    void writeTo(OutputStream out) throws IOException;
}
