package io.atomcover.cli;

import io.atomcover.io.ExtXyzWriter;
import io.atomcover.jmh.BenchmarkData;
import io.atomcover.jmh.CompressBenchmark;
import io.atomcover.jmh.DescriptorBenchmark;
import io.atomcover.jmh.EntropyBenchmark;
import io.atomcover.jmh.Harness;
import io.atomcover.select.SelectionSize;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.ThermalReplicas;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench --scale}: for each replica count R, the dataset × R ({@link ThermalReplicas}) timed
 * once per stage — descriptors, entropy, {@code compress -s 0.1 --no-compat-check} — with the JMH
 * benchmarks of {@link BenchStages}, and the peak heap of the size.
 *
 * <p>Sizes run in increasing order in this JVM. A stage whose time, extrapolated from the previous
 * size (linear in the environments for descriptors, quadratic for the kernel sums of entropy and
 * compress), would pass the limit is skipped, and so is every larger size's.
 *
 * <p>Peak memory is the sum of the heap pools' peak usage ({@link MemoryPoolMXBean}), reset before
 * each size once the previous size's data are dropped: a figure per size in one JVM, where the
 * process's resident high-water mark (VmHWM, also reported where Linux gives it) only grows. The sum
 * of the pools' peaks bounds the heap in use at any one time from above.
 */
final class ScaleStages {
    /** The share of structures compress selects. */
    static final double COMPRESS_SIZE = 0.1;

    private final BenchStages stages;
    private final PrintWriter err;

    ScaleStages(BenchStages stages, PrintWriter err) {
        this.stages = stages;
        this.err = err;
    }

    /**
     * Measures every size of {@code replicas} (ascending, distinct) of {@code base} read from {@code file}.
     *
     * @param limitSeconds the longest a stage may be expected to take
     * @param writeDir     where to write each dataset × R as extxyz first; null: nowhere
     */
    List<ScaleReport.Size> measure(Path file, Dataset base, int[] replicas, double limitSeconds, Path writeDir) {
        List<ScaleReport.Size> sizes = new ArrayList<>();
        Map<String, double[]> last = new LinkedHashMap<>(); // stage -> {environments, seconds} of the previous size
        for (int r : replicas) {
            BenchmarkData.clear();
            long t0 = System.nanoTime();
            Dataset data = ThermalReplicas.of(base, r);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            long n = data.atomCount();
            progress(Text.format("bench: scale x%d, %d structures, %d environments", r, data.size(), n));
            Path written = writeDir == null ? null : write(writeDir, file, r, data);
            BenchmarkData.preloadReplicas(file, r, data);
            data = null; // held by BenchmarkData only, so that clear() releases it
            System.gc();
            resetHeapPeaks();

            Map<String, String> onData = stages.datasetParams(BenchmarkData.replicated(file, r));
            Map<String, String> onBackend = stages.backendParams(onData);
            Map<String, String> compressParams = new LinkedHashMap<>(onBackend);
            compressParams.put("size", Double.toString(COMPRESS_SIZE));
            Map<String, String> skipped = new LinkedHashMap<>();
            BenchStages.Measured desc = stage("descriptors", n, 1, limitSeconds, last, skipped, r,
                    () -> stages.run(Text.format("scale x%d descriptors", r), DescriptorBenchmark.class, "quests", onData, Harness.Plan.once()));
            BenchStages.Measured ent = null, comp = null;
            if (desc == null) {
                skipped.put("entropy", "needs the descriptors");
                skipped.put("compress", "needs the descriptors");
            } else {
                ent = stage("entropy", n, 2, limitSeconds, last, skipped, r,
                        () -> stages.run(Text.format("scale x%d entropy", r), EntropyBenchmark.class, "entropy", onBackend, Harness.Plan.once()));
                if (SelectionSize.resolve(COMPRESS_SIZE, base.size() * r) == 0)
                    skipped.put("compress", Text.format("%s of %d structures selects none", plain(COMPRESS_SIZE), base.size() * r));
                else comp = stage("compress", n, 2, limitSeconds, last, skipped, r,
                        () -> stages.run(Text.format("scale x%d compress", r), CompressBenchmark.class, "compress", compressParams, Harness.Plan.once()));
            }
            String backend = comp != null ? (String) comp.notes().get("backend") : ent != null ? (String) ent.notes().get("backend") : null;
            sizes.add(new ScaleReport.Size(r, base.size() * r, n, ThermalReplicas.sigma(0, r), ThermalReplicas.sigma(r - 1, r),
                    generateSeconds, written,
                    desc == null ? null : desc.samples()[0],
                    ent == null ? null : ent.samples()[0],
                    ent == null ? null : BenchStages.number(ent, "entropy").doubleValue(),
                    comp == null ? null : comp.samples()[0],
                    comp == null ? null : BenchStages.number(comp, "selection_seconds").doubleValue(),
                    comp == null ? null : BenchStages.number(comp, "metrics_seconds").doubleValue(),
                    comp == null ? null : BenchStages.number(comp, "picks").intValue(),
                    heapPeakBytes(), vmHwmBytes(), skipped, backend));
        }
        BenchmarkData.clear();
        return sizes;
    }

    /** A stage that can be measured: its samples and notes. */
    private interface Run {
        BenchStages.Measured run();
    }

    /**
     * Runs a stage unless its time extrapolated from the previous size ({@code environments^exponent})
     * passes the limit or it was skipped at a smaller size; a skip is recorded in {@code skipped} with its reason.
     */
    private BenchStages.Measured stage(String name, long environments, int exponent, double limitSeconds,
                                       Map<String, double[]> last, Map<String, String> skipped, int r, Run run) {
        double[] previous = last.get(name);
        String reason = null;
        if (previous != null && previous.length == 0) {
            reason = "skipped at a smaller size";
        } else if (previous != null) {
            double predicted = previous[1] * Math.pow(environments / previous[0], exponent);
            if (predicted > limitSeconds)
                reason = Text.format("expected to take about %.3g s, more than --scale-limit %s s", predicted, plain(limitSeconds));
        }
        if (reason != null) {
            progress(Text.format("bench: scale x%d %s skipped: %s", r, name, reason));
            skipped.put(name, reason);
            last.put(name, new double[0]);
            return null;
        }
        progress(Text.format("bench: scale x%d %s (once)", r, name));
        BenchStages.Measured m = run.run();
        last.put(name, new double[] {environments, m.samples()[0]});
        return m;
    }

    private Path write(Path dir, Path file, int r, Dataset data) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path out = dir.resolve(name + "-x" + r + ".extxyz");
        progress("bench: scale x" + r + ", writing " + out);
        try {
            Files.createDirectories(dir);
            ExtXyzWriter.write(out, data.structures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A number as written by hand: 3600, 0.1, 0.000000001. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void progress(String line) {
        err.println(line);
        err.flush();
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) pool.resetPeakUsage();
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    /** The process's resident high-water mark (VmHWM of /proc/self/status), or null where there is none. */
    static Long vmHwmBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return null;
        try {
            for (String line : Files.readAllLines(status))
                if (line.startsWith("VmHWM:")) return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
