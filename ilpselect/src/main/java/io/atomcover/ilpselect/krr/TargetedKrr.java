package io.atomcover.ilpselect.krr;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * KRR of one target molecule from a database (docs/methods.md, "KRR learning curves"): the
 * dressed-atom baseline is fitted on the whole database once; a learning curve then trains on the
 * leading molecules of a ranking (database indices) with FCHL19 representations and the local
 * kernel.
 *
 * <pre>{@code
 * TargetedKrr krr = TargetedKrr.of(database, energies, target, targetEnergy, KrrSettings.defaults(), Fchl19.defaults());
 * List<CurvePoint> curve = krr.learningCurve(ranking, new int[] {16, 32, 64}, threads, ProgressListener.NONE);
 * }</pre>
 */
public final class TargetedKrr {
    private final List<Structure> database;
    private final double[] labels;
    private final Structure target;
    private final double targetLabel;
    private final DressedAtoms dressedAtoms;
    private final KrrSettings settings;
    private final Fchl19 representation;

    private TargetedKrr(List<Structure> database, double[] labels, Structure target, double targetLabel,
                        DressedAtoms dressedAtoms, KrrSettings settings, Fchl19 representation) {
        this.database = database;
        this.labels = labels;
        this.target = target;
        this.targetLabel = targetLabel;
        this.dressedAtoms = dressedAtoms;
        this.settings = settings;
        this.representation = representation;
    }

    /**
     * Fits the dressed atoms on the database and labels every molecule and the target.
     *
     * @param database     database molecules, indexed as in the rankings
     * @param energies     their total energies
     * @param target       the molecule to predict
     * @param targetEnergy its total energy (same unit)
     * @throws IllegalArgumentException when the target holds an element absent from the database
     */
    public static TargetedKrr of(List<Structure> database, double[] energies, Structure target, double targetEnergy,
                                 KrrSettings settings, Fchl19 representation) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(representation, "representation");
        List<Structure> db = List.copyOf(database);
        List<int[]> z = new ArrayList<>(db.size());
        for (Structure s : db) z.add(s.atomicNumbers());
        DressedAtoms dressed = DressedAtoms.fit(z, energies, settings.dressedFit());
        double[] labels = new double[db.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = dressed.label(z.get(i), energies[i]);
        double targetLabel;
        try {
            targetLabel = dressed.label(target.atomicNumbers(), targetEnergy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target: " + e.getMessage(), e);
        }
        return new TargetedKrr(db, labels, target, targetLabel, dressed, settings, representation);
    }

    public DressedAtoms dressedAtoms() {
        return dressedAtoms;
    }

    public KrrSettings settings() {
        return settings;
    }

    /** Number of database molecules. */
    public int databaseSize() {
        return database.size();
    }

    /** Label (energy minus dressed atoms) of database molecule i. */
    public double label(int i) {
        return labels[i];
    }

    /** Label of the target. */
    public double targetLabel() {
        return targetLabel;
    }

    /** Progress units {@link #learningCurve} reports in total. */
    public long workUnits(int[] sizes) {
        int nMax = Arrays.stream(sizes).max().orElse(0);
        return nMax + 1L + LearningCurves.workUnits(sizes, settings);
    }

    /**
     * The learning curve of a ranking: representations of its first {@code max(sizes)} molecules and of
     * the target, then {@link LearningCurves#compute}.
     *
     * @param ranking database indices, best first; at least {@code max(sizes)} long, no index twice among those
     * @param sizes   training-set sizes
     * @return one point per size, in the order of {@code sizes}
     */
    public List<CurvePoint> learningCurve(int[] ranking, int[] sizes, int threads, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int[] head = head(ranking, sizes);
        long total = workUnits(sizes);
        List<Structure> molecules = new ArrayList<>(head.length + 1);
        for (int m : head) molecules.add(database.get(m));
        molecules.add(target);
        Descriptors all = representation.compute(molecules, threads, (d, t) -> listener.progress(d, total));
        return curve(head, all.select(range(0, head.length)), all.select(new int[] {head.length}), sizes, threads, listener);
    }

    /**
     * The learning curve of a ranking from representations already computed (with this instance's
     * FCHL19) for the whole database and the target, which several rankings of one target share.
     *
     * @param databaseReps representations of every database molecule, in database order
     * @param targetReps   representations of the target alone
     * @see #learningCurve(int[], int[], int, ProgressListener)
     */
    public List<CurvePoint> learningCurve(int[] ranking, int[] sizes, MoleculeReps databaseReps, MoleculeReps targetReps,
                                          int threads, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        if (databaseReps.size() != database.size())
            throw new IllegalArgumentException(databaseReps.size() + " database representations for " + database.size() + " molecules");
        if (targetReps.size() != 1) throw new IllegalArgumentException("the target representations hold " + targetReps.size() + " molecules");
        int[] head = head(ranking, sizes);
        long total = workUnits(sizes);
        listener.progress(head.length + 1L, total);
        return curve(head, rows(databaseReps, head), rows(targetReps, new int[] {0}), sizes, threads, listener);
    }

    /** The first {@code max(sizes)} entries of the ranking, checked. */
    private int[] head(int[] ranking, int[] sizes) {
        int nMax = Arrays.stream(sizes).max().orElseThrow(() -> new IllegalArgumentException("no training-set sizes"));
        if (ranking.length < nMax)
            throw new IllegalArgumentException("the ranking has " + ranking.length + " molecules, fewer than the largest size " + nMax);
        boolean[] seen = new boolean[database.size()];
        for (int i = 0; i < nMax; i++) {
            int m = ranking[i];
            if (m < 0 || m >= database.size())
                throw new IllegalArgumentException("ranking entry " + i + ": index " + m + " outside the database (0.." + (database.size() - 1) + ")");
            if (seen[m]) throw new IllegalArgumentException("ranking entry " + i + ": molecule " + m + " appears twice");
            seen[m] = true;
        }
        return Arrays.copyOf(ranking, nMax);
    }

    /** The rows of the given molecules, in that order. */
    private static Descriptors rows(MoleculeReps reps, int[] molecules) {
        int dim = reps.dim();
        int[] offsets = new int[molecules.length + 1];
        for (int i = 0; i < molecules.length; i++) offsets[i + 1] = offsets[i] + reps.atoms(molecules[i]);
        double[] data = new double[offsets[molecules.length] * dim];
        for (int i = 0; i < molecules.length; i++)
            System.arraycopy(reps.data(), reps.start(molecules[i]) * dim, data, offsets[i] * dim, reps.atoms(molecules[i]) * dim);
        return new Descriptors(data, dim, offsets);
    }

    private List<CurvePoint> curve(int[] head, Descriptors trainReps, Descriptors targetReps, int[] sizes, int threads,
                                   ProgressListener listener) {
        List<int[]> z = new ArrayList<>(head.length);
        double[] y = new double[head.length];
        for (int i = 0; i < head.length; i++) {
            z.add(database.get(head[i]).atomicNumbers());
            y[i] = labels[head[i]];
        }
        long total = workUnits(sizes);
        long fchlUnits = head.length + 1L;
        LocalReps train = LocalReps.of(trainReps, z, settings.hydrogens());
        LocalReps tgt = LocalReps.of(targetReps, List.of(target.atomicNumbers()), settings.hydrogens());
        return LearningCurves.compute(train, y, tgt, targetLabel, sizes, settings, threads,
                (d, t) -> listener.progress(fchlUnits + d, total));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }
}
