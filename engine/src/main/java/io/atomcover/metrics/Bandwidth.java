package io.atomcover.metrics;


/** Kernel bandwidth choices (docs/methods.md, "Bandwidth"). */
public final class Bandwidth {
    private Bandwidth() {
    }

    /** The default bandwidth h = 0.015 Å⁻¹ of QUESTS. */
    public static final double DEFAULT = 0.015;

    /** Volume scale of the "cutoff" rule: (ln v)² at and beyond which h takes its floor, 0.016. */
    public static final double CUTOFF_SCALE = 11.61172;

    /** The two rules of upstream QUESTS that derive h from the volume per atom. */
    public enum Rule {
        /** {@link #gaussian(double)}. */
        GAUSSIAN,
        /** {@link #cutoff(double)}. */
        CUTOFF;

        /** h for a volume per atom v (Å³/atom). */
        public double apply(double volumePerAtom) {
            return this == GAUSSIAN ? gaussian(volumePerAtom) : cutoff(volumePerAtom);
        }

        /** The rule's name as typed on the command line ("gaussian", "cutoff"). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The "gaussian" rule: {@code h = 0.0897141·exp(-0.5·(v/10.896)²) + 0.0119417} for a volume per
     * atom v in Å³/atom.
     */
    public static double gaussian(double volumePerAtom) {
        double u = volumePerAtom / 10.896;
        return 0.0897141 * Math.exp(-0.5 * u * u) + 0.0119417;
    }

    /**
     * The "cutoff" rule: with {@code z = (ln v)²} clamped to {@value #CUTOFF_SCALE},
     * {@code h = 0.086164·(1 - (z/11.61172)²)² + 0.016} for a volume per atom v in Å³/atom. It
     * falls from 0.102164 at v = 1 to its floor 0.016 at v = e^√11.61172 ≈ 30.1 Å³/atom and stays
     * there. For v below 1 Å³/atom (ln v negative) z grows again, as upstream's formula does.
     *
     * @throws IllegalArgumentException when v is not positive
     */
    public static double cutoff(double volumePerAtom) {
        if (!(volumePerAtom > 0)) throw new IllegalArgumentException("volume per atom must be positive, got " + volumePerAtom);
        double l = Math.log(volumePerAtom);
        double z = Math.min(l * l, CUTOFF_SCALE) / CUTOFF_SCALE;
        double w = 1 - z * z;
        return 0.086164 * w * w + 0.016;
    }
}
