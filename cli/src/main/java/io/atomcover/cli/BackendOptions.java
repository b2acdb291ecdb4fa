package io.atomcover.cli;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.Precision;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Where kernel sums run: {@code --backend}, {@code --device}, {@code --precision}. */
public final class BackendOptions {
    @Option(names = "--backend", paramLabel = "auto|cpu|opencl",
            description = "Kernel-sum backend. auto (default): a GPU when an OpenCL GPU is present, else the "
                    + "multi-threaded CPU backend; a device that fails, when opened or in mid-run, hands the work to "
                    + "the CPU with a one-line warning. cpu; opencl (any OpenCL failure is an error). "
                    + "'atomcover devices' lists what is available.")
    String backend = Backends.AUTO;

    @Option(names = "--device", paramLabel = "N",
            description = "Device number within the backend, as 'atomcover devices' lists them. Default: the first GPU.")
    int device = -1;

    @Option(names = "--precision", paramLabel = "double|float",
            description = "Kernel arithmetic on the device: double (default; exact to ~1e-12) or float "
                    + "(devices without fast fp64; error in docs/opencl.md, 'Precision'). The CPU backend always uses double.")
    String precision = "double";

    /**
     * Opens the backend; an {@code auto} fallback, at open time or later in mid-run, prints a one-line
     * warning on {@code err}.
     */
    KdeBackend open(CommonOptions common, PrintWriter err) {
        Precision p = precision();
        try {
            return Backends.open(backend, new BackendRequest(device, common.threads, p, 0),
                    msg -> {
                        err.println("warning: " + msg);
                        err.flush();
                    });
        } catch (BackendUnavailableException e) {
            throw new CliFailure("--backend " + backend + ": " + e.getMessage());
        }
    }

    /** The {@code --precision} chosen; a {@link CliFailure} when it names none. */
    Precision precision() {
        return switch (precision) {
            case "double" -> Precision.DOUBLE;
            case "float" -> Precision.FLOAT;
            default -> throw new CliFailure("--precision must be double or float, got '" + precision + "'");
        };
    }
}
