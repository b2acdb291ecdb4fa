package io.atomcover.cli;

import io.atomcover.metrics.Bandwidth;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A fixed kernel bandwidth, for the commands that compare two datasets. */
public final class FixedBandwidthOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-b", "--bandwidth"}, paramLabel = "H",
            description = "Gaussian kernel bandwidth h, in 1/angstrom (descriptor units). Default: ${DEFAULT-VALUE}.")
    double h = Bandwidth.DEFAULT;

    void validate() {
        if (!BandwidthOptions.valid(h))
            throw new ParameterException(mixee.commandLine(), "--bandwidth must be a positive number, got " + h);
    }
}
