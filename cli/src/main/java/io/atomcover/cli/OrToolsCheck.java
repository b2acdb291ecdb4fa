package io.atomcover.cli;

/**
 * Fails early, in one line, when the ILP is asked for and OR-Tools is not on the class path. The
 * command-line jar leaves OR-Tools out (about 80 MB of natives for five platforms); the launchers add
 * it from a folder beside the jar ({@code lib/ortools/} in the distribution, {@code cli/target/ortools/}
 * in a build), so only a hand-made class path can lack it.
 */
final class OrToolsCheck {
    /** A class of OR-Tools' Java jar, looked up without loading any native library. */
    static final String PROBE = "com.google.ortools.Loader";

    private OrToolsCheck() {
    }

    /** @throws CliFailure naming {@code what} and the fix when OR-Tools cannot be found */
    static void require(String what) {
        try {
            Class.forName(PROBE, false, OrToolsCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CliFailure(what + " needs OR-Tools, which is not on the class path: run the atomcover launcher "
                    + "(bin/atomcover, or ./atomcover in the source tree), which adds lib/ortools/*.jar "
                    + "(cli/target/ortools/*.jar in a build), or add those jars to -cp; --solver bnb and the other methods work without it");
        }
    }
}
