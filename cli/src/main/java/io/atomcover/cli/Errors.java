package io.atomcover.cli;

import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.io.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns exceptions into one-line messages and exit codes. */
final class Errors {
    private Errors() {
    }

    /** Bad usage: message, suggestions for misspelt options, a pointer to --help; exit 2. */
    static int onUsageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("atomcover: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return Main.EXIT_USAGE;
    }

    /** A failure while running a command: one line on stderr (stack trace only with --debug); exit 1. */
    static int onFailure(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = cmd.getCommand() instanceof BaseCommand b && b.common().debug;
        err.println("atomcover: " + backendOption(ex, cmd) + describe(ex));
        if (debug) {
            ex.printStackTrace(err);
        } else if (!isExpected(ex)) {
            err.println("atomcover: this looks like a bug; run again with --debug for the stack trace");
        }
        err.flush();
        return Main.EXIT_INPUT;
    }

    /** Failures caused by the input, the file system or the device rather than by a bug. */
    static boolean isExpected(Throwable ex) {
        return ex instanceof InputException || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof CliFailure || ex instanceof BackendUnavailableException;
    }

    /** A one-line, human description of a failure. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            if (u.getCause() instanceof FileSystemException fs) return describe(fs);
            return "I/O error: " + u.getMessage();
        }
        if (ex instanceof InputException || ex instanceof CliFailure || ex instanceof BackendUnavailableException)
            return ex.getMessage();
        if (ex instanceof NoSuchFileException e) return pathProblem(e, "no such file or directory");
        if (ex instanceof AccessDeniedException e) return pathProblem(e, "permission denied");
        if (ex instanceof NotDirectoryException e) return pathProblem(e, "not a directory");
        if (ex instanceof DirectoryNotEmptyException e) return pathProblem(e, "directory not empty");
        if (ex instanceof FileSystemException e) return pathProblem(e, e.getReason() == null ? "file system error" : e.getReason());
        if (ex instanceof IOException) return "I/O error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        String m = ex.getMessage();
        return "internal error: " + ex.getClass().getName() + (m == null ? "" : ": " + m);
    }

    /**
     * "--backend NAME: " for a backend that failed while the command ran (an explicitly named one:
     * under auto the work moves to the CPU instead), as {@link BackendOptions} words failures to open.
     */
    private static String backendOption(Throwable ex, CommandLine cmd) {
        if (!(ex instanceof BackendUnavailableException)) return "";
        OptionSpec option = cmd.getCommandSpec().findOption("--backend");
        return option == null ? "" : "--backend " + option.getValue() + ": ";
    }

    private static String pathProblem(FileSystemException e, String problem) {
        String where = e.getFile() == null ? "" : e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": ";
        return where + problem;
    }
}
