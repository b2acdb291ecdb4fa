package io.atomcover.backend;


import java.util.List;

/**
 * A source of accelerated {@link KdeBackend}s, found through {@link java.util.ServiceLoader}
 * (the OpenCL module registers one in {@code META-INF/services/io.atomcover.backend.KdeBackendProvider}).
 */
public interface KdeBackendProvider {
    /** The name {@code --backend} selects it by ("opencl"). */
    String name();

    /**
     * Whether a driver this provider could use is installed, answered without loading any native
     * code: when false, {@link #devices()} can only fail. The default is true.
     */
    default boolean driverInstalled() {
        return true;
    }

    /** Devices it can open, numbered as {@code --device} counts them; empty when there is none. */
    List<DeviceInfo> devices();

    /**
     * Opens a backend on the requested device.
     *
     * @throws BackendUnavailableException when that cannot be done (the message says why)
     */
    KdeBackend open(BackendRequest request);
}
