package io.atomcover.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Shared plumbing of the subcommands: common options, output streams, argument checks. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The common options; each command declares its {@code @Mixin} last so they are listed after its own. */
    abstract CommonOptions common();

    @Override
    public final Integer call() throws Exception {
        common().validate();
        validate();
        FilePlan files = new FilePlan();
        declareFiles(files);
        files.check(this);
        run();
        out().flush();
        if (plotFailure != null) throw plotFailure;
        return 0;
    }

    /** Writes one plot file; see {@link #writePlot}. */
    @FunctionalInterface
    interface PlotWriter {
        void write() throws IOException;
    }

    /** The first plot that could not be written, reported when the command has finished. */
    private CliFailure plotFailure;

    /**
     * Writes a plot. Commands draw their plots after their reports and before their summary, so
     * that a plot that cannot be drawn or written costs neither: the failure is kept and reported
     * as one line (exit 1) once {@link #run} has finished.
     *
     * @param file the plot file, for the message
     * @return whether the plot was written
     */
    boolean writePlot(Path file, PlotWriter writer) {
        try {
            writer.write();
            return true;
        } catch (IOException | RuntimeException e) {
            if (plotFailure == null)
                plotFailure = new CliFailure(file + ": the plot could not be written (" + Errors.describe(e)
                        + "); the other outputs are complete", e);
            return false;
        }
    }

    /** Checks option values before any work; throws {@link #usage(String)} errors. */
    void validate() {
    }

    /**
     * Declares every file the command reads and every file it may write, so that the plan can be
     * checked before any work: an output that would replace an input or another output is refused.
     */
    abstract void declareFiles(FilePlan files);

    /** Does the work; exceptions are reported by {@link Errors#onFailure}. */
    abstract void run() throws Exception;

    /** Standard output: human summaries and results. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: notices and progress. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A bad-usage error (exit 2) for this command. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
