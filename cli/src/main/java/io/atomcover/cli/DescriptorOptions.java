package io.atomcover.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** QUESTS descriptor settings shared by the commands that compute descriptors. */
public final class DescriptorOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-k", "--neighbours"}, paramLabel = "K",
            description = "Nearest neighbours per environment; the descriptor has 2K-1 values. Default: ${DEFAULT-VALUE}.")
    int k = 32;

    @Option(names = {"-c", "--cutoff"}, paramLabel = "ANGSTROM",
            description = "Cutoff radius of the neighbour weight, in angstrom. Default: ${DEFAULT-VALUE}.")
    double cutoff = 5.0;

    @Option(names = "--multicomponent",
            description = "Append one descriptor block per chemical species (computed on that species' atoms alone).")
    boolean multicomponent;

    void validate() {
        if (k < 1) throw new ParameterException(mixee.commandLine(), "-k must be at least 1, got " + k);
        if (!(cutoff > 0) || Double.isInfinite(cutoff))
            throw new ParameterException(mixee.commandLine(), "--cutoff must be a positive number of angstrom, got " + cutoff);
    }
}
