package io.atomcover.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every subcommand takes: worker threads, stack traces, progress display. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for descriptors and kernel sums. Default: the available processors (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--debug", description = "Print the full stack trace when a command fails.")
    boolean debug;

    @Option(names = "--progress", negatable = true,
            description = "Draw progress bars on stderr. Default: only when running in a terminal.")
    Boolean progress;

    /** Checks the values; throws a usage error (exit 2) when one is out of range. */
    void validate() {
        if (threads < 1) throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, got " + threads);
    }

    /** Whether to draw progress bars: as asked, else only when attached to a terminal. */
    boolean showProgress() {
        return progress != null ? progress : System.console() != null;
    }
}
