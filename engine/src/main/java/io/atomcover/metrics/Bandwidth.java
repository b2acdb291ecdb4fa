package io.atomcover.metrics;


/** Kernel bandwidth choices (docs/methods.md, "Bandwidth"). */
public final class Bandwidth {
    private Bandwidth() {
    }

    /** The default bandwidth h = 0.015 Å⁻¹ of QUESTS. */
    public static final double DEFAULT = 0.015;

    /**
     * The "gaussian" rule: {@code h = 0.0897141·exp(-0.5·(v/10.896)²) + 0.0119417} for a volume per
     * atom v in Å³/atom.
     */
    public static double gaussian(double volumePerAtom) {
        double u = volumePerAtom / 10.896;
        return 0.0897141 * Math.exp(-0.5 * u * u) + 0.0119417;
    }
}
