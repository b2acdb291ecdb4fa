package io.atomcover.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalChainingTest {
    @TempDir
    Path tmp;

    /** The build preloads libjsig into every test JVM (parent pom, Linux profile): the OpenCL tests need it. */
    @Test
    void testJvmsChainSignals() {
        assumeTrue(SignalChaining.applies(), "signal chaining is arranged through LD_PRELOAD on Linux only");
        assertTrue(SignalChaining.library().isPresent(), "this Java has no lib/libjsig.so");
        assertTrue(SignalChaining.active(), "libjsig is not mapped into the test JVM: LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
    }

    @Test
    void chainingIsReadFromTheMappedLibraries() throws Exception {
        Path with = Files.writeString(tmp.resolve("with"), String.join("\n",
                "55d0a0a00000-55d0a0a01000 r--p 00000000 fd:01 123 /usr/lib/jvm/java-17/bin/java",
                "7f00c0000000-7f00c0001000 r-xp 00001000 fd:01 456 /usr/lib/jvm/java-17/lib/libjsig.so",
                ""));
        Path without = Files.writeString(tmp.resolve("without"), String.join("\n",
                "55d0a0a00000-55d0a0a01000 r--p 00000000 fd:01 123 /usr/lib/jvm/java-17/bin/java",
                "7f00c0000000-7f00c0001000 r-xp 00001000 fd:01 789 /tmp/libjsig.so.backup",
                ""));
        assertTrue(SignalChaining.mapped(with));
        assertFalse(SignalChaining.mapped(without));
        assertFalse(SignalChaining.mapped(tmp.resolve("missing")));
    }

    @Test
    void preloadGoesFirstAndOnlyOnce() throws Exception {
        assumeTrue(SignalChaining.applies() && SignalChaining.library().isPresent(), "needs Linux and a libjsig");
        String lib = SignalChaining.library().get().toString();
        Map<String, String> env = new HashMap<>();
        SignalChaining.preloadInto(env);
        assertEquals(lib, env.get("LD_PRELOAD"));
        SignalChaining.preloadInto(env);
        assertEquals(lib, env.get("LD_PRELOAD"));
        env.put("LD_PRELOAD", "/opt/other.so");
        SignalChaining.preloadInto(env);
        assertEquals(lib + ":/opt/other.so", env.get("LD_PRELOAD"));
    }

    @Test
    void libraryIsLookedUpUnderTheJavaHome() throws Exception {
        assertTrue(SignalChaining.library(tmp).isEmpty());
        Files.createDirectories(tmp.resolve("lib"));
        Path lib = Files.writeString(tmp.resolve("lib/libjsig.so"), "");
        assertEquals(lib, SignalChaining.library(tmp).orElseThrow());
    }
}
