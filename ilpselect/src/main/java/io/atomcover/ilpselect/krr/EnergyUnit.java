package io.atomcover.ilpselect.krr;

import java.util.Locale;

/** Energy units of a dataset's labels, with the factor that converts them to kcal/mol. */
public enum EnergyUnit {
    /** Hartree (QM7 and the ILPSelect targets); 1 Ha = 627.5095 kcal/mol as in the ILPSelect paper. */
    HARTREE(627.5095),
    /** Electronvolt; 1 eV = 23.060548 kcal/mol. */
    EV(23.060548),
    /** Already kcal/mol. */
    KCAL_MOL(1.0);

    private final double toKcalPerMol;

    EnergyUnit(double toKcalPerMol) {
        this.toKcalPerMol = toKcalPerMol;
    }

    /** The value in kcal/mol. */
    public double toKcalPerMol(double value) {
        return value * toKcalPerMol;
    }

    /** Factor from this unit to kcal/mol. */
    public double kcalPerMolFactor() {
        return toKcalPerMol;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
