package io.atomcover.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds files bundled with the source tree (the example datasets) from wherever the jar runs. */
final class Locations {
    /** The bundled example dataset that {@code bench} uses by default, relative to the repository root. */
    static final Path SI_TRAIN = Path.of("examples", "mlearn-si", "Si-train.extxyz");

    /** Where QM7 sits relative to a folder above the repository (the shared data layout). */
    static final Path SHARED_QM7 = Path.of("shared", "data", "qm7", "qm7.extxyz");

    private Locations() {
    }

    /**
     * QM7 for the MSC stage of {@code bench}: the {@code atomcover.qm7} system property, else
     * {@code shared/data/qm7/qm7.extxyz} in a folder above the launcher's home, the jar or the
     * current folder; null when it is not on this machine.
     */
    static Path qm7() {
        String override = System.getProperty("atomcover.qm7");
        if (override != null) return Files.isRegularFile(Path.of(override)) ? Path.of(override) : null;
        String home = System.getProperty("atomcover.home");
        for (Path start : new Path[] {home == null ? null : Path.of(home).toAbsolutePath(), codeLocation(), Path.of("").toAbsolutePath()}) {
            for (Path p = start; p != null; p = p.getParent())
                if (Files.isRegularFile(p.resolve(SHARED_QM7))) return p.resolve(SHARED_QM7);
        }
        return null;
    }

    /**
     * The bundled Si-train dataset: looked up under the {@code atomcover.home} system property (the
     * launcher sets it), then above the jar's folder, then above the current folder.
     *
     * @throws CliFailure when it cannot be found
     */
    static Path bundledSiTrain() {
        String home = System.getProperty("atomcover.home");
        if (home != null && Files.isRegularFile(Path.of(home).resolve(SI_TRAIN))) return Path.of(home).resolve(SI_TRAIN);
        Path found = searchUp(codeLocation());
        if (found == null) found = searchUp(Path.of("").toAbsolutePath());
        if (found == null)
            throw new CliFailure("no FILE given and the bundled example " + SI_TRAIN + " was not found above the jar or the current folder");
        return found;
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = Locations.class.getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path searchUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve(SI_TRAIN);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }
}
