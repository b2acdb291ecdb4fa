package io.atomcover.api;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.Backends;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ReadOptions;
import io.atomcover.io.StructureFiles;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.metrics.SampledEntropy;
import io.atomcover.metrics.EntropyCurve;
import io.atomcover.metrics.EntropyCurves;
import io.atomcover.metrics.TrajectoryDeltaEntropy;
import io.atomcover.neighbours.ApproximateDeltaEntropy;
import io.atomcover.neighbours.ExactNeighbours;
import io.atomcover.neighbours.HnswIndex;
import io.atomcover.neighbours.IndexParameters;
import io.atomcover.neighbours.NearestNeighbours;
import io.atomcover.generate.ActiveLearning;
import io.atomcover.generate.McmcParameters;
import io.atomcover.generate.McmcRun;
import io.atomcover.generate.MonteCarlo;
import io.atomcover.generate.NoveltyScore;
import io.atomcover.backend.RowBlock;
import io.atomcover.structure.Structure;
import io.atomcover.select.ForceTails;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.Selection;
import io.atomcover.select.SelectionCurve;
import io.atomcover.select.SelectionMethod;
import io.atomcover.select.SelectionSize;
import io.atomcover.select.SelectionSummary;
import io.atomcover.select.Selector;
import io.atomcover.structure.Dataset;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's front door: descriptors, metrics, compression and comparison of selection methods,
 * each call returning a result object. Every kernel sum runs on one {@link KdeBackend}; long steps
 * report to {@link Phases}. The command line, the Python package and Spark jobs are adapters of this
 * class.
 *
 * <p>Not thread-safe: one call at a time (the backend parallelises each call).
 */
public final class Atomcover implements AutoCloseable {
    private final KdeBackend backend;
    private final boolean ownsBackend;
    private final int threads;
    private final Phases phases;

    /**
     * A facade over a backend the caller opened and will close.
     *
     * @param threads worker threads for descriptors and structure entropies
     * @param phases  receives the progress of each long step
     */
    public Atomcover(KdeBackend backend, int threads, Phases phases) {
        this(backend, false, threads, phases);
    }

