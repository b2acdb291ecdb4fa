package io.atomcover.descriptor;

import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Manual timing of the descriptor on a dataset (not a test: no assertions, not run by surefire).
 * Runs {@code passes} full passes, treats the first half as JIT warm-up and prints the median wall
 * time of the rest, the environments per second, and the median process CPU seconds per pass (less
 * sensitive to other load on a shared machine).
 *
 * <pre>
 * mvn -q -pl engine -am test-compile
 * java -cp engine/target/classes:engine/target/test-classes io.atomcover.descriptor.DescriptorThroughput \
 *     examples/mlearn-si/Si-train.extxyz 2 40
 * </pre>
 */
public final class DescriptorThroughput {
    private DescriptorThroughput() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/mlearn-si/Si-train.extxyz");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Dataset data = ExtXyzReader.read(file);
        QuestsDescriptor descriptor = new QuestsDescriptor();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[passes];
        double[] cpu = new double[passes];
        for (int p = 0; p < passes; p++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Descriptors d = descriptor.compute(data.structures(), threads, null);
            wall[p] = (System.nanoTime() - t0) / 1e9;
            cpu[p] = (os.getProcessCpuTime() - c0) / 1e9;
            if (d.rows() != data.atomCount()) throw new IllegalStateException("row count");
        }
        double w = median(Arrays.copyOfRange(wall, passes / 2, passes));
        double c = median(Arrays.copyOfRange(cpu, passes / 2, passes));
        int envs = data.atomCount();
        System.out.printf("%s: %d structures, %d environments, %d threads%n", file.getFileName(), data.size(), envs, threads);
        System.out.printf("median warm pass %.4f s = %.0f environments/s; median CPU %.4f s/pass = %.0f environments per CPU-second%n",
                w, envs / w, c, envs / c);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
