package io.atomcover.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.io.ExtXyzReader;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameArraysTest {
    /** A periodic frame with forces, then a molecule with a name: what the arrays below spell out. */
    static final String EXTXYZ = """
            2
            Lattice="5.43 0.0 0.0 0.1 5.43 0.0 0.0 0.0 5.43" Properties=species:S:1:pos:R:3:forces:R:3 energy=-10.5 pbc="T T F"
            Si 0.0 0.0 0.0 0.125 -0.25 1e-3
            Si 1.3575 1.3575 1.3575 -0.125 0.25 -1e-3
            3
            Properties=species:S:1:pos:R:3 name=water pbc="F F F"
            O 0.0 0.0 0.1173
            H 0.0 0.7572 -0.4692
            H 0.0 -0.7572 -0.4692
            """;

    static Dataset fromArrays() {
        return FrameArrays.of(new int[] {2, 3}, new int[] {14, 14, 8, 1, 1},
                        new double[] {0, 0, 0, 1.3575, 1.3575, 1.3575, 0, 0, 0.1173, 0, 0.7572, -0.4692, 0, -0.7572, -0.4692})
                .cells(new double[] {5.43, 0, 0, 0.1, 5.43, 0, 0, 0, 5.43, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                        new boolean[] {true, false}, new boolean[] {true, true, false, false, false, false})
                .forces(new double[] {0.125, -0.25, 1e-3, -0.125, 0.25, -1e-3, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new boolean[] {true, false})
                .info(new int[] {1, 1}, new String[] {"energy", "name"}, new String[] {"-10.5", "water"})
                .dataset();
    }

    @Test
    void sameStructuresAsTheReaderGives() {
        Dataset read = ExtXyzReader.read(new StringReader(EXTXYZ), Path.of("t.extxyz"));
        Dataset built = fromArrays();
        assertNull(built.source());
        assertArrayEquals(read.atomOffsets(), built.atomOffsets());
        for (int s = 0; s < read.size(); s++) {
            Structure a = read.get(s), b = built.get(s);
            assertArrayEquals(a.atomicNumbers(), b.atomicNumbers());
            for (int i = 0; i < a.size(); i++) assertEquals(a.symbol(i), b.symbol(i));
            assertArrayEquals(a.positions(), b.positions());
            assertArrayEquals(a.cell(), b.cell());
            assertArrayEquals(a.pbc(), b.pbc());
        }
        assertArrayEquals(read.get(0).column("forces").reals(), built.get(0).column("forces").reals());
        assertNull(built.get(1).column("forces"));
        assertEquals("-10.5", built.get(0).info().get("energy"));
        assertEquals("water", built.get(1).info().get("name"));
        // The tokens read back as the values.
        String[] tokens = built.get(0).column("forces").tokens();
        for (int i = 0; i < tokens.length; i++) assertEquals(built.get(0).column("forces").reals()[i], Double.parseDouble(tokens[i]));
    }

    @Test
    void badFramesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameArrays.of(new int[] {1, 1}, new int[] {1, 0}, new double[6]).dataset());
        assertTrue(e.getMessage().startsWith("frame 1, atom 0:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FrameArrays.of(new int[] {1}, new int[] {1}, new double[3])
                .cells(new double[9], new boolean[] {false}, new boolean[] {true, false, false}).dataset());
        assertTrue(e.getMessage().startsWith("frame 0:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrameArrays.of(new int[] {2}, new int[] {1}, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> FrameArrays.of(new int[] {1}, new int[] {1}, new double[3])
                .info(new int[] {2}, new String[] {"a"}, new String[] {"b"}));
    }
}
