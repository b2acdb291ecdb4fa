package io.atomcover.ilpselect.progress;

import io.atomcover.api.Phase;
import io.atomcover.api.Phases;

/**
 * Hears the steps of a facade call: one line of text per step decided or done, and the progress of
 * each long step (FCHL19 of a database, an ILP ranking, a learning curve). A command draws these as
 * log lines and progress bars; {@link #NONE} ignores them. It is the engine's {@link Phases} with
 * notes and messages added, so one front end serves both facades.
 */
public interface StepListener extends Phases {
    /** Ignores every step. */
    StepListener NONE = new StepListener() {
    };

    /**
     * A long step starts; it is closed when it ends.
     *
     * @param name     what it does, as shown to the user
     * @param unit     what it counts (" molecules", " steps")
     * @param messages whether it will show messages between counts ({@link Task#message})
     */
    default Task start(String name, String unit, boolean messages) {
        return Task.NONE;
    }

    /** A long step without messages. */
    @Override
    default Task start(String task, String unit) {
        return start(task, unit, false);
    }

    /** One line saying what was decided or done. */
    default void note(String line) {
    }

    /** The progress of one long step. */
    interface Task extends Phase {
        /** Ignores every report. */
        Task NONE = new Task() {
            @Override
            public void progress(long done, long total) {
            }
        };

        /** Text shown beside the count (for example the current objective). */
        default void message(String text) {
        }

        @Override
        default void close() {
        }
    }
}
