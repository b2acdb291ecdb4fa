package io.atomcover.structure;

import java.util.HashMap;
import java.util.Map;

/** Chemical element symbols and atomic numbers (H = 1 ... Og = 118). */
public final class Elements {
    private static final String[] SYMBOLS = {
            "X", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si",
            "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu",
            "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru",
            "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr",
            "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W",
            "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac",
            "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf",
            "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"
    };
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        for (int z = 1; z < SYMBOLS.length; z++) NUMBERS.put(SYMBOLS[z], z);
    }

    private Elements() {
    }

    /** Atomic number of a symbol (case-sensitive, "Si" not "SI"), or 0 when unknown. */
    public static int atomicNumber(String symbol) {
        Integer z = NUMBERS.get(symbol);
        return z == null ? 0 : z;
    }

    /** Symbol of an atomic number. */
    public static String symbol(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber >= SYMBOLS.length)
            throw new IllegalArgumentException("no element with atomic number " + atomicNumber);
        return SYMBOLS[atomicNumber];
    }
}
