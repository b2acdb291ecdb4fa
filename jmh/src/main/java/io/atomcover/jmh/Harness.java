package io.atomcover.jmh;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one benchmark method of this module in the calling JVM (JMH with no fork), with short
 * settings, and returns its samples: what {@code atomcover bench} measures with. Without a fork the
 * benchmark sees the caller's JVM as it is (its heap, its signal chaining for OpenCL), and the trials
 * of one bench share what they set up through {@link BenchmarkData}.
 *
 * <p>A sample is the average time of the invocations in one measurement iteration; iterations are
 * {@value #ITERATION_MILLIS} ms long, so every workload slower than that is one invocation per sample.
 */
public final class Harness {
    /** Measurement iteration length: short, so that a sample of a real workload is one invocation. */
    static final long ITERATION_MILLIS = 1;

    static {
        // JMH's lock keeps concurrent forked runs of benchmarks.jar apart; a bench that times its own
        // JVM is an ordinary command and runs whenever it is started.
        if (System.getProperty("jmh.ignoreLock") == null) System.setProperty("jmh.ignoreLock", "true");
    }

    private Harness() {
    }

    /**
     * How to run a benchmark.
     *
     * @param warmupSeconds untimed invocations first, repeated for at least this long; 0 skips them
     * @param samples       timed samples
     * @param singleShot    a single timed invocation without warm-up (for runs of seconds), instead
     *                      of {@code warmupSeconds} and {@code samples}
     */
    public record Plan(double warmupSeconds, int samples, boolean singleShot) {
        /** {@code samples} samples after {@code warmupSeconds} of warm-up. */
        public static Plan repeated(double warmupSeconds, int samples) {
            return new Plan(warmupSeconds, samples, false);
        }

        /** One timed invocation, no warm-up. */
        public static Plan once() {
            return new Plan(0, 1, true);
        }
    }

    /** Told when each warm-up and measurement iteration starts. */
    public interface Progress {
        /** The warm-up of {@code seconds} starts. */
        void warmup(double seconds);

        /** Timed sample {@code index} (from 1) of {@code count} starts. */
        void sample(int index, int count);
    }

    /**
     * @param samplesSeconds every sample, seconds per invocation, in the order measured
     * @param notes          what the trial noted besides its times ({@link TrialNotes}), by key
     */
    public record Result(double[] samplesSeconds, Map<String, Object> notes) {
    }

    /**
     * Runs {@code benchmark}'s method {@code method} once, as a JMH trial in this JVM.
     *
     * @param params   JMH parameters of the benchmark and its states, by name (values as {@code -p} takes them)
     * @param warnings receives one-line warnings of the backends (a device that handed its work to the CPU)
     * @throws RuntimeException the exception the benchmark (or its setup) threw, as it was thrown
     */
    public static Result run(Class<?> benchmark, String method, Map<String, String> params, Plan plan,
                             Progress progress, Consumer<String> warnings) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(0)
                .threads(1)
                .syncIterations(false)
                .shouldFailOnError(true)
                .timeUnit(TimeUnit.NANOSECONDS);
        if (plan.singleShot()) {
            options.mode(Mode.SingleShotTime).warmupIterations(0).measurementIterations(1).measurementBatchSize(1);
        } else {
            long warmupMillis = Math.round(plan.warmupSeconds() * 1000);
            options.mode(Mode.AverageTime)
                    .warmupIterations(warmupMillis > 0 ? 1 : 0)
                    .warmupTime(TimeValue.milliseconds(Math.max(1, warmupMillis)))
                    .measurementIterations(plan.samples())
                    .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS));
        }
        params.forEach(options::param);

        Map<String, Object> notes = new LinkedHashMap<>();
        TrialNotes.listen(new TrialNotes.Listener() {
            @Override
            public void note(String key, Object value) {
                notes.put(key, value);
            }

            @Override
            public void warning(String message) {
                warnings.accept(message);
            }
        });
        Collection<RunResult> results;
        try {
            results = new Runner(options.build(), new Quiet(plan, progress)).run();
        } catch (RunnerException e) {
            throw unwrap(e);
        } finally {
            TrialNotes.listen(null);
        }
        double[] samples = new double[0];
        for (RunResult r : results) {
            BenchmarkResult b = r.getBenchmarkResults().iterator().next();
            Collection<IterationResult> iterations = b.getIterationResults();
            samples = new double[iterations.size()];
            int i = 0;
            for (IterationResult it : iterations) samples[i++] = it.getPrimaryResult().getScore() / 1e9;
        }
        if (samples.length == 0) throw new IllegalStateException("JMH ran no benchmark matching " + benchmark.getName() + "." + method);
        return new Result(samples, notes);
    }

    /** The exception the benchmark threw, out of JMH's wrappers. */
    private static RuntimeException unwrap(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable inner = t.getCause();
            if (inner == null && t.getSuppressed().length > 0) inner = t.getSuppressed()[0];
            if (inner == null || inner == t) break;
            t = inner;
            if (!t.getClass().getName().startsWith("org.openjdk.jmh.") && !(t instanceof java.lang.reflect.InvocationTargetException))
                break;
        }
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error err) throw err;
        return new IllegalStateException(t.getMessage(), t);
    }

    /** JMH's output reduced to the progress calls; results come back through {@link Runner#run}. */
    private record Quiet(Plan plan, Progress progress) implements OutputFormat {
        @Override
        public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
            if (params.getType() == IterationType.WARMUP) progress.warmup(plan.warmupSeconds());
            else progress.sample(iteration, params.getCount());
        }

        @Override
        public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        }

        @Override
        public void startBenchmark(BenchmarkParams benchParams) {
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
        }

        @Override
        public void startRun() {
        }

        @Override
        public void endRun(Collection<RunResult> result) {
        }

        @Override
        public void print(String s) {
        }

        @Override
        public void println(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public void verbosePrintln(String s) {
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b) {
        }
    }
}
