package io.atomcover.spark;

import io.atomcover.api.Atomcover;
import io.atomcover.api.Compression;
import io.atomcover.api.CompressionOptions;
import io.atomcover.api.DifferentialEntropies;
import io.atomcover.api.Phases;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.SelectionMethod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The jobs for {@code spark-submit --class io.atomcover.spark.AtomcoverJob atomcover-spark.jar}:
 * {@code entropy FILE}, {@code overlap TEST REF}, {@code dh TEST REF -o OUT.npy} and
 * {@code compress FILE -s SIZE --chunks N}, with the command line's options of the same names
 * ({@code -b}, {@code -e}, {@code -s}, {@code -o}, {@code --chunks}, {@code -k}, {@code -c},
 * {@code --multicomponent}) plus {@code --partitions N} for the descriptor tasks. Inputs (and the
 * {@code dh} output) are files at any Hadoop path; descriptors are computed per partition, kernel
 * sums and segmented-MSC rounds as Spark tasks. Each job prints one JSON object on stdout.
 */
public final class AtomcoverJob {
    private AtomcoverJob() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !Arrays.asList("entropy", "overlap", "dh", "compress").contains(args[0])) {
            System.err.println("usage: AtomcoverJob entropy FILE | overlap TEST REF | dh TEST REF -o OUT.npy | compress FILE -s SIZE --chunks N"
                    + " [-b H] [-e EPS] [-k K] [-c RC] [--multicomponent] [--partitions N]");
            System.exit(2);
        }
        try {
            JobArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("atomcover: " + e.getMessage());
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName("atomcover " + args[0]);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            System.out.println(run(spark, args));
        }
    }

    /** Runs one job ({@code args} as {@link #main} takes them) on {@code spark}; the JSON report. */
    static String run(JavaSparkContext spark, String[] args) {
        JobArgs a = JobArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        int threads = Runtime.getRuntime().availableProcessors();
        try (SparkKdeBackend backend = new SparkKdeBackend(spark, false, threads, SparkKdeBackend.DEFAULT_DISTRIBUTE_PAIRS)) {
            Atomcover atomcover = new Atomcover(backend, threads, Phases.NONE);
            int partitions = a.integer("--partitions", spark.defaultParallelism() * 4);
            QuestsDescriptor q = new QuestsDescriptor(a.integer("-k", QuestsDescriptor.DEFAULT_K),
                    a.number("-c", QuestsDescriptor.DEFAULT_CUTOFF)).multicomponent(a.flag("--multicomponent"));
            double h = a.number("-b", 0.015);
            return switch (args[0]) {
                case "entropy" -> {
                    Descriptors x = descriptors(spark, a.file(0), q, partitions);
                    EntropyResult r = atomcover.entropy(x, h);
                    yield String.format("{\"entropy\": %s, \"diversity\": %s, \"n_envs\": %d, \"n_structs\": %d, \"bandwidth\": %s}",
                            r.entropy(), r.diversity(), x.rows(), x.structureCount(), h);
                }
                case "overlap", "dh" -> {
                    Descriptors y = descriptors(spark, a.file(0), q, partitions);
                    Descriptors x = descriptors(spark, a.file(1), q, partitions);
                    DifferentialEntropies r = atomcover.differentialEntropies(y, x, h);
                    if (args[0].equals("dh")) HadoopFiles.writeNpy(a.text("-o"), spark.hadoopConfiguration(), r.values());
                    double eps = a.number("-e", InformationMetrics.DEFAULT_OVERLAP_EPS);
                    yield String.format("{\"overlap\": %s, \"n_test_envs\": %d, \"n_ref_envs\": %d, \"dH_mean\": %s, \"dH_max\": %s, "
                                    + "\"n_infinite\": %d, \"eps\": %s, \"bandwidth\": %s}",
                            r.overlap(eps), r.values().length, r.referenceEnvs(), r.finiteMean(), r.finiteMax(), r.infinite(), eps, h);
                }
                default -> {
                    Descriptors x = descriptors(spark, a.file(0), q, partitions);
                    CompressionOptions o = CompressionOptions.builder().method(SelectionMethod.MSC).size(a.number("-s", 0.1))
                            .chunks(a.integer("--chunks", 10)).bandwidth(h).compatCheck(false).build();
                    Compression c = atomcover.compress(x, o);
                    yield String.format("{\"selected\": %s, \"entropy\": %s, \"diversity\": %s, \"overlap\": %s, \"bandwidth\": %s}",
                            Arrays.toString(c.selected().indices()), c.summary().entropy(), c.summary().diversity(),
                            c.summary().overlap(), h);
                }
            };
        }
    }

    private static Descriptors descriptors(JavaSparkContext spark, String uri, QuestsDescriptor q, int partitions) {
        var dataset = HadoopFiles.readStructures(uri, spark.hadoopConfiguration());
        return DistributedDescriptors.compute(spark, dataset.structures(), q, partitions);
    }

    /** Positional arguments and {@code --name value} options, long and short names alike. */
    record JobArgs(java.util.List<String> files, Map<String, String> options) {
        private static final Map<String, String> ALIASES = Map.of("--bandwidth", "-b", "--eps", "-e", "--size", "-s",
                "--output", "-o", "--neighbours", "-k", "--cutoff", "-c");
        private static final java.util.Set<String> NAMES = java.util.Set.of("-b", "-e", "-s", "-o", "-k", "-c", "--chunks",
                "--multicomponent", "--partitions");

        static JobArgs parse(String[] args) {
            java.util.List<String> files = new java.util.ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = ALIASES.getOrDefault(args[i], args[i]);
                if (name.startsWith("-") && !NAMES.contains(name)) throw new IllegalArgumentException("unknown option " + args[i]);
                if (name.equals("--multicomponent")) options.put(name, "true");
                else if (name.startsWith("-") && i + 1 < args.length) options.put(name, args[++i]);
                else if (name.startsWith("-")) throw new IllegalArgumentException(name + " needs a value");
                else files.add(args[i]);
            }
            return new JobArgs(files, options);
        }

        String file(int i) {
            if (i >= files.size()) throw new IllegalArgumentException("missing input file " + (i + 1));
            return files.get(i);
        }

        String text(String name) {
            String v = options.get(name);
            if (v == null) throw new IllegalArgumentException(name + " is required");
            return v;
        }

        double number(String name, double fallback) {
            return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
        }

        int integer(String name, int fallback) {
            return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }
    }
}
