package io.atomcover.cli;

import io.atomcover.ilpselect.progress.StepListener;
import java.io.PrintStream;
import java.io.PrintWriter;

/** Draws the steps of an ILPSelect facade call: a progress bar per long step, and notes as lines on the log. */
final class ProgressSteps implements StepListener {
    private final boolean bars;
    private final PrintStream barStream;
    private final PrintWriter log;

    /**
     * @param bars whether to draw progress bars (on stderr)
     * @param log  where notes go, one line each
     */
    ProgressSteps(boolean bars, PrintWriter log) {
        this.bars = bars;
        this.barStream = System.err;
        this.log = log;
    }

    @Override
    public Task start(String name, String unit, boolean messages) {
        return messages ? Progress.startWithMessages(name, unit, bars, barStream) : Progress.start(name, unit, bars, barStream);
    }

    @Override
    public void note(String line) {
        log.println(line);
        log.flush();
    }
}
