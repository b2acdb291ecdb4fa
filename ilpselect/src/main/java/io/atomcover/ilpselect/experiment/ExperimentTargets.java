package io.atomcover.ilpselect.experiment;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import io.atomcover.ilpselect.krr.Energies;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.krr.TargetedKrr;
import io.atomcover.io.InputException;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The targets of an experiment, read from their frames and checked, with errors naming file and line (or frame). */
public final class ExperimentTargets {
    private ExperimentTargets() {
    }

    /**
     * The chosen frames as targets: each with its energy, FCHL19 elements, a name whose file stem no
     * other target shares, heavy atoms when the ILP maps it, and elements known to the database.
     *
     * @param file       the targets file as given, for messages
     * @param set        its frames
     * @param chosen     frame indices, in the order the targets run
     * @param database   the database molecules
     * @param energies   their total energies
     * @param energyKey  info key of the energies
     * @param nameKey    info key of the frame names
     * @param heavyAtoms whether every target needs an atom other than hydrogen (the ILP maps heavy atoms)
     * @throws InputException at the first frame that cannot be a target
     */
    public static List<ExperimentTarget> of(Path file, Dataset set, List<Integer> chosen, Dataset database, double[] energies,
                                            String energyKey, String nameKey, KrrSettings settings, Fchl19 representation,
                                            boolean heavyAtoms) {
        Fchl19Inputs.check(set, representation, 0);
        Map<String, Integer> stems = new HashMap<>();
        List<ExperimentTarget> out = new ArrayList<>();
        for (int i : chosen) {
            Structure s = set.get(i);
            double energy = Energies.of(set, i, energyKey);
            String name = s.info().getOrDefault(nameKey, "frame" + i);
            String stem = ExperimentTarget.stemOf(name);
            Integer other = stems.putIfAbsent(stem.toLowerCase(Locale.ROOT), i);
            if (other != null)
                throw Fchl19Inputs.frameError(file, set, i, 1, "target " + name + " has the same file name as frame " + other
                        + " (" + stem + "); the result files are named after the targets");
            if (heavyAtoms && heavyAtoms(s) == 0)
                throw Fchl19Inputs.frameError(file, set, i, 0, "target " + name + " has no atom other than hydrogen (the ILP maps heavy atoms)");
            TargetedKrr krr;
            try {
                krr = TargetedKrr.of(database.structures(), energies, s, energy, settings, representation);
            } catch (IllegalArgumentException e) {
                throw Fchl19Inputs.frameError(file, set, i, 0, "target " + name + ": " + e.getMessage());
            }
            out.add(new ExperimentTarget(name, stem, s, Digests.molecule(s, energy), krr));
        }
        return out;
    }

    private static int heavyAtoms(Structure s) {
        int n = 0;
        for (int z : s.atomicNumbers()) if (z != 1) n++;
        return n;
    }
}
