package io.atomcover.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Opens the backend {@code --backend auto|cpu|<provider>} names. {@code auto} takes the first GPU
 * any provider offers (or, with a device number, that device) and the multi-threaded CPU backend
 * otherwise; any failure on the way, and a device number that no provider has, falls back to the
 * CPU with a one-line warning, and so does a device that fails in mid-run (the failed call is redone
 * on the CPU, see {@link FallbackKdeBackend}). A named provider that fails is an error, at open time
 * ({@link BackendUnavailableException}) and in mid-run ({@link BackendFailureException}).
 */
public final class Backends {
    public static final String AUTO = "auto";
    public static final String CPU = "cpu";

    private Backends() {
    }

    /** Providers of devices on the class path (ServiceLoader order): every provider but the CPU's. */
    public static List<KdeBackendProvider> providers() {
        List<KdeBackendProvider> out = new ArrayList<>();
        for (KdeBackendProvider p : ServiceLoader.load(KdeBackendProvider.class)) if (!CPU.equals(p.name())) out.add(p);
        return out;
    }

    /** The multi-threaded CPU backend (registered by the engine like any provider, under the name "cpu"). */
    public static KdeBackend cpu(int threads) {
        for (KdeBackendProvider p : ServiceLoader.load(KdeBackendProvider.class))
            if (CPU.equals(p.name())) return p.open(BackendRequest.cpu(threads));
        throw new IllegalStateException("the CPU backend is not registered: the engine jar's "
                + "META-INF/services/" + KdeBackendProvider.class.getName() + " is missing (a fat jar built without merging service files?)");
    }

    /** A device of a provider. */
    public record DeviceChoice(KdeBackendProvider provider, DeviceInfo device) {
    }

    /**
     * The device {@code auto} takes, without opening it: device {@code wanted} of the first provider
     * that has it, whatever its type, or with {@code wanted < 0} the first GPU; empty when the CPU
     * backend is the answer. Providers that cannot list their devices, and a device number that no
     * provider has, are reported to {@code warn}.
     */
    public static Optional<DeviceChoice> autoChoice(int wanted, Consumer<String> warn) {
        boolean warned = false;
        for (KdeBackendProvider p : providers()) {
            List<DeviceInfo> devices;
            try {
                devices = p.devices();
            } catch (RuntimeException | LinkageError e) {
                warn.accept(p.name() + " unavailable (" + e.getMessage() + "); using the CPU backend");
                warned = true;
                continue;
            }
            for (DeviceInfo dev : devices)
                if (wanted >= 0 ? dev.index() == wanted : dev.isGpu()) return Optional.of(new DeviceChoice(p, dev));
        }
        if (wanted >= 0 && !warned) warn.accept("no device " + wanted + " in any backend; using the CPU backend");
        return Optional.empty();
    }

    /**
     * @param kind    "auto", "cpu" or a provider name
     * @param request device, threads, precision, memory cap
     * @param warn    receives the one-line warning when {@code auto} falls back to the CPU, at open time
     *                or later from the thread whose call failed
     * @throws BackendUnavailableException when a named provider is missing or fails
     */
    public static KdeBackend open(String kind, BackendRequest request, Consumer<String> warn) {
        if (CPU.equals(kind)) return cpu(request.threads());
        if (AUTO.equals(kind)) {
            Optional<DeviceChoice> choice = autoChoice(request.device(), warn);
            if (choice.isEmpty()) return cpu(request.threads());
            KdeBackendProvider p = choice.get().provider();
            DeviceInfo dev = choice.get().device();
            KdeBackend device;
            try {
                device = p.open(new BackendRequest(dev.index(), request.threads(), request.precision(), request.memoryLimitBytes()));
            } catch (RuntimeException | LinkageError e) {
                warn.accept(p.name() + " device " + dev.index() + " (" + dev.name() + ") failed: " + e.getMessage() + "; using the CPU backend");
                return cpu(request.threads());
            }
            return new FallbackKdeBackend(device, () -> cpu(request.threads()), warn);
        }
        for (KdeBackendProvider p : providers()) {
            if (!p.name().equals(kind)) continue;
            try {
                return p.open(request);
            } catch (BackendUnavailableException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw new BackendUnavailableException(kind + " backend failed: " + e.getMessage(), e);
            }
        }
        List<String> names = new ArrayList<>(List.of(AUTO, CPU));
        for (KdeBackendProvider p : providers()) names.add(p.name());
        throw new BackendUnavailableException("no backend named '" + kind + "' (available: " + String.join(", ", names) + ")");
    }
}
