package io.atomcover.generate;

/**
 * Settings of one Monte Carlo chain (upstream QUESTS's {@code augment_pbc}).
 *
 * @param steps        proposals
 * @param temperature  kT at the start of each annealing cycle (score units)
 * @param displacement standard deviation of the Gaussian displacement of every coordinate, Å
 * @param target       dH each environment should reach against the reference
 * @param cycles       annealing cycles: kT falls linearly from {@code temperature} to 0 within each
 *                     period of steps/cycles steps, floored at {@code minTemperature}
 * @param minTemperature floor of kT as a fraction of {@code temperature}
 */
public record McmcParameters(int steps, double temperature, double displacement, double target, int cycles,
                             double minTemperature) {
    /** Upstream's defaults: 1000 steps, kT 1, 0.02 Å, target 30, 3 cycles, floor 1e-3. */
    public static final McmcParameters DEFAULT = new McmcParameters(1000, 1.0, 0.02, 30, 3, 1e-3);

    public McmcParameters {
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        if (!(displacement >= 0) || Double.isInfinite(displacement)) throw new IllegalArgumentException("displacement must be at least 0, got " + displacement);
        if (!Double.isFinite(target)) throw new IllegalArgumentException("target must be finite, got " + target);
        if (cycles < 1) throw new IllegalArgumentException("cycles must be at least 1, got " + cycles);
        if (!(minTemperature > 0 && minTemperature <= 1)) throw new IllegalArgumentException("minTemperature must be in (0, 1], got " + minTemperature);
    }

    /**
     * kT at {@code step} (0-based): {@code temperature · max(1 − (step mod P)/P, minTemperature)} with
     * the period {@code P = max(1, steps / cycles)} (integer division), upstream's {@code annealing}.
     */
    public double kT(int step) {
        int period = Math.max(1, steps / cycles);
        double phase = (double) (step % period) / period;
        return temperature * Math.max(1 - phase, minTemperature);
    }

    /** The same settings with another number of steps. */
    public McmcParameters withSteps(int n) {
        return new McmcParameters(n, temperature, displacement, target, cycles, minTemperature);
    }
}
