package io.atomcover.opencl;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.KdeBackendProvider;
import java.util.List;

/**
 * The "opencl" backend provider, registered in {@code META-INF/services}. Devices are numbered in
 * one list over all platforms; without {@code --device} the first GPU is taken, else the first
 * device of any kind.
 */
public final class OpenClProvider implements KdeBackendProvider {
    public static final String NAME = "opencl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean driverInstalled() {
        return DeviceProbe.driverRegistered();
    }

    /**
     * Lists the devices from a child JVM ({@link DeviceProbe}), so that no driver is loaded here
     * until a device is opened.
     *
     * @throws BackendUnavailableException when there is no OpenCL library or platform (the message says which)
     */
    @Override
    public List<DeviceInfo> devices() {
        return DeviceProbe.devices();
    }

    @Override
    public KdeBackend open(BackendRequest request) {
        List<OpenClDevice> devices = OpenClPlatforms.devices();
        if (devices.isEmpty()) throw new BackendUnavailableException("the OpenCL platforms list no devices");
        OpenClDevice chosen = null;
        if (request.device() >= 0) {
            if (request.device() >= devices.size())
                throw new BackendUnavailableException("no OpenCL device " + request.device() + " (devices 0.."
                        + (devices.size() - 1) + "; 'atomcover devices' lists them)");
            chosen = devices.get(request.device());
        } else {
            for (OpenClDevice d : devices) {
                if (d.info().isGpu()) {
                    chosen = d;
                    break;
                }
            }
            if (chosen == null) chosen = devices.get(0);
        }
        return OpenClKdeBackend.open(chosen, request);
    }
}
