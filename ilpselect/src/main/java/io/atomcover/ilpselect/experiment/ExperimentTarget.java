package io.atomcover.ilpselect.experiment;

import io.atomcover.structure.Structure;
import io.atomcover.ilpselect.krr.TargetedKrr;

/**
 * One target molecule of an experiment.
 *
 * @param name     its name (the name key of its frame, else "frame" and its index)
 * @param stem     the name made safe for file names
 * @param molecule the structure
 * @param digest   fingerprint of its atoms, positions and energy
 * @param krr      labels and learning curves against the database
 */
public record ExperimentTarget(String name, String stem, Structure molecule, String digest, TargetedKrr krr) {
    /** {@code name} with every character other than letters, digits, '.', '_' and '-' replaced by '_'. */
    public static String stemOf(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
