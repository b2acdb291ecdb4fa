package io.atomcover.jmh;

import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ReadOptions;
import io.atomcover.io.StructureFiles;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.ThermalReplicas;
import io.atomcover.util.ProgressListener;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The datasets the benchmarks run on, found relative to the source tree: the bundled mlearn silicon
 * sets under {@code examples/}, and QM7 at {@code shared/data/qm7/qm7.extxyz} in a folder above the
 * repository (or wherever {@code -Datomcover.qm7=PATH} points) when it is there, or any extxyz file
 * named by its path. A name followed by {@code *R} ({@code si-train*8}) is that dataset × R: R
 * displaced replicas of every structure ({@link ThermalReplicas}, default seed), the scale datasets.
 *
 * <p>The last dataset read, its descriptors and its structure entropies are kept, so that the
 * trials of one JVM (a {@link Harness} run goes through every stage in one) set up from what an
 * earlier trial computed instead of computing it again; the values are the same either way.
 */
public final class BenchmarkData {
    /** Bundled mlearn Si-train: 214 periodic structures, 13,233 atoms. */
    public static final String SI_TRAIN = "si-train";
    /** Bundled mlearn Si-test: 25 periodic structures. */
    public static final String SI_TEST = "si-test";
    /** QM7 (7,165 molecules, 110,650 atoms); optional, not bundled. */
    public static final String QM7 = "qm7";

    /** Separates a dataset's name from its replica count. */
    private static final String REPLICAS = "*";

    private static final Path EXAMPLES = Path.of("examples", "mlearn-si");
    private static final Path SHARED_QM7 = Path.of("shared", "data", "qm7", "qm7.extxyz");

    private BenchmarkData() {
    }

    private static Cached<Dataset> dataset;
    private static Cached<Descriptors> descriptors;
    private static Cached<double[]> structureEntropies;

    /** A value with what it was computed from. */
    private record Cached<T>(Object key, T value) {
        T get(Object k) {
            return key.equals(k) ? value : null;
        }
    }

    /** The file of a named dataset (or of a path to an existing file), or null when it is not on this machine. */
    public static Path find(String name) {
        switch (name) {
            case SI_TRAIN:
                return inRepository(EXAMPLES.resolve("Si-train.extxyz"));
            case SI_TEST:
                return inRepository(EXAMPLES.resolve("Si-test.extxyz"));
            case QM7: {
                String override = System.getProperty("atomcover.qm7");
                if (override != null) return Files.isRegularFile(Path.of(override)) ? Path.of(override) : null;
                Path root = repositoryRoot();
                for (Path p = root; p != null; p = p.getParent())
                    if (Files.isRegularFile(p.resolve(SHARED_QM7))) return p.resolve(SHARED_QM7);
                return null;
            }
            default:
                if (Files.isRegularFile(Path.of(name))) return Path.of(name);
                throw new IllegalArgumentException("unknown dataset '" + name + "': use " + SI_TRAIN + ", " + SI_TEST + ", " + QM7
                        + " or the path of an extxyz file");
        }
    }

    /** Reads a named dataset (generating the replicas of a {@code NAME*R}); fails with a clear message when it is not on this machine. */
    public static synchronized Dataset read(String name) {
        Replicated r = Replicated.parse(name);
        Object key = r == null ? existing(name).toAbsolutePath().normalize() : r.key();
        Dataset d = dataset == null ? null : dataset.get(key);
        if (d == null) {
            d = r == null ? StructureFiles.read((Path) key, ReadOptions.DEFAULT) : ThermalReplicas.of(StructureFiles.read(existing(r.base()), ReadOptions.DEFAULT), r.replicas());
            dataset = new Cached<>(key, d);
        }
        return d;
    }

    /** A {@code NAME*R} dataset name: the base dataset's name and the replica count. */
    private record Replicated(String base, int replicas) {
        static Replicated parse(String name) {
            int star = name.lastIndexOf(REPLICAS);
            if (star < 0 || star == name.length() - 1) return null;
            String count = name.substring(star + 1);
            if (!count.chars().allMatch(Character::isDigit) || isFile(name)) return null;
            int r;
            try {
                r = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dataset '" + name + "': replica count " + count + " is too large");
            }
            if (r < 1) throw new IllegalArgumentException("dataset '" + name + "': at least 1 replica");
            return new Replicated(name.substring(0, star), r);
        }

        /** What the dataset is cached by: the base file and the count. */
        Object key() {
            return List.of(existing(base).toAbsolutePath().normalize(), replicas);
        }
    }

    /** Reads a named dataset without making it the one kept for later trials. */
    static Dataset readAside(String name) {
        return StructureFiles.read(existing(name), ReadOptions.DEFAULT);
    }

