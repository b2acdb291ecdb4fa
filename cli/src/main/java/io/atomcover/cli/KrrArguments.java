package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.krr.EnergyUnit;
import io.atomcover.ilpselect.krr.KrrSettings;
import io.atomcover.ilpselect.report.KrrJson;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The KRR learning-curve options of {@code learning-curve} and {@code experiment} (a picocli mixin). */
final class KrrArguments {
    /** Which protocol (fold scheme, fold score, dressed-atom fit) to follow. */
    enum Protocol {
        DEFAULT, REFERENCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "Training-set sizes. Default: 16,32,64,128,256,512,1024.")
    int[] sizes = {16, 32, 64, 128, 256, 512, 1024};

    @Option(names = "--protocol", paramLabel = "default|reference",
            description = "default: interleaved folds scored by their mean absolute error; reference: the ILPSelect "
                    + "reference code, quirks included (see 'atomcover learning-curve --help'). Default: ${DEFAULT-VALUE}.")
    Protocol protocol = Protocol.DEFAULT;

    @Option(names = "--hydrogens", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Include hydrogen atoms in the local kernel (default; the reference curves are reproduced only with them).")
    boolean hydrogens = true;

    @Option(names = "--energy-key", paramLabel = "KEY", description = "Info key of the total energy. Default: ${DEFAULT-VALUE}.")
    String energyKey = "energy";

    @Option(names = "--name-key", paramLabel = "KEY", description = "Info key of frame names (--target, result names). Default: ${DEFAULT-VALUE}.")
    String nameKey = "name";

    @Option(names = "--energy-unit", paramLabel = "UNIT", description = "Unit of the energies: hartree, ev or kcal_mol. Default: ${DEFAULT-VALUE}.")
    EnergyUnit energyUnit = EnergyUnit.HARTREE;

    /** Usage errors (exit 2) for sizes below the fold count or listed twice. */
    void validate(BaseCommand command) {
        if (sizes.length == 0) throw command.usage("--sizes is empty");
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 5) throw command.usage("--sizes must be at least 5 (the number of cross-validation folds), got " + sorted[i]);
            if (i > 0 && sorted[i] == sorted[i - 1]) throw command.usage("--sizes lists " + sorted[i] + " twice");
        }
    }

    /** The largest size. */
    int maxSize() {
        return Arrays.stream(sizes).max().orElse(0);
    }

    KrrSettings settings() {
        return (protocol == Protocol.REFERENCE ? KrrSettings.reference() : KrrSettings.defaults()).withHydrogens(hydrogens);
    }

    /** The protocol and its pieces, the grids and the energy unit, as report fields. */
    void put(ObjectNode report) {
        report.put("energy_unit", energyUnit.toString());
        report.put("mae_unit", "kcal/mol");
        report.put("protocol", protocol.toString());
        KrrJson.putSettings(report, settings());
    }
}
