package io.atomcover.select;

import io.atomcover.backend.CoverSession;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.RowBlock;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Manual timing of MSC (not a test: no assertions, not run by surefire). Computes descriptors and
 * structure entropies once, then runs {@code passes} selections, treats the first half as warm-up
 * and prints the median wall time, with the share spent inside the backend and the call/pair counts.
 *
 * <pre>
 * mvn -q -pl engine -am test-compile
 * java -cp "engine/target/classes:engine/target/test-classes:$(cat cp.txt)" io.atomcover.select.MscThroughput \
 *     examples/mlearn-si/Si-train.extxyz 0.5 default 20 [exact]
 * </pre>
 */
public final class MscThroughput {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private MscThroughput() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/mlearn-si/Si-train.extxyz");
        double fraction = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        MscSelector.Mode mode = args.length > 2 && args[2].equalsIgnoreCase("compat") ? MscSelector.Mode.COMPAT : MscSelector.Mode.DEFAULT;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        double h = 0.015;
        Dataset data = ExtXyzReader.read(file);
        long t0 = System.nanoTime();
        Descriptors d = new QuestsDescriptor().compute(data.structures(), 2, ProgressListener.NONE);
        long t1 = System.nanoTime();
        boolean pruning = args.length <= 4 || !args[4].equals("exact");
        try (CpuKdeBackend cpu = new CpuKdeBackend(Integer.getInteger("threads", 2), pruning)) {
            double[] entropies = new InformationMetrics(cpu).structureEntropies(d, h, 2, ProgressListener.NONE);
            long t2 = System.nanoTime();
            System.out.printf("%s: %d structures, %d environments; descriptors %.2f s, structure entropies %.2f s%n",
                    file.getFileName(), d.structureCount(), d.rows(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            int size = fraction >= 1 && fraction == Math.rint(fraction) ? (int) fraction : SelectionSize.resolve(fraction, d.structureCount());
            if (fraction == 1.0) size = d.structureCount();
            Timed backend = new Timed(cpu);
            double[] wall = new double[passes];
            double[] inside = new double[passes];
            double[] cpuTime = new double[passes];
            MscResult r = null;
            for (int p = 0; p < passes; p++) {
                backend.nanos = 0;
                backend.calls = 0;
                cpu.resetCounters();
                long c0 = CPU.getCurrentThreadCpuTime();
                long s0 = System.nanoTime();
                final long start = s0;
                ProgressListener report = passes > 1 ? ProgressListener.NONE : (done, total) -> {
                    if (done % 250 == 0 || done == total)
                        System.out.printf("  %d/%d picks after %.1f s (backend %.1f s, %d calls so far)%n", done, total,
                                (System.nanoTime() - start) / 1e9, backend.nanos / 1e9, backend.calls);
                };
                r = new MscSelector(backend, h, mode, report).select(d, entropies, size);
                wall[p] = (System.nanoTime() - s0) / 1e9;
                cpuTime[p] = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                inside[p] = backend.nanos / 1e9;
                if (passes == 1) System.out.printf("pass: %.3f s (backend %.3f s)%n", wall[p], inside[p]);
            }
            System.out.printf("%s, %d picks: median warm %.4f s (main thread CPU %.4f s), of which backend %.4f s; %d backend calls, %.3g pairs asked, %.3g evaluated%n",
                    mode, size, median(Arrays.copyOfRange(wall, passes / 2, passes)), median(Arrays.copyOfRange(cpuTime, passes / 2, passes)),
                    median(Arrays.copyOfRange(inside, passes / 2, passes)),
                    r.backendCalls(), (double) r.pairs(), (double) cpu.pairsEvaluated());
        }
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Measures the time spent inside the wrapped backend. */
    private static final class Timed implements KdeBackend {
        final KdeBackend inner;
        long nanos;
        long calls;

        Timed(KdeBackend inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
            long t = System.nanoTime();
            inner.kernelSums(query, ref, bandwidth, out);
            nanos += System.nanoTime() - t;
            calls++;
        }

        @Override
        public void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
            long t = System.nanoTime();
            inner.logKernelSums(query, ref, bandwidth, out);
            nanos += System.nanoTime() - t;
            calls++;
        }

        @Override
        public CoverSession coverSession(Descriptors d, double bandwidth, boolean logSpace) {
            CoverSession session = inner.coverSession(d, bandwidth, logSpace);
            return new CoverSession() {
                @Override
                public void pick(int s) {
                    long t = System.nanoTime();
                    session.pick(s);
                    nanos += System.nanoTime() - t;
                }

                @Override
                public int picks() {
                    return session.picks();
                }

                @Override
                public void accumulate(int s, int[] rows, int[] fromPicks, int count, double[] cover) {
                    long t = System.nanoTime();
                    session.accumulate(s, rows, fromPicks, count, cover);
                    nanos += System.nanoTime() - t;
                    calls++;
                }

                @Override
                public void accumulateUntil(int s, int[] rows, int[] fromPicks, int count, double[] cover,
                                            double[] stop, double[] reached, boolean[] stopped) {
                    long t = System.nanoTime();
                    session.accumulateUntil(s, rows, fromPicks, count, cover, stop, reached, stopped);
                    nanos += System.nanoTime() - t;
                    calls++;
                }

                @Override
                public boolean isExact(int row) {
                    return session.isExact(row);
                }

                @Override
                public void exactify(int s, int[] rows, int count, double[] base, double[] cover) {
                    long t = System.nanoTime();
                    session.exactify(s, rows, count, base, cover);
                    nanos += System.nanoTime() - t;
                }

                @Override
                public long pairsRequested() {
                    return session.pairsRequested();
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        }
    }
}
