package io.atomcover.cli;

import io.atomcover.metrics.Bandwidth;
import picocli.CommandLine.Option;

/** The kernel bandwidth: a fixed value or a rule (mutually exclusive, see {@link EntropyCommand}). */
public final class BandwidthOptions {
    /** Rules that derive the bandwidth from the data. */
    enum Rule {
        /** {@code h = 0.0897141·exp(-0.5·(v/10.896)²) + 0.0119417}, v = mean volume per atom (Å³). */
        gaussian
    }

    @Option(names = {"-b", "--bandwidth"}, paramLabel = "H",
            description = "Gaussian kernel bandwidth h, in 1/angstrom (descriptor units). Default: " + Bandwidth.DEFAULT + ".")
    Double value;

    @Option(names = "--bandwidth-rule", paramLabel = "RULE",
            description = "Derive h from the data instead: ${COMPLETION-CANDIDATES} (from the mean volume per atom of periodic structures).")
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
