package io.atomcover.ilpselect.ilp;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries once per JVM. */
final class OrTools {
    private static boolean loaded;

    private OrTools() {
    }

    static synchronized void load() {
        if (loaded) return;
        try {
            Loader.loadNativeLibraries();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("cannot load the OR-Tools native libraries for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e.getMessage(), e);
        }
        loaded = true;
    }
}
