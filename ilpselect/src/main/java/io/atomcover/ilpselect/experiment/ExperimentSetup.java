package io.atomcover.ilpselect.experiment;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.structure.Dataset;
import io.atomcover.ilpselect.krr.EnergyUnit;
import io.atomcover.ilpselect.krr.KrrSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything an experiment run needs, checked and read: inputs, methods and their settings.
 *
 * @param name           experiment name (drugs, qm9star, qm7)
 * @param files          where the results go
 * @param databaseFile   the database as given
 * @param database       its molecules
 * @param databaseDigest fingerprint of the database file
 * @param holdout        the targets held out of the database file (held-out mode), else null; {@code database} is then
 *                       the file without them
 * @param targetsFile    the targets file as given (the database file in held-out mode)
 * @param targets        the targets to run
 * @param methods        methods, in order (the ILP once per penalty when several are run)
 * @param seeds          seeds of the random method
 * @param sizes          training-set sizes (each at least the fold count, at most the database size)
 * @param ilpN           molecules the ILP ranks (at most the largest size)
 * @param fill           how an ILP ranking shorter than the largest size is completed
 * @param ilp            ILP settings
 * @param elements       FCHL19 element list
 * @param representation FCHL19 with that list
 * @param krr            KRR settings
 * @param energyKey      info key of the energies
 * @param energyUnit     their unit
 * @param threads        worker threads
 * @param referenceCurves folder of ILPSelect's published curve files to compare with, or null
 */
public record ExperimentSetup(String name, ResultFiles files, Path databaseFile, Dataset database, String databaseDigest,
                       Holdout holdout, Path targetsFile, List<ExperimentTarget> targets, List<ExperimentMethod> methods,
                       long[] seeds, int[] sizes, int ilpN, IlpFill fill, IlpOptions ilp, List<Integer> elements,
                       Fchl19 representation, KrrSettings krr, String energyKey, EnergyUnit energyUnit, int threads,
                       Path referenceCurves) {
    /** How an ILP ranking shorter than the largest training-set size is completed. */
    public enum IlpFill {
        /** With the target's SML ranking, skipping molecules the ILP already picked. */
        SML,
        /** Not at all: the ILP curve stops at the largest size its ranking covers. */
        NONE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The largest training-set size, which is also the length of the rankings. */
    public int maxSize() {
        return Arrays.stream(sizes).max().orElse(0);
    }

    /** The seeds a method runs with: those of random, or a single 0 for the others. */
    public long[] seedsOf(ExperimentMethod method) {
        return method.is(RankingMethod.RANDOM) ? seeds : new long[] {0};
    }

    /** Whether one of the methods is the ILP. */
    public boolean hasIlp() {
        return methods.stream().anyMatch(m -> m.is(RankingMethod.ILP));
    }

    /** Learning curves the run computes or reads back. */
    public int runs() {
        int perTarget = 0;
        for (ExperimentMethod m : methods) perTarget += seedsOf(m).length;
        return perTarget * targets.size();
    }
}
