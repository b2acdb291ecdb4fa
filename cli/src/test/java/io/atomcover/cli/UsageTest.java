package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help, --version and bad usage (exit 2) of every command. */
class UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"descriptors", "entropy", "overlap", "dh", "bench"})
    void helpOfEachCommandIsAManualAndExitsZero(String command) {
        Cli.Run r = Cli.run(command, "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Usage: atomcover " + command + " "), r::toString);
        assertTrue(r.out().contains("Examples:"), "an example in the footer: " + r);
        assertTrue(r.out().contains("--threads"), "common options listed: " + r);
        assertTrue(r.out().contains("Default:"), "defaults shown: " + r);
        assertEquals("", r.err());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Run r = Cli.run("--help");
        assertEquals(0, r.exit(), r::toString);
        for (String c : new String[] {"descriptors", "entropy", "overlap", "dh", "bench"})
            assertTrue(r.out().contains("  " + c + " "), c + " missing from: " + r.out());
    }

    @Test
    void defaultsAppearInTheManual() {
        String out = Cli.run("entropy", "--help").out();
        assertTrue(out.contains("Default: 0.015"), out);
        assertTrue(out.contains("Default: 32"), out);
        assertTrue(out.contains("Default: 5."), out);
        assertTrue(Cli.run("overlap", "--help").out().contains("Default: 1e-5"));
        assertTrue(Cli.run("select", "--help").out().replaceAll("\\s+", " ").contains("through OR-Tools). Default: bnb."));
    }

    /** Every command's defaults as a user types them: no "5.0", "1.0E-5" or "CPSAT". */
    @Test
    void defaultsAreSpelledAsTyped() {
        java.util.regex.Pattern javaSpelling = java.util.regex.Pattern.compile("Default: [^ ,]*(\\d\\.0\\b|\\dE-?\\d|\\b[A-Z]{2,}[A-Z_]*\\b)");
        for (String command : Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands().keySet()) {
            String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
            var m = javaSpelling.matcher(help);
            assertFalse(m.find(), command + ": " + (m.find(0) ? m.group() : ""));
        }
    }

    /**
     * One option, one short name: wherever a short name appears it stands for the same long name (a
     * plural for options that take a list, such as --methods, counts as the same).
     */
    @Test
    void shortNamesMeanTheSameOptionInEveryCommand() {
        java.util.Map<String, java.util.Map<String, String>> longs = new java.util.TreeMap<>();
        var root = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        root.getSubcommands().forEach((name, cl) -> {
            for (var o : cl.getCommandSpec().options()) {
                String shortName = null, longName = null;
                for (String n : o.names()) {
                    if (n.startsWith("--")) longName = longName == null ? n : longName;
                    else if (n.startsWith("-")) shortName = n;
                }
                if (shortName == null || shortName.equals("-h") || shortName.equals("-V")) continue;
                longs.computeIfAbsent(shortName, k -> new java.util.TreeMap<>()).put(name, longName == null ? "" : longName.replaceAll("s$", ""));
            }
        });
        for (var e : longs.entrySet())
            assertEquals(1, new java.util.HashSet<>(e.getValue().values()).size(), e.getKey() + " stands for " + e.getValue());
        // The ones the ILPSelect commands share.
        for (String c : new String[] {"select", "learning-curve", "experiment"}) {
            assertEquals("--database", longs.get("-d").get(c), c);
            assertEquals("--target", longs.get("-t").get(c), c);
            assertEquals("--output", longs.get("-o").get(c), c);
        }
        for (String c : new String[] {"descriptors", "entropy", "overlap", "dh", "compress", "compare", "select", "learning-curve", "bench", "devices"})
            assertEquals("--output", longs.get("-o").get(c), c + " writes its output with -o/--output");
    }

    @Test
    void versionNamesTheProgramAndJava() {
        Cli.Run r = Cli.run("--version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("atomcover "), r::toString);
        assertTrue(r.out().contains("Java "), r::toString);
        assertEquals(0, Cli.run("entropy", "--version").exit());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run r = Cli.run();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: missing command"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "entropy",                                      // missing FILE
            "entropy x.extxyz --frobnicate",                // unknown option
            "entropy x.extxyz -b -0.1",                     // negative bandwidth
            "entropy x.extxyz --bandwidth=0",               // zero bandwidth
            "entropy x.extxyz -b 0.02 --bandwidth-rule gaussian", // exclusive options
            "entropy x.extxyz --bandwidth-rule silverman",  // unknown rule
            "entropy x.npy --bandwidth-rule gaussian",      // rule needs structures
            "entropy x.extxyz --threads 0",
            "entropy x.extxyz -k 0",
            "entropy x.extxyz -c -5",
            "entropy x.extxyz -b abc",
            "descriptors x.extxyz",                         // -o is required
            "overlap x.extxyz",                             // REF missing
            "overlap x.extxyz y.extxyz -e abc",
            "dh x.extxyz y.extxyz",                         // -o is required
            "bench --repeat 0",
            "bench --warmup -1",
            "nonsense"})
    void badUsageExitsTwoWithOneMessageAndAPointerToHelp(String commandLine) {
        Cli.Run r = Cli.run(commandLine.split(" "));
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("atomcover: "), r::toString);
        assertTrue(r.err().contains("--help' for more information."), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertEquals("", r.out());
    }

    @Test
    void misspeltOptionGetsASuggestion() {
        Cli.Run r = Cli.run("entropy", "x.extxyz", "--bandwith", "0.01");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--bandwidth"), r::toString);
    }
}
