package io.atomcover.select;

import io.atomcover.backend.KdeBackend;
import java.util.Locale;

/**
 * The registry of selection methods by their command-line names (msc, msc_compat, fps, mean_fps,
 * k_means, random), with what a caller needs to know about each before running it.
 */
public enum SelectionMethod {
    /** Greedy minimum set cover, default (log-space) scoring. */
    MSC(false, true),
    /** Greedy minimum set cover scored as the upstream QUESTS program does. */
    MSC_COMPAT(false, true),
    /** Structure-level farthest-point sampling, first pick as MSC. */
    FPS(false, true),
    /** Farthest-point sampling on mean descriptors from a seeded random start. */
    MEAN_FPS(true, true),
    /** One structure per k-means cluster of the mean descriptors. */
    K_MEANS(true, false),
    /** Uniform sample without replacement. */
    RANDOM(true, true);

    private final boolean seeded;
    private final boolean nested;

    SelectionMethod(boolean seeded, boolean nested) {
        this.seeded = seeded;
        this.nested = nested;
    }

    /** The command-line name: msc, msc_compat, fps, mean_fps, k_means, random. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the result depends on the seed. */
    public boolean seeded() {
        return seeded;
    }

    /**
     * Whether the selections of different sizes are prefixes of one ordering (greedy methods and the
     * random draw order), so that one run to the largest size answers every smaller one.
     */
    public boolean nested() {
        return nested;
    }

    /** Whether this is minimum set cover (either scoring). */
    public boolean isMsc() {
        return this == MSC || this == MSC_COMPAT;
    }

    /** Whether the method reads the structure entropies (msc and fps take the first pick from them). */
    public boolean needsEntropies() {
        return isMsc() || this == FPS;
    }

    /** The MSC scoring of this method; {@link MscSelector.Mode#DEFAULT} for the others. */
    public MscSelector.Mode mscMode() {
        return this == MSC_COMPAT ? MscSelector.Mode.COMPAT : MscSelector.Mode.DEFAULT;
    }

    /** The method named {@code name} (case-insensitive, surrounding blanks ignored), or null. */
    public static SelectionMethod byId(String name) {
        for (SelectionMethod m : values()) if (m.id().equalsIgnoreCase(name.trim())) return m;
        return null;
    }

    /** Every method's name, comma-separated, for messages and help. */
    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (SelectionMethod m : values()) b.append(b.length() == 0 ? "" : ", ").append(m.id());
        return b.toString();
    }

    /**
     * This method on the whole dataset (plain MSC: no reference, no chunks), with its kernel sums on
     * {@code backend} at {@code bandwidth}.
     */
    public Selector selector(KdeBackend backend, double bandwidth) {
        return switch (this) {
            case MSC, MSC_COMPAT -> (d, entropies, size, seed, progress) ->
                    new MscSelector(backend, bandwidth, mscMode(), progress).select(d, entropies, size).selection();
            case FPS -> (d, entropies, size, seed, progress) -> new FpsSelector(backend, progress).select(d, entropies, size);
            case MEAN_FPS -> (d, entropies, size, seed, progress) -> new MeanFpsSelector(seed).select(d, size);
            case K_MEANS -> (d, entropies, size, seed, progress) -> new KMeansSelector(seed).select(d, size);
            case RANDOM -> (d, entropies, size, seed, progress) -> new RandomSelector(seed).select(d.structureCount(), size);
        };
    }
}