    private static Path existing(String name) {
        Replicated r = Replicated.parse(name);
        if (r != null) throw new IllegalArgumentException("dataset '" + name + "' is generated, not read: use read()");
        Path file = find(name);
        if (file == null)
            throw new IllegalStateException("dataset '" + name + "' not found" + (QM7.equals(name)
                    ? ": expected ../shared/data/qm7/qm7.extxyz beside the repository, or pass -jvmArgsAppend -Datomcover.qm7=PATH"
                    : ": run from inside the atomcover source tree"));
        return file;
    }

    /** Makes {@code data}, already read from {@code file} by the caller, what {@link #read} returns for that file. */
    public static synchronized void preload(Path file, Dataset data) {
        dataset = new Cached<>(file.toAbsolutePath().normalize(), data);
    }

    /**
     * Makes {@code data}, the {@link ThermalReplicas} of {@code file} the caller generated, what
     * {@link #read} returns for {@link #replicated replicated(file, replicas)}.
     */
    public static synchronized void preloadReplicas(Path file, int replicas, Dataset data) {
        dataset = new Cached<>(List.of(file.toAbsolutePath().normalize(), replicas), data);
    }

    /** Forgets the kept dataset, descriptors and structure entropies, so that their memory can be reclaimed. */
    public static synchronized void clear() {
        dataset = null;
        descriptors = null;
        structureEntropies = null;
    }

    /** The dataset name of {@code replicas} replicas of {@code file}, as benchmark parameter. */
    public static String replicated(Path file, int replicas) {
        return file.toAbsolutePath() + REPLICAS + replicas;
    }

    /** The QUESTS descriptors of a dataset (k neighbours, cutoff in Å), computed once for the same settings. */
    static synchronized Descriptors descriptors(String name, int k, double cutoff, boolean multicomponent, int threads) {
        Dataset data = read(name);
        Object key = descriptorKey(data, k, cutoff, multicomponent);
        Descriptors d = descriptors == null ? null : descriptors.get(key);
        if (d == null) {
            d = quests(k, cutoff, multicomponent).compute(data.structures(), threads, ProgressListener.NONE);
            descriptors = new Cached<>(key, d);
        }
        return d;
    }

    /** Keeps descriptors a benchmark computed, for {@link #descriptors} to return. */
    static synchronized void keepDescriptors(String name, int k, double cutoff, boolean multicomponent, Descriptors d) {
        descriptors = new Cached<>(descriptorKey(read(name), k, cutoff, multicomponent), d);
    }

    /** The QUESTS descriptor of the benchmark parameters. */
    static QuestsDescriptor quests(int k, double cutoff, boolean multicomponent) {
        return new QuestsDescriptor(k, cutoff).multicomponent(multicomponent);
    }

    /**
     * Structure entropies H_s of {@code d} at bandwidth {@code h}, computed once for the same
     * descriptors and backend (a float device rounds differently).
     */
    static synchronized double[] structureEntropies(Descriptors d, double h, KdeBackend backend, int threads) {
        double[] e = structureEntropies == null ? null : structureEntropies.get(List.of(new Identity(d), h, backend.name()));
        if (e == null) {
            e = new InformationMetrics(backend).structureEntropies(d, h, threads, ProgressListener.NONE);
            keepStructureEntropies(d, h, backend, e);
        }
        return e;
    }

    /** Keeps structure entropies a benchmark computed, for {@link #structureEntropies} to return. */
    static synchronized void keepStructureEntropies(Descriptors d, double h, KdeBackend backend, double[] entropies) {
        structureEntropies = new Cached<>(List.of(new Identity(d), h, backend.name()), entropies);
    }

    private static Object descriptorKey(Dataset data, int k, double cutoff, boolean multicomponent) {
        // The dataset by identity: a dataset read again is another key.
        return List.of(new Identity(data), k, cutoff, multicomponent);
    }

    /** An object compared by identity. */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    private static boolean isFile(String name) {
        try {
            return Files.isRegularFile(Path.of(name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The folder holding {@code examples/}: searched above the current folder, then above this jar. */
    static Path repositoryRoot() {
        Path fromCwd = rootAbove(Path.of("").toAbsolutePath());
        if (fromCwd != null) return fromCwd;
        try {
            CodeSource cs = BenchmarkData.class.getProtectionDomain().getCodeSource();
            if (cs != null) return rootAbove(Path.of(cs.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static Path rootAbove(Path start) {
        for (Path p = start; p != null; p = p.getParent())
            if (Files.isDirectory(p.resolve(EXAMPLES))) return p;
        return null;
    }

    private static Path inRepository(Path relative) {
        Path root = repositoryRoot();
        if (root == null) return null;
        Path file = root.resolve(relative);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Thread count for a benchmark parameter: 0 means all available processors. */
    public static int threads(int param) {
        return param > 0 ? param : Runtime.getRuntime().availableProcessors();
    }
}
