package io.atomcover.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
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
        run();
        out().flush();
        return 0;
    }

    /** Checks option values before any work; throws {@link #usage(String)} errors. */
    void validate() {
    }

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

    /** Fails early (exit 1) when an output file could not be created because its folder is missing. */
    static void checkWritable(Path output) {
        if (output == null || Json.STDOUT.equals(output)) return;
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new CliFailure(output + ": cannot write: folder " + dir + " does not exist");
        if (Files.isDirectory(output)) throw new CliFailure(output + ": cannot write: is a folder");
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
