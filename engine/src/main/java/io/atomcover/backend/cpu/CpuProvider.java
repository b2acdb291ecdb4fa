package io.atomcover.backend.cpu;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.Backends;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.KdeBackendProvider;
import java.util.List;

/**
 * The multi-threaded CPU backend as a provider, so that the lookup in {@link Backends} reaches it
 * through the same {@link java.util.ServiceLoader} as the accelerators and the SPI package never
 * names its implementations. It has no devices: the CPU is what {@code auto} falls back to.
 */
public final class CpuProvider implements KdeBackendProvider {
    @Override
    public String name() {
        return Backends.CPU;
    }

    @Override
    public boolean driverInstalled() {
        return false;
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of();
    }

    @Override
    public KdeBackend open(BackendRequest request) {
        return new CpuKdeBackend(request.threads());
    }
}
