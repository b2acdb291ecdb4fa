package io.atomcover.cli;

import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.FpsSelector;
import io.atomcover.select.KMeansSelector;
import io.atomcover.select.MeanFpsSelector;
import io.atomcover.select.MscResult;
import io.atomcover.select.MscSelector;
import io.atomcover.select.RandomSelector;
import io.atomcover.select.Selection;
import io.atomcover.util.ProgressListener;
import java.util.Locale;

/** The selection methods of {@code compress} and {@code compare}, by their command-line names. */
enum Method {
    /** Greedy minimum set cover, default (log-space) scoring. */
    MSC(false, true),
    /** Greedy minimum set cover scored as the reference program does ({@code --compat quests}). */
    MSC_COMPAT(false, true),
    /** Structure-level farthest-point sampling, first pick as MSC. */
    FPS(false, true),
    /** Farthest-point sampling on mean descriptors from a seeded random start. */
    MEAN_FPS(true, true),
    /** One structure per k-means cluster of the mean descriptors. */
    K_MEANS(true, false),
    /** Uniform sample without replacement. */
    RANDOM(true, true);

    /** Whether the result depends on {@code --seed}. */
    final boolean seeded;
    /**
     * Whether the selections of different sizes are prefixes of one ordering (greedy methods and the
     * random draw order), so that one run to the largest size answers every smaller one.
     */
    final boolean nested;

    Method(boolean seeded, boolean nested) {
        this.seeded = seeded;
        this.nested = nested;
    }

    /** The command-line name: msc, msc_compat, fps, mean_fps, k_means, random. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code name} (case-insensitive), or null. */
    static Method parse(String name) {
        for (Method m : values()) if (m.cliName().equalsIgnoreCase(name.trim())) return m;
        return null;
    }

    /** Names of every method, comma-separated, for messages and help. */
    static String names() {
        StringBuilder b = new StringBuilder();
        for (Method m : values()) b.append(b.length() == 0 ? "" : ", ").append(m.cliName());
        return b.toString();
    }

    boolean isMsc() {
        return this == MSC || this == MSC_COMPAT;
    }

    MscSelector.Mode mscMode() {
        return this == MSC_COMPAT ? MscSelector.Mode.COMPAT : MscSelector.Mode.DEFAULT;
    }

    /**
     * Runs the method on the whole dataset for {@code size} structures (plain MSC, no reference or
     * chunks). {@code entropies} are the structure entropies (msc and fps use them).
     */
    Selection select(KdeBackend backend, Descriptors d, double[] entropies, double bandwidth, int size, long seed,
                     ProgressListener progress) {
        return switch (this) {
            case MSC, MSC_COMPAT -> new MscSelector(backend, bandwidth, mscMode(), progress).select(d, entropies, size).selection();
            case FPS -> new FpsSelector(backend, progress).select(d, entropies, size);
            case MEAN_FPS -> new MeanFpsSelector(seed).select(d, size);
            case K_MEANS -> new KMeansSelector(seed).select(d, size);
            case RANDOM -> new RandomSelector(seed).select(d.structureCount(), size);
        };
    }

    /** Convenience for callers that keep the MSC scores. */
    static MscResult msc(MscSelector selector, Descriptors d, double[] entropies, int size, Descriptors reference, int chunks) {
        if (reference != null) return selector.selectConditional(d, entropies, size, reference);
        if (chunks > 0) return selector.selectSegmented(d, entropies, size, chunks);
        return selector.select(d, entropies, size);
    }
}
