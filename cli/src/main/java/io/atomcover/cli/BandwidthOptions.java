package io.atomcover.cli;

import io.atomcover.metrics.Bandwidth;
import picocli.CommandLine.Option;

/** The kernel bandwidth: a fixed value or a rule (mutually exclusive, see {@link EntropyCommand}). */
public final class BandwidthOptions {
    /** Rules that derive the bandwidth from the data. */
    enum Rule {
        /** {@link Bandwidth#gaussian}, v = mean volume per atom (Å³). */
        gaussian,
        /** {@link Bandwidth#cutoff}, v = mean volume per atom (Å³). */
        cutoff;

        /** h for the mean volume per atom v. */
        double apply(double volumePerAtom) {
            return Bandwidth.Rule.valueOf(name().toUpperCase(java.util.Locale.ROOT)).apply(volumePerAtom);
        }
    }

    @Option(names = {"-b", "--bandwidth"}, paramLabel = "H",
            description = "Gaussian kernel bandwidth h, in 1/angstrom (descriptor units). Default: " + Bandwidth.DEFAULT + ".")
    Double value;

    @Option(names = "--bandwidth-rule", paramLabel = "RULE",
            description = "Derive h from the data instead: ${COMPLETION-CANDIDATES} (from the mean volume per atom of periodic structures; "
                    + "the two rules of upstream QUESTS, see 'atomcover bandwidth --help').")
    Rule rule;

    /** The fixed bandwidth asked for, or the default when neither a value nor a rule was given. */
    double fixed() {
        return value == null ? Bandwidth.DEFAULT : value;
    }

    /** True when the bandwidth is a positive finite number. */
    static boolean valid(double h) {
        return h > 0 && Double.isFinite(h);
    }
}
