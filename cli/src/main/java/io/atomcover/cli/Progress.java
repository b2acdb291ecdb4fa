package io.atomcover.cli;

import io.atomcover.api.Phase;
import io.atomcover.api.Phases;
import io.atomcover.ilpselect.progress.StepListener;
import io.atomcover.util.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws a {@link Phase} of either facade (a {@link ProgressListener} called from worker threads) as
 * a progress bar on stderr. The bar appears with the first report, once the total is known. A
 * disabled instance ignores every call and draws nothing.
 */
final class Progress implements StepListener.Task {
    private static final int WIDTH = 100;

    private final String task;
    private final String unit;
    private final PrintStream stream;
    private final boolean enabled;
    private final boolean continuous;
    private ProgressBar bar;
    private long shown = -1;

    private Progress(String task, String unit, boolean enabled, PrintStream stream, boolean continuous) {
        this.task = task;
        this.unit = unit;
        this.enabled = enabled;
        this.stream = stream;
        this.continuous = continuous;
    }

    /** A bar named {@code task} counting {@code unit} on {@code stream}, or a silent listener when not {@code enabled}. */
    static Progress start(String task, String unit, boolean enabled, PrintStream stream) {
        return new Progress(task, unit, enabled, stream, false);
    }

    /** The facade's phases as bars on stderr when {@code enabled}. */
    static Phases phases(boolean enabled) {
        return (task, unit) -> start(task, unit, enabled, System.err);
    }

    /**
     * Like {@link #start}, but the bar is redrawn every 250 ms even while the count stands still, so
     * that messages set between steps show at once (the ILP's widening and pruning check, whose solves
     * may take minutes without a new molecule); a plain bar redraws only when the count moves.
     */
    static Progress startWithMessages(String task, String unit, boolean enabled, PrintStream stream) {
        return new Progress(task, unit, enabled, stream, true);
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (!enabled || done <= shown) return; // workers may report out of order: only move forward
        shown = done;
        if (bar == null) {
            ProgressBarBuilder builder = new ProgressBarBuilder();
            if (continuous) builder.continuousUpdate();
            bar = builder
                    .setTaskName(task)
                    .setUnit(unit, 1)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(stream, WIDTH))
                    .setInitialMax(total)
                    .build();
        } else if (bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
    }

    /** Text shown after the bar (for example the current objective); ignored before the first report. */
    @Override
    public synchronized void message(String text) {
        if (enabled && bar != null) bar.setExtraMessage(text);
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
    }
}
