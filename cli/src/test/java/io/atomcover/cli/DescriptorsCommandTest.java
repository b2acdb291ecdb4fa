package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesAnEnvironmentsByValuesFloat64Matrix() throws Exception {
        Path in = Cli.example("Si-test.extxyz");
        Path out = tmp.resolve("si-test.npy");
        Cli.Run r = Cli.run("descriptors", in.toString(), "-o", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r::toString);

        NpyFile npy = NpyFile.read(out);
        Descriptors expected = new QuestsDescriptor(32, 5.0).compute(ExtXyzReader.read(in).structures(), 1, ProgressListener.NONE);
        assertArrayEquals(new int[] {expected.rows(), 63}, npy.shape());
        assertArrayEquals(expected.data(), npy.data(), "same values as the engine computes");
        assertTrue(r.out().contains("25 structures, " + expected.rows() + " environments, dim 63"), r::toString);
        assertEquals(1, r.out().lines().count(), "a one-line summary");
    }

    @Test
    void neighbourCountSetsTheRowLength() throws Exception {
        Path out = tmp.resolve("m.npy");
        Cli.Run r = Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "-o", out.toString(), "-k", "4", "-c", "3.0");
        assertEquals(0, r.exit(), r::toString);
        assertArrayEquals(new int[] {12, 7}, NpyFile.read(out).shape());
    }

    @Test
    void multicomponentAppendsABlockPerSpecies() throws Exception {
        Path out = tmp.resolve("mc.npy");
        Cli.Run r = Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "-o", out.toString(), "-k", "4", "--multicomponent");
        assertEquals(0, r.exit(), r::toString);
        // species C, H, N, O: one block for all atoms plus one per species, 7 values each
        assertArrayEquals(new int[] {12, 5 * 7}, NpyFile.read(out).shape());
    }
}
