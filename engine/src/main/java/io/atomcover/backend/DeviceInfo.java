package io.atomcover.backend;

/**
 * One compute device a provider can open.
 *
 * @param index             number for {@code --device} (position in the provider's list)
 * @param platform          platform name (e.g. "NVIDIA CUDA", "Portable Computing Language")
 * @param name              device name
 * @param type              "gpu", "cpu" or "accelerator"
 * @param globalMemoryBytes device memory
 * @param computeUnits      compute units (SMs, cores)
 * @param fp64              whether the device supports double precision
 */
public record DeviceInfo(int index, String platform, String name, String type, long globalMemoryBytes,
                         int computeUnits, boolean fp64) {
    public boolean isGpu() {
        return "gpu".equals(type);
    }
}
