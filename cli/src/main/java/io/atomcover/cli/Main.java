package io.atomcover.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the {@code atomcover} command. Exit codes: 0 success, 1 bad input, I/O failure or
 * a failed backend (one line {@code atomcover: <message>} on stderr), 2 bad usage.
 */
public final class Main {
    /** Exit code for bad input data, missing or unreadable files, I/O failures and backend failures. */
    public static final int EXIT_INPUT = 1;
    /** Exit code for bad usage: unknown options, missing arguments, invalid option values. */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (ChainedRelaunch.wanted(args)) {
            try {
                System.exit(ChainedRelaunch.run(args));
            } catch (IOException e) {
                err.println("warning: could not restart Java with signal chaining (" + e.getMessage()
                        + "); OpenCL stays off in this run");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(EXIT_INPUT);
            }
        }
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("atomcover: out of memory; give Java a larger heap, e.g. JAVA_OPTS=-Xmx16g");
            return EXIT_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command tree, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AtomcoverCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new TypedDefaults());
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler(Errors::onUsageError);
        cl.setExecutionExceptionHandler(Errors::onFailure);
        return cl;
    }
}
