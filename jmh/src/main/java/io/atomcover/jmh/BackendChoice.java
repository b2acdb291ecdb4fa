package io.atomcover.jmh;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.Backends;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.Precision;
import io.atomcover.backend.cpu.CpuKdeBackend;

/** Opens the kernel-sum backend a benchmark parameter names. */
final class BackendChoice {
    private BackendChoice() {
    }

    /**
     * @param name      {@code cpu} (pruned unless {@code pruning} is false), {@code cpu-exact} (every
     *                  pair), {@code auto} or a provider such as {@code opencl}, as {@link Backends#open} takes them
     * @param device    device number within the provider; -1: the first GPU
     * @param precision {@code double} or {@code float} (devices only)
     * @param threads   CPU worker threads
     * @param pruning   CPU backend: exact pruning of negligible pairs
     */
    static KdeBackend open(String name, int device, String precision, int threads, boolean pruning) {
        Precision p = switch (precision) {
            case "double" -> Precision.DOUBLE;
            case "float" -> Precision.FLOAT;
            default -> throw new IllegalArgumentException("precision must be double or float, got '" + precision + "'");
        };
        return switch (name) {
            case Backends.CPU -> new CpuKdeBackend(threads, pruning);
            case "cpu-exact" -> new CpuKdeBackend(threads, false);
            default -> Backends.open(name, new BackendRequest(device, threads, p, 0), TrialNotes::warning);
        };
    }
}
