package io.atomcover.api;

import io.atomcover.util.ProgressListener;

/** The progress of one named phase of a facade call; closed when the phase ends. */
public interface Phase extends ProgressListener, AutoCloseable {
    /** A phase that ignores its progress. */
    Phase NONE = new Phase() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public void close() {
        }
    };

    @Override
    void close();
}
