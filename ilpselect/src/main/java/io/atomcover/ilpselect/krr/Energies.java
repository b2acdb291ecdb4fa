package io.atomcover.ilpselect.krr;

import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import io.atomcover.io.InputException;
import io.atomcover.structure.Dataset;

/** Total energies read from the info line of each frame, with errors naming file and line (or frame). */
public final class Energies {
    private Energies() {
    }

    /** The energies of every frame under {@code key}. */
    public static double[] all(Dataset ds, String key) {
        double[] e = new double[ds.size()];
        for (int i = 0; i < e.length; i++) e[i] = of(ds, i, key);
        return e;
    }

    /** The energy of frame i; fails naming the frame's comment line. */
    public static double of(Dataset ds, int i, String key) {
        String v = ds.get(i).info().get(key);
        if (v == null) throw new InputException(ds.source(), commentLine(ds, i), "frame " + i + " has no '" + key + "' info value");
        try {
            double e = Double.parseDouble(v);
            if (!Double.isFinite(e)) throw new NumberFormatException();
            return e;
        } catch (NumberFormatException ex) {
            throw new InputException(ds.source(), commentLine(ds, i), "frame " + i + ": " + key + "=" + v + " is not a finite number");
        }
    }

    /** 1-based line of frame i's comment line, or 0 when the frame's line is unknown (the messages name the frame). */
    public static long commentLine(Dataset ds, int i) {
        return Fchl19Inputs.lineIn(ds, i, 1);
    }
}
