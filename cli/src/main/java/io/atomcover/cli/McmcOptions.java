package io.atomcover.cli;

import io.atomcover.generate.McmcParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Settings of a Monte Carlo chain (mcmc, active-learning); defaults are upstream QUESTS's. */
public final class McmcOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--steps", paramLabel = "N", description = "Monte Carlo steps per chain. Default: ${DEFAULT-VALUE}.")
    int steps = McmcParameters.DEFAULT.steps();

    @Option(names = {"-t", "--target"}, paramLabel = "DH",
            description = "dH (nats) each environment should reach against the reference; the score is the mean of "
                    + "|dH_i - DH| over the structure's environments. Default: ${DEFAULT-VALUE}.")
    double target = McmcParameters.DEFAULT.target();

    @Option(names = "--temperature", paramLabel = "KT",
            description = "kT at the start of each annealing cycle, in score units (nats). Default: ${DEFAULT-VALUE}.")
    double temperature = McmcParameters.DEFAULT.temperature();

    @Option(names = "--displacement", paramLabel = "ANGSTROM",
            description = "Standard deviation of the Gaussian displacement of every coordinate per step. Default: ${DEFAULT-VALUE}.")
    double displacement = McmcParameters.DEFAULT.displacement();

    @Option(names = "--cycles", paramLabel = "N",
            description = "Annealing cycles: kT falls linearly to 0 (floored at 1e-3 kT) within each steps/N steps. Default: ${DEFAULT-VALUE}.")
    int cycles = McmcParameters.DEFAULT.cycles();

    McmcParameters parameters() {
        try {
            return new McmcParameters(steps, temperature, displacement, target, cycles, McmcParameters.DEFAULT.minTemperature());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    void validate() {
        var cl = mixee.commandLine();
        if (steps < 1) throw new ParameterException(cl, "--steps must be at least 1, got " + steps);
        if (!Double.isFinite(target)) throw new ParameterException(cl, "--target must be a finite number, got " + target);
        if (!(temperature > 0) || Double.isInfinite(temperature)) throw new ParameterException(cl, "--temperature must be positive, got " + temperature);
        if (!(displacement >= 0) || Double.isInfinite(displacement)) throw new ParameterException(cl, "--displacement must be at least 0, got " + displacement);
        if (cycles < 1) throw new ParameterException(cl, "--cycles must be at least 1, got " + cycles);
    }
}