    private Atomcover(KdeBackend backend, boolean ownsBackend, int threads, Phases phases) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.threads = threads;
        this.phases = phases;
    }

    /**
     * Opens a backend ({@link Backends#open}: "cpu", "auto" or "opencl") and a facade over it that
     * closes it; warnings of a fallback to the CPU go to {@code warn}.
     */
    public static Atomcover open(String kind, int threads, Consumer<String> warn) {
        return new Atomcover(Backends.open(kind, BackendRequest.cpu(threads), warn), true, threads, Phases.NONE);
    }

    /** A facade on the CPU backend with every available processor and no progress reports. */
    public static Atomcover cpu() {
        int threads = Runtime.getRuntime().availableProcessors();
        return open(Backends.CPU, threads, message -> { });
    }

    /**
     * Reads structures the way every command does ({@link StructureFiles}): extended/plain XYZ,
     * POSCAR/CONTCAR, OUTCAR, vasprun.xml, LAMMPS dump or data, optionally compressed; {@code input}
     * may end in {@code @SELECTION} (ASE's frame selection) and may be {@code -} for standard input.
     */
    public static Dataset read(Path input, ReadOptions options) {
        return StructureFiles.read(input, options);
    }

    /** The backend's name; under "auto" it changes to the CPU's if a device fails. */
    public String backendName() {
        return backend.name();
    }

    /** QUESTS descriptors of every environment of the dataset (phase "descriptors"). */
    public Descriptors descriptors(Dataset dataset, QuestsDescriptor descriptor) {
        try (Phase p = phases.start("descriptors", " environments")) {
            return descriptor.compute(dataset.structures(), threads, p);
        }
    }

    /** Entropy and diversity of the environments at bandwidth h (phase "entropy"). */
    public EntropyResult entropy(Descriptors x, double h) {
        return entropy(x, h, 0.0);
    }

    /**
     * {@link #entropy(Descriptors, double)} from kernel sums within {@code tolerance} relative
     * ({@link io.atomcover.backend.Tolerance}): both values within
     * {@link io.atomcover.backend.Tolerance#logBound} of the exact ones.
     */
    public EntropyResult entropy(Descriptors x, double h, double tolerance) {
        try (Phase p = phases.start("entropy", " environments")) {
            return new InformationMetrics(backend).entropy(x, h, tolerance, p);
        }
    }

    /**
     * The entropy estimated from {@code n} environments drawn with {@code seed}, each summed against
     * all of x within {@code tolerance}, with a 95 % interval (phase "entropy sample").
     */
    public SampledEntropy sampledEntropy(Descriptors x, double h, int n, long seed, double tolerance) {
        try (Phase p = phases.start("entropy sample", " environments")) {
            return new InformationMetrics(backend).sampledEntropy(x, h, n, seed, tolerance, p);
        }
    }

    /** dH of every environment of {@code y} against {@code reference} at bandwidth h (phase "dH"). */
    public DifferentialEntropies differentialEntropies(Descriptors y, Descriptors reference, double h) {
        return differentialEntropies(y, reference, h, 0.0);
    }

    /**
     * {@link #differentialEntropies(Descriptors, Descriptors, double)} from kernel sums within
     * {@code tolerance} relative: each finite dH within {@link io.atomcover.backend.Tolerance#logBound}
     * of its exact value.
     */
    public DifferentialEntropies differentialEntropies(Descriptors y, Descriptors reference, double h, double tolerance) {
        try (Phase p = phases.start("dH", " environments")) {
            return new DifferentialEntropies(new InformationMetrics(backend).differentialEntropy(y, reference, h, tolerance, p),
                    reference.rows());
        }
    }

    /**
     * dH of every environment of a trajectory (one frame per structure of x) against the environments
     * of all earlier frames, or of its own frame ({@link TrajectoryDeltaEntropy}); phase "dH trajectory".
     */
    public double[] trajectoryDifferentialEntropies(Descriptors x, double h, TrajectoryDeltaEntropy.Reference reference) {
        try (Phase p = phases.start("dH trajectory", " environments")) {
            return TrajectoryDeltaEntropy.compute(backend, x, h, reference, p);
        }
    }

    /**
     * Entropy against dataset fraction: {@code runs} samples of floor(f·N) environments per fraction f
     * ({@link EntropyCurves}); phase "entropy curve", in sampled environments.
     */
    public EntropyCurve entropyCurve(Descriptors x, double h, double[] fractions, int runs, boolean withReplacement, long seed) {
        try (Phase p = phases.start("entropy curve", " environments")) {
            return new EntropyCurves(new InformationMetrics(backend)).compute(x, h, fractions, runs, withReplacement, seed, p);
        }
    }

    /**
     * dH of every environment of y from its k nearest reference environments in an HNSW index
     * ({@link ApproximateDeltaEntropy}); phases "index" and "query".
     */
    public ApproximateDifferentialEntropies approximateDifferentialEntropies(Descriptors y, Descriptors reference, double h,
                                                                             int k, IndexParameters parameters) {
        long t = System.nanoTime();
        HnswIndex index;
        try (Phase p = phases.start("index", " environments")) {
            index = HnswIndex.build(RowBlock.of(reference), parameters, threads, p);
        }
        double build = secondsSince(t);
        t = System.nanoTime();
        NearestNeighbours nn;
        try (Phase p = phases.start("query", " environments")) {
            nn = index.query(RowBlock.of(y), k, threads, p);
        }
        return new ApproximateDifferentialEntropies(ApproximateDeltaEntropy.of(nn, h), nn, build, secondsSince(t));
    }

    /**
     * Measures {@code approx} against a full scan for the exact k nearest neighbours and against the
     * exact dH (phase "exact check"): as costly as the exact computation.
     */
    public ApproximationCheck checkApproximation(Descriptors y, Descriptors reference, double h, ApproximateDifferentialEntropies approx) {
        NearestNeighbours exactNn;
        try (Phase p = phases.start("exact neighbours", " environments")) {
            p.progress(0, 1);
            exactNn = ExactNeighbours.of(RowBlock.of(y), RowBlock.of(reference), approx.neighbours().k(), threads);
            p.progress(1, 1);
        }
        double[] truncated = ApproximateDeltaEntropy.of(exactNn, h);
        double[] exact = differentialEntropies(y, reference, h).values();
        double[] a = approx.values();
        double maxTruncated = 0, maxError = 0, sum = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(truncated[i])) maxTruncated = Math.max(maxTruncated, Math.abs(a[i] - truncated[i]));
            if (Double.isFinite(a[i]) && Double.isFinite(exact[i])) {
                double e = Math.abs(a[i] - exact[i]);
                maxError = Math.max(maxError, e);
                sum += e;
                n++;
            }
        }
        return new ApproximationCheck(ApproximateDeltaEntropy.recall(approx.neighbours(), exactNn), maxTruncated, maxError,
                n == 0 ? Double.NaN : sum / n, exact);
    }

    /** The dH of proposals against {@code reference}, exactly or from an index, for Monte Carlo chains. */
    public NoveltyScore noveltyScore(Descriptors reference, double h, Scoring scoring) {
        if (!scoring.approximate()) {
            InformationMetrics m = new InformationMetrics(backend);
            return (rows, dim) -> m.differentialEntropyLog(Descriptors.ofRows(rows, dim), reference, h);
        }
        HnswIndex index = HnswIndex.build(RowBlock.of(reference), scoring.index(), threads, ProgressListener.NONE);
        return (rows, dim) -> ApproximateDeltaEntropy.of(
                index.query(new RowBlock(rows, dim, 0, rows.length / dim), scoring.k(), 1, ProgressListener.NONE), h);
    }

    /**
     * One Monte Carlo chain from {@code start} towards {@code p.target()} dH against the reference
     * rows ({@link MonteCarlo}); phase "mcmc", in steps.
     *
     * @param descriptor the descriptor of the reference rows (multicomponent: with its species fixed)
     */
    public McmcRun mcmc(Structure start, Descriptors reference, QuestsDescriptor descriptor, double h, McmcParameters p,
                        Scoring scoring, long seed) {
        NoveltyScore score = noveltyScore(reference, h, scoring);
        try (Phase ph = phases.start("mcmc", " steps")) {
            return new MonteCarlo(descriptor, score, p).run(start, seed, ph);
        }
    }

    /**
     * Generations of Monte Carlo chains whose results join the reference ({@link ActiveLearning});
     * phase "active learning", in steps.
     */
    public ActiveLearning.Run activeLearning(Dataset reference, Descriptors referenceRows, QuestsDescriptor descriptor, double h,
                                             McmcParameters p, Scoring scoring, int generations, int starts, long seed) {
        try (Phase ph = phases.start("active learning", " steps")) {
            return new ActiveLearning(descriptor, p, rows -> noveltyScore(rows, h, scoring))
                    .run(reference.structures(), referenceRows, generations, starts, seed, ph);
        }
    }

    /** Entropy of each structure's own environments (phase "structure entropies"). */
    public double[] structureEntropies(Descriptors x, double h) {
        try (Phase p = phases.start("structure entropies", " structures")) {
            return new InformationMetrics(backend).structureEntropies(x, h, threads, p);
        }
    }

    /** {@link #compress(Dataset, Descriptors, CompressionOptions)} without a dataset: no force tails. */
    public Compression compress(Descriptors d, CompressionOptions options) {
        return compress(null, d, options);
    }

    /**
     * Selects structures and measures what the selection keeps. Phases: "structure entropies" (msc
     * and fps), the method's name, "compat check", "curve", "metrics".
     *
     * @param dataset the structures of {@code d}, for the force tails; may be null
     * @param d       descriptors of every structure (each with at least one environment)
     * @throws IllegalArgumentException when the size does not resolve to 1..structures
     */
    public Compression compress(Dataset dataset, Descriptors d, CompressionOptions options) {
        SelectionMethod method = options.method();
        double h = options.bandwidth();
        int total = d.structureCount();
        Integer wanted = options.size() == null ? null : SelectionSize.resolve(options.size(), total);
        if (wanted != null && wanted == 0) throw new IllegalArgumentException("size " + options.size() + " selects no structure");
        int runSize = options.full() || options.optimal() ? total : wanted;

        long t = System.nanoTime();
        double[] entropies = method.needsEntropies() ? structureEntropies(d, h) : null;
        Selection ordering;
        double[] scores = null;
        double[] coverBounds = null;
        try (Phase p = phases.start(method.id(), " picks")) {
            if (method.isMsc()) {
                MscResult m = msc(method.mscMode(), p, d, entropies, runSize, options);
                ordering = m.selection();
                scores = m.scores();
                coverBounds = m.coverBounds();
            } else {
                ordering = method.selector(backend, h).select(d, entropies, runSize, options.seed(), p);
            }
        }
        double selectionSeconds = secondsSince(t);

        MscResult compatRun = null;
        double compatSeconds = 0;
        if (method == SelectionMethod.MSC && options.compatCheck()) {
            t = System.nanoTime();
            try (Phase p = phases.start("compat check", " picks")) {
                compatRun = msc(MscSelector.Mode.COMPAT, p, d, entropies, runSize, options);
            }
            compatSeconds = secondsSince(t);
        }

        SelectionCurve curve = null;
        double curveSeconds = 0;
        if (options.curve() || options.optimal()) {
            t = System.nanoTime();
            try (Phase p = phases.start("curve", " prefixes")) {
                curve = SelectionCurve.of(backend, d, ordering.indices(), h, true, options.eps(), p);
            }
            curveSeconds = secondsSince(t);
        }
        int n = options.optimal() ? curve.optimalSize() : wanted != null ? wanted : total;
        Selection selected = ordering.prefix(n);
        Integer deviations = compatRun == null ? null
                : MscSelector.differingPositions(selected.indices(), compatRun.selection().prefix(n).indices());

        t = System.nanoTime();
        SelectionSummary summary;
        try (Phase p = phases.start("metrics", " environments")) {
            if (curve != null) {
                // The curve has measured every prefix, the selection's included.
                summary = SelectionSummary.ofPrefix(curve, n, total, d.rows());
                p.progress(d.rows(), d.rows());
            } else {
                // The greedy cover's bounds are against all its picks: usable when they are the selection.
                double[] bounds = n == ordering.size() ? coverBounds : null;
                summary = SelectionSummary.of(backend, d, selected.indices(), h, options.eps(), bounds, options.tolerance(), p);
            }
        }
        double metricsSeconds = secondsSince(t);
        // Read at the end: under auto a device that failed in mid-run has handed the work to the CPU.
        String backendName = backend.name();
        t = System.nanoTime();
        ForceTails forces = dataset != null && ForceTails.available(dataset) ? ForceTails.of(dataset, selected.indices()) : null;
        metricsSeconds += secondsSince(t);
        return new Compression(method, ordering, selected, scores, deviations, curve, summary, forces,
                new Compression.Seconds(selectionSeconds, compatSeconds, curveSeconds, metricsSeconds), backendName);
    }

    private MscResult msc(MscSelector.Mode mode, Phase p, Descriptors d, double[] entropies, int size, CompressionOptions o) {
        MscSelector selector = new MscSelector(backend, o.bandwidth(), mode, p);
        if (o.reference() != null) return selector.selectConditional(d, entropies, size, o.reference());
        if (o.chunks() > 0) return selector.selectSegmented(d, entropies, size, o.chunks());
        return selector.select(d, entropies, size);
    }

    /**
     * Runs every method at every size and measures each selection. Nested methods run once to the
     * largest size and are read at every size; the others run per size. Phases: "structure
     * entropies", one per run ("msc", "random seed 3", …; none for methods that are not nested) and
     * one per method for its metrics ("fps metrics", counted in environments).
     *
     * @throws IllegalArgumentException when a size does not resolve to 1..structures or two sizes
     *                                  resolve to the same count
     */
    public Comparison compare(Descriptors d, ComparisonOptions options) {
        double[] requested = options.sizes();
        int total = d.structureCount();
        int[] n = new int[requested.length];
        int largest = 0;
        for (int i = 0; i < n.length; i++) {
            n[i] = SelectionSize.resolve(requested[i], total);
            if (n[i] == 0) throw new IllegalArgumentException("size " + requested[i] + " selects no structure");
            for (int j = 0; j < i; j++)
                if (n[j] == n[i]) throw new IllegalArgumentException("two sizes mean " + n[i] + " structures");
            largest = Math.max(largest, n[i]);
        }
        double h = options.bandwidth();
        List<Comparison.Cell> cells = new ArrayList<>();
        Map<SelectionMethod, Double> selectionSeconds = new LinkedHashMap<>();
        double metricsSeconds = 0;
        double[] entropies = null;
        for (SelectionMethod m : options.methods()) {
            long ts = System.nanoTime();
            if (m.needsEntropies() && entropies == null) entropies = structureEntropies(d, h);
            Selector selector = m.selector(backend, h);
            long[] runSeeds = new long[m.seeded() ? options.seeds() : 1];
            for (int r = 0; r < runSeeds.length; r++) runSeeds[r] = m.seeded() ? options.firstSeed() + r : 0;
            int[][][] picks = new int[n.length][runSeeds.length][]; // [size][run]
            for (int r = 0; r < runSeeds.length; r++) {
                if (m.nested()) {
                    Selection all = run(m, selector, d, entropies, largest, runSeeds[r]);
                    for (int i = 0; i < n.length; i++) picks[i][r] = all.prefix(n[i]).indices();
                } else {
                    for (int i = 0; i < n.length; i++) picks[i][r] = selector.select(d, entropies, n[i], runSeeds[r], ProgressListener.NONE).indices();
                }
            }
            selectionSeconds.put(m, secondsSince(ts));
            long tm = System.nanoTime();
            // Counted in environments: each selection's own, then the whole dataset's (its overlap).
            long work = 0;
            for (int[][] bySeed : picks)
                for (int[] sel : bySeed) work += rows(d, sel) + d.rows();
            try (Phase p = phases.start(m.id() + " metrics", " environments")) {
                long done = 0;
                for (int i = 0; i < n.length; i++) {
                    double[][] values = new double[Comparison.Metric.values().length][runSeeds.length];
                    for (int r = 0; r < runSeeds.length; r++) {
                        long span = rows(d, picks[i][r]) + d.rows();
                        SelectionSummary s = SelectionSummary.of(backend, d, picks[i][r], h, options.eps(), p.part(done, span, work));
                        done += span;
                        values[Comparison.Metric.ENTROPY.ordinal()][r] = s.entropy();
                        values[Comparison.Metric.DIVERSITY.ordinal()][r] = s.diversity();
                        values[Comparison.Metric.OVERLAP.ordinal()][r] = s.overlap();
                    }
                    cells.add(new Comparison.Cell(m, n[i], m.seeded() ? runSeeds : null, values, picks[i]));
                }
            }
            metricsSeconds += secondsSince(tm);
        }
        // Size-major, methods in the order asked (a stable sort keeps that order within a size).
        cells.sort((a, b) -> Integer.compare(a.size(), b.size()));
        // Read at the end: under auto a device that failed in mid-run has handed the work to the CPU.
        return new Comparison(n, List.copyOf(cells), selectionSeconds, metricsSeconds, backend.name());
    }

    /** One run of a nested method, in a phase named after the method and its seed. */
    private Selection run(SelectionMethod method, Selector selector, Descriptors d, double[] entropies, int size, long seed) {
        try (Phase p = phases.start(method.id() + (method.seeded() ? " seed " + seed : ""), " picks")) {
            return selector.select(d, entropies, size, seed, p);
        }
    }

    /** Environments of the selected structures. */
    private static long rows(Descriptors d, int[] selection) {
        long n = 0;
        for (int s : selection) n += d.rowsOf(s);
        return n;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Closes the backend when this facade opened it ({@link #open}); otherwise the caller closes it. */
    @Override
    public void close() {
        if (ownsBackend) backend.close();
    }
}
