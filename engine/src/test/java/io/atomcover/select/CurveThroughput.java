package io.atomcover.select;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Manual timing of {@link SelectionCurve} with overlap (not a test: no assertions, not run by
 * surefire). Computes descriptors once, builds an ordering (MSC full ordering, or index order), then
 * computes the curve of its first {@code prefixes} entries {@code passes} times and prints the
 * median of the second half of the passes, the last prefix's values and the peak heap; with
 * {@code -Ddump=FILE} also writes every prefix's values (environments, H, D, overlap) as CSV.
 *
 * <pre>
 * mvn -q -o -pl engine test-compile
 * java -cp "engine/target/classes:engine/target/test-classes:$(cat cp.txt)" io.atomcover.select.CurveThroughput \
 *     examples/mlearn-si/Si-train.extxyz msc 7 [prefixes] [threads]
 * </pre>
 */
public final class CurveThroughput {
    private CurveThroughput() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/mlearn-si/Si-train.extxyz");
        String ordering = args.length > 1 ? args[1] : "msc";
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        double h = 0.015;
        Descriptors d = new QuestsDescriptor().compute(ExtXyzReader.read(file).structures(), threads, ProgressListener.NONE);
        int prefixes = args.length > 3 ? Math.min(Integer.parseInt(args[3]), d.structureCount()) : d.structureCount();
        try (CpuKdeBackend cpu = new CpuKdeBackend(threads)) {
            long t0 = System.nanoTime();
            int[] order;
            if (ordering.equals("msc")) {
                double[] entropies = new InformationMetrics(cpu).structureEntropies(d, h, threads, ProgressListener.NONE);
                order = new MscSelector(cpu, h, MscSelector.Mode.DEFAULT).select(d, entropies, d.structureCount()).indices();
            } else {
                order = new int[d.structureCount()];
                for (int s = 0; s < order.length; s++) order[s] = s;
            }
            order = Arrays.copyOf(order, prefixes);
            System.out.printf("%s: %d structures, %d environments, dim %d; %s ordering of %d in %.2f s%n", file.getFileName(),
                    d.structureCount(), d.rows(), d.dim(), ordering, prefixes, (System.nanoTime() - t0) / 1e9);
            double[] wall = new double[passes];
            double[] cpuTime = new double[passes];
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            SelectionCurve c = null;
            for (int p = 0; p < passes; p++) {
                cpu.resetCounters();
                long s0 = System.nanoTime();
                long u0 = mx.getCurrentThreadCpuTime();
                c = SelectionCurve.of(cpu, d, order, h, true);
                wall[p] = (System.nanoTime() - s0) / 1e9;
                cpuTime[p] = (mx.getCurrentThreadCpuTime() - u0) / 1e9;
                System.out.printf("  pass %d: %.3f s (calling thread's CPU time %.3f s), %.3g pairs evaluated%n", p, wall[p], cpuTime[p],
                        (double) cpu.pairsEvaluated());
                cpu.resetCounters();
                long e0 = System.nanoTime();
                long v0 = mx.getCurrentThreadCpuTime();
                new InformationMetrics(cpu).entropy(d, h);
                System.out.printf("  full entropy: %.3f s (CPU %.3f s), %.3g pairs%n", (System.nanoTime() - e0) / 1e9,
                        (mx.getCurrentThreadCpuTime() - v0) / 1e9, (double) cpu.pairsEvaluated());
            }
            int last = prefixes - 1;
            System.out.printf("curve of %d prefixes, %d threads: median %.3f s, calling thread's CPU %.3f s (passes %d..%d); "
                            + "last: H %.12g D %.12g overlap %.12g envs %d%n",
                    prefixes, threads, median(Arrays.copyOfRange(wall, passes / 2, passes)),
                    median(Arrays.copyOfRange(cpuTime, passes / 2, passes)), passes / 2, passes - 1,
                    c.entropy()[last], c.diversity()[last], c.overlap()[last], c.environments()[last]);
            String dump = System.getProperty("dump");
            if (dump != null) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < prefixes; k++)
                    sb.append(String.format("%d,%.17g,%.17g,%.17g%n", c.environments()[k], c.entropy()[k], c.diversity()[k],
                            c.overlap()[k]));
                try {
                    java.nio.file.Files.writeString(Path.of(dump), sb);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            System.out.printf("peak heap (sum of pool peaks) %.0f MiB%n", peak / 1048576.0);
        }
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
