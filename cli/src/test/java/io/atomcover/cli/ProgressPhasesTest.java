package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * With --progress, every long phase draws a bar on stderr (the process's, where the bars go): the
 * phases are recognised by their labels, not by timing.
 */
class ProgressPhasesTest {
    static final String SI = Cli.example("Si-test.extxyz").toString();

    /** Runs the command line (it must succeed) and returns what it drew on System.err. */
    private static String stderrOf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Cli.Run r;
        try {
            r = Cli.run(args);
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, r.exit(), r::toString);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Whether a bar labelled {@code label} and counting {@code unit} was drawn. */
    private static boolean hasBar(String stderr, String label, String unit) {
        return stderr.lines().flatMap(l -> java.util.Arrays.stream(l.split("\r")))
                .anyMatch(l -> l.startsWith(label + " ") && l.contains(unit));
    }

    @Test
    void compressShowsItsMetricsAndStructureEntropies() {
        String bars = stderrOf("compress", SI, "-s", "5", "--compat-check", "--progress", "--threads", "2");
        assertTrue(hasBar(bars, "metrics", "environments"), bars);
        assertTrue(hasBar(bars, "structure entropies", "structures"), bars);
        assertTrue(hasBar(bars, "msc", "picks"), bars);
        assertTrue(hasBar(bars, "compat check", "picks"), bars);
    }

    @Test
    void noBarsWithoutProgress() {
        String bars = stderrOf("compress", SI, "-s", "5", "--no-progress", "--threads", "2");
        assertFalse(bars.contains("metrics"), bars);
    }

    @Test
    void entropyAndDhShowTheirKernelSums() {
        String entropy = stderrOf("entropy", SI, "--progress", "--threads", "2");
        assertTrue(hasBar(entropy, "entropy", "environments"), entropy);
        String dh = stderrOf("overlap", SI, Cli.example("Si-train.extxyz").toString(), "--progress", "--threads", "2");
        assertTrue(hasBar(dh, "dH", "environments"), dh);
    }

    @Test
    void compareShowsStructureEntropiesAndMetricsInEnvironments() {
        String bars = stderrOf("compare", SI, "-s", "3,6", "-m", "fps,random", "--seeds", "2", "--progress", "--threads", "2");
        assertTrue(hasBar(bars, "structure entropies", "structures"), bars);
        assertTrue(hasBar(bars, "fps metrics", "environments"), bars);
        assertTrue(hasBar(bars, "random metrics", "environments"), bars);
    }
}
