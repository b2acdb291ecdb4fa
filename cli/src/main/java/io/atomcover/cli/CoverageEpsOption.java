package io.atomcover.cli;

import io.atomcover.metrics.InformationMetrics;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The dH threshold of the overlap in a selection's summary, for compress and compare. */
public final class CoverageEpsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-e", "--eps"}, paramLabel = "EPS",
            description = "dH threshold below which an environment counts as covered, for the overlap. Default: ${DEFAULT-VALUE}.")
    double eps = InformationMetrics.DEFAULT_OVERLAP_EPS;

    void validate() {
        if (Double.isNaN(eps)) throw new ParameterException(mixee.commandLine(), "--eps must be a number");
    }
}
