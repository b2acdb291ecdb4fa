package io.atomcover.opencl;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.Precision;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Shared plumbing of the OpenCL tests: opening a device, or skipping with the reason when this
 * machine has no OpenCL platform — except under {@code CI=true}, where that is a failure (CI
 * installs PoCL, so a missing platform there means the set-up is broken).
 */
final class OpenClTests {
    private static Descriptors silicon;

    private OpenClTests() {
    }

    /** Whether an OpenCL device can be listed (no skip, no failure). */
    static boolean available() {
        try {
            return !new OpenClProvider().devices().isEmpty();
        } catch (BackendUnavailableException e) {
            return false;
        }
    }

    /** Number of the first device, after checking that one exists (skip or fail otherwise). */
    static int firstDevice() {
        List<DeviceInfo> devices;
        String why;
        try {
            devices = new OpenClProvider().devices();
            why = devices.isEmpty() ? "the OpenCL platforms list no devices" : null;
        } catch (BackendUnavailableException e) {
            devices = List.of();
            why = e.getMessage();
        }
        if (why != null) {
            String msg = "OpenCL tests need a platform (apt-get install pocl-opencl-icd ocl-icd-opencl-dev): " + why;
            if ("true".equals(System.getenv("CI"))) fail("CI=true: " + msg);
            assumeTrue(false, msg);
        }
        return devices.get(0).index();
    }

    /** A backend on the first device. */
    static OpenClKdeBackend open(Precision precision, long memoryLimit) {
        int dev = firstDevice();
        return (OpenClKdeBackend) new OpenClProvider().open(new BackendRequest(dev, 2, precision, memoryLimit));
    }

    static OpenClKdeBackend open() {
        return open(Precision.DOUBLE, 0);
    }

    /** A double-precision backend on the first device with stream limits changed from the device's own. */
    static OpenClKdeBackend open(long memoryLimit, UnaryOperator<StreamLimits> limits) {
        int dev = firstDevice();
        OpenClDevice device = OpenClPlatforms.devices().get(dev);
        return OpenClKdeBackend.open(device, new BackendRequest(dev, 2, Precision.DOUBLE, memoryLimit),
                limits.apply(StreamLimits.of(device)));
    }

    /** QUESTS descriptors (k = 32, rc = 5) of the bundled Si-train, computed once. */
    static synchronized Descriptors silicon() {
        if (silicon == null)
            silicon = new QuestsDescriptor(32, 5.0).compute(
                    ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz")).structures(), 2, ProgressListener.NONE);
        return silicon;
    }

    /**
     * S structures of 1..maxRows rows in dim 4 around a few cluster centres, rows scattered at about
     * the bandwidth scale (h = 0.015) so covers overlap partially; a few structures far from all
     * others so linear covers underflow to exactly 0.
     */
    static Descriptors clustered(int structures, int maxRows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dim = 4;
        double[][] centres = new double[5][dim];
        for (double[] c : centres) for (int k = 0; k < dim; k++) c[k] = rng.nextDouble() * 0.3;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rng.nextInt(maxRows);
        double[] x = new double[off[structures] * dim];
        for (int s = 0; s < structures; s++) {
            double[] c = centres[rng.nextInt(centres.length)];
            double[] shift = new double[dim];
            for (int k = 0; k < dim; k++) shift[k] = 0.03 * rng.nextGaussian() + (s % 11 == 5 ? 2.0 : 0.0);
            for (int r = off[s]; r < off[s + 1]; r++)
                for (int k = 0; k < dim; k++) x[r * dim + k] = c[k] + shift[k] + 0.02 * rng.nextGaussian();
        }
        return new Descriptors(x, dim, off);
    }

    /** Largest |a-b| / max(|b|, floor) over the first n values; infinities must match exactly. */
    static double maxRelative(double[] a, double[] b, int n, double floor) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(b[i]) || Double.isInfinite(a[i]) || b[i] == 0.0) {
                if (a[i] != b[i]) return Double.POSITIVE_INFINITY;
                continue;
            }
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
        }
        return worst;
    }
}
