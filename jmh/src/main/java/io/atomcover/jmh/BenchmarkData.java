package io.atomcover.jmh;

import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The datasets the benchmarks run on, found relative to the source tree: the bundled mlearn silicon
 * sets under {@code examples/}, and QM7 at {@code shared/data/qm7/qm7.extxyz} in a folder above the
 * repository (or wherever {@code -Datomcover.qm7=PATH} points) when it is there.
 */
public final class BenchmarkData {
    /** Bundled mlearn Si-train: 214 periodic structures, 13,233 atoms. */
    public static final String SI_TRAIN = "si-train";
    /** Bundled mlearn Si-test: 25 periodic structures. */
    public static final String SI_TEST = "si-test";
    /** QM7 (7,165 molecules, 110,650 atoms); optional, not bundled. */
    public static final String QM7 = "qm7";

    private static final Path EXAMPLES = Path.of("examples", "mlearn-si");
    private static final Path SHARED_QM7 = Path.of("shared", "data", "qm7", "qm7.extxyz");

    private BenchmarkData() {
    }

    /** The file of a named dataset, or null when it is not on this machine. */
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
                throw new IllegalArgumentException("unknown dataset '" + name + "': use " + SI_TRAIN + ", " + SI_TEST + " or " + QM7);
        }
    }

    /** Reads a named dataset; fails with a clear message when it is not on this machine. */
    public static Dataset read(String name) {
        Path file = find(name);
        if (file == null)
            throw new IllegalStateException("dataset '" + name + "' not found" + (QM7.equals(name)
                    ? ": expected ../shared/data/qm7/qm7.extxyz beside the repository, or pass -jvmArgsAppend -Datomcover.qm7=PATH"
                    : ": run from inside the atomcover source tree"));
        return ExtXyzReader.read(file);
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
