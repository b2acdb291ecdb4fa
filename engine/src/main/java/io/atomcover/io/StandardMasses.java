package io.atomcover.io;

import io.atomcover.structure.Elements;

/**
 * Standard atomic masses (u) of H to Pu, the values ASE uses (IUPAC 2016, radioactive elements by
 * their longest-lived isotope), for naming LAMMPS atom types by their {@code Masses} entry.
 */
final class StandardMasses {
    private static final double[] MASS = {0,
            1.0080, 4.0026, 6.9400, 9.0122, 10.8100, 12.0110, 14.0070, 15.9990, 18.9984, 20.1797, 22.9898, 24.3050,
            26.9815, 28.0850, 30.9738, 32.0600, 35.4500, 39.9480, 39.0983, 40.0780, 44.9559, 47.8670, 50.9415, 51.9961,
            54.9380, 55.8450, 58.9332, 58.6934, 63.5460, 65.3800, 69.7230, 72.6300, 74.9216, 78.9710, 79.9040, 83.7980,
            85.4678, 87.6200, 88.9058, 91.2240, 92.9064, 95.9500, 97.9072, 101.0700, 102.9055, 106.4200, 107.8682,
            112.4140, 114.8180, 118.7100, 121.7600, 127.6000, 126.9045, 131.2930, 132.9055, 137.3270, 138.9055,
            140.1160, 140.9077, 144.2420, 144.9128, 150.3600, 151.9640, 157.2500, 158.9254, 162.5000, 164.9303,
            167.2590, 168.9342, 173.0540, 174.9668, 178.4900, 180.9479, 183.8400, 186.2070, 190.2300, 192.2170,
            195.0840, 196.9666, 200.5920, 204.3800, 207.2000, 208.9804, 208.9824, 209.9872, 222.0176, 223.0197,
            226.0254, 227.0277, 232.0377, 231.0359, 238.0289, 237.0482, 244.0642};

    /**
     * How far (u) a given mass may be from the standard one: wide enough for older tables (Si
     * 28.0855, O 15.9994, H 1.00794), narrow enough to tell apart the closest elements but one (Ar and
     * Ca are 0.13 u apart); Bi and Po (0.002 u apart) stay ambiguous.
     */
    static final double TOLERANCE = 0.05;

    private StandardMasses() {
    }

    /** The one element whose standard mass is within {@link #TOLERANCE} of {@code mass}, or null (none, or several). */
    static String element(double mass) {
        int found = 0;
        for (int z = 1; z < MASS.length; z++) {
            if (Math.abs(MASS[z] - mass) <= TOLERANCE) {
                if (found != 0) return null;
                found = z;
            }
        }
        return found == 0 ? null : Elements.symbol(found);
    }
}
