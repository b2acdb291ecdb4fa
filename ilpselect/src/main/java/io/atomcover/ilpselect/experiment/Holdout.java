package io.atomcover.ilpselect.experiment;

import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The held-out mode's split of one database file: a seeded random sample of its frames are the
 * targets, and the database every ranking and learning curve uses is the file without them, so no
 * ranking can hold a target and no target is trained on.
 *
 * @param count          how many frames are held out
 * @param seed           the seed of the sample, or null when the frames were chosen by hand
 * @param targets        the held-out frames, ascending
 * @param databaseFrames the frames left as the database, ascending: database molecule i is frame databaseFrames[i]
 */
public record Holdout(int count, Long seed, int[] targets, int[] databaseFrames) {
    /**
     * Draws {@code count} of {@code frames} frames with {@code seed}: the first {@code count} places of
     * a Fisher–Yates shuffle driven by {@link Random}, whose sequence the Java specification fixes, so
     * the sample is the same on every machine and Java version.
     */
    public static Holdout draw(int frames, int count, long seed) {
        if (count < 1 || count >= frames)
            throw new IllegalArgumentException("cannot hold out " + count + " of " + frames + " molecules (at least 1, and one must stay)");
        int[] order = new int[frames];
        for (int i = 0; i < frames; i++) order[i] = i;
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(frames - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return split(frames, Arrays.copyOf(order, count), seed);
    }

    /**
     * Holds out the given frames (e.g. the ten QM7 targets of the ILPSelect paper, by name).
     *
     * @throws IllegalArgumentException when a frame is out of range or given twice, or none would stay
     */
    public static Holdout of(int frames, int[] chosen) {
        if (chosen.length < 1 || chosen.length >= frames)
            throw new IllegalArgumentException("cannot hold out " + chosen.length + " of " + frames + " molecules (at least 1, and one must stay)");
        if (Arrays.stream(chosen).anyMatch(f -> f < 0 || f >= frames)) throw new IllegalArgumentException("a frame out of range");
        if (Arrays.stream(chosen).distinct().count() != chosen.length) throw new IllegalArgumentException("a frame given twice");
        return split(frames, chosen.clone(), null);
    }

    private static Holdout split(int frames, int[] targets, Long seed) {
        int count = targets.length;
        Arrays.sort(targets);
        int[] rest = new int[frames - count];
        for (int f = 0, k = 0, r = 0; f < frames; f++) {
            if (k < count && targets[k] == f) k++;
            else rest[r++] = f;
        }
        return new Holdout(count, seed, targets, rest);
    }

    /** The database: the frames of {@code file} that are not held out, in file order, with their lines. */
    public Dataset database(Dataset file) {
        List<Structure> rest = new ArrayList<>(databaseFrames.length);
        long[] lines = new long[databaseFrames.length];
        for (int i = 0; i < databaseFrames.length; i++) {
            rest.add(file.get(databaseFrames[i]));
            lines[i] = file.frameLine(databaseFrames[i]);
        }
        return new Dataset(file.source(), rest, lines);
    }

    /** The values of {@code all} (one per frame of the file) at the database's frames. */
    public double[] databaseValues(double[] all) {
        double[] out = new double[databaseFrames.length];
        for (int i = 0; i < out.length; i++) out[i] = all[databaseFrames[i]];
        return out;
    }
}
