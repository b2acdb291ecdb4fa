package io.atomcover.jmh;

import java.util.Objects;

/**
 * What a benchmark trial learns besides its times: the backend that ran, the share of pairs the
 * pruned sums evaluated, the value computed, the sizes. Benchmark states report them here because
 * JMH results carry only scores. Standalone (forked) runs print them under JMH's iteration lines;
 * {@link Harness}, which runs trials in its own JVM, collects them for its caller.
 */
public final class TrialNotes {
    /** Receives the notes and warnings of the trials that run while it is installed. */
    public interface Listener {
        /** A named fact of the trial that just ran, e.g. {@code backend} or {@code entropy}. */
        void note(String key, Object value);

        /** A one-line warning, e.g. a device that failed and handed its work to the CPU. */
        void warning(String message);
    }

    private static final Listener PRINT = new Listener() {
        @Override
        public void note(String key, Object value) {
            System.out.println("note: " + key + " = " + value);
        }

        @Override
        public void warning(String message) {
            System.err.println("warning: " + message);
        }
    };

    private static volatile Listener listener = PRINT;

    private TrialNotes() {
    }

    /** Sends the notes and warnings of the following trials to {@code l}; {@code null} prints them again. */
    public static void listen(Listener l) {
        listener = l == null ? PRINT : l;
    }

    static void note(String key, Object value) {
        listener.note(Objects.requireNonNull(key), value);
    }

    static void warning(String message) {
        listener.warning(message);
    }
}
