package io.atomcover.cli;

import io.atomcover.backend.Backends;
import io.atomcover.backend.ChildJvm;
import io.atomcover.backend.KdeBackendProvider;
import io.atomcover.backend.SignalChaining;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs a command line again in a JVM with signal chaining when this one lacks it and the command may
 * open an OpenCL device, which must not be loaded without it ({@link SignalChaining}). The launcher
 * and the Docker image start Java with {@code libjsig} already, so this only happens under a plain
 * {@code java -jar atomcover.jar}; the child gets the same JVM options, class path and arguments,
 * and its exit status is this JVM's.
 */
final class ChainedRelaunch {
    /** Set in the child's environment, so that it never restarts itself again. */
    static final String MARK = "ATOMCOVER_RELAUNCHED";

    private ChainedRelaunch() {
    }

    /** Whether {@code args} should run in a chained JVM rather than this one. */
    static boolean wanted(String[] args) {
        if (!SignalChaining.applies() || SignalChaining.active() || SignalChaining.library().isEmpty()) return false;
        if (System.getenv(MARK) != null) return false;
        return Backends.providers().stream().anyMatch(KdeBackendProvider::driverInstalled) && opensDevice(args);
    }

    /**
     * Whether the command {@code args} name would open a device ({@code devices} counts as one): it
     * takes {@code --backend}, and that
     * names a provider, or is {@code auto} and a device is there for it to take (the device lists come
     * from a child JVM, so asking loads no driver here). A command line that does not parse is left
     * to the normal run, which reports the error.
     */
    static boolean opensDevice(String[] args) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        ParseResult pr;
        try {
            pr = Main.commandLine(sink, sink).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        while (pr.hasSubcommand()) pr = pr.subcommand();
        if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) return false;
        // devices reports whether this JVM chains signals; under a plain java -jar that should be the
        // answer for the commands it lists devices for, which restart here too.
        if (pr.commandSpec().userObject() instanceof DevicesCommand) return true;
        if (pr.commandSpec().findOption("--backend") == null) return false;
        String backend = pr.matchedOptionValue("--backend", Backends.AUTO);
        if (Backends.CPU.equals(backend)) return false;
        if (!Backends.AUTO.equals(backend)) return true;
        int device = pr.matchedOptionValue("--device", -1);
        return Backends.autoChoice(device, warning -> { }).isPresent();
    }

    /**
     * Runs {@code args} in the child, with this process's standard streams, and returns its exit
     * status. The child is ended with this JVM.
     *
     * @throws IOException when the child cannot be started
     */
    static int run(String[] args) throws IOException, InterruptedException {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        ProcessBuilder pb = ChildJvm.builder(jvmOptions, System.getProperty("java.class.path"), Main.class.getName(), List.of(args))
                .inheritIO();
        pb.environment().put(MARK, "1");
        Process child = pb.start();
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "atomcover-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }
}
