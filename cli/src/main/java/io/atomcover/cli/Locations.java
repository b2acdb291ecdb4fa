package io.atomcover.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds files bundled with the source tree (the example datasets) from wherever the jar runs. */
final class Locations {
    /** The bundled example dataset that {@code bench} uses by default, relative to the repository root. */
    static final Path SI_TRAIN = Path.of("examples", "mlearn-si", "Si-train.extxyz");

    private Locations() {
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
