package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.Npz;
import io.atomcover.io.NpyArray;
import io.atomcover.structure.Dataset;
import java.util.Map;
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

    @Test
    void npzHoldsTheMatrixWithOffsetsAndSpecies() throws Exception {
        Path molecules = Cli.writeMolecules(tmp);
        Path npy = tmp.resolve("m.npy");
        Path npz = tmp.resolve("m.npz");
        assertEquals(0, Cli.run("descriptors", molecules.toString(), "-o", npy.toString(), "-k", "4").exit());
        Cli.Run r = Cli.run("descriptors", molecules.toString(), "-o", npz.toString(), "-k", "4");
        assertEquals(0, r.exit(), r::toString);
        Map<String, NpyArray> z = Npz.read(npz);
        assertEquals(java.util.List.of("X", "offsets", "species"), java.util.List.copyOf(z.keySet()));
        NpyFile plain = NpyFile.read(npy);
        assertArrayEquals(new long[] {12, 7}, z.get("X").shape());
        assertArrayEquals(plain.data(), z.get("X").data(), "X is the .npy matrix");
        // Rows of structure s are offsets[s] .. offsets[s+1]; species[i] is the atomic number of row i's atom.
        Dataset ds = ExtXyzReader.read(molecules);
        double[] offsets = z.get("offsets").data();
        double[] species = z.get("species").data();
        assertEquals(ds.size() + 1, offsets.length);
        assertEquals(0, offsets[0]);
        for (int s = 0; s < ds.size(); s++) {
            int[] atoms = ds.get(s).atomicNumbers();
            assertEquals(atoms.length, offsets[s + 1] - offsets[s], "structure " + s);
            for (int a = 0; a < atoms.length; a++) assertEquals(atoms[a], species[(int) offsets[s] + a], "structure " + s + " atom " + a);
        }
    }

    @Test
    void fchl19PadRowsHaveSpeciesZero() throws Exception {
        Path npz = tmp.resolve("p.npz");
        Cli.Run r = Cli.run("descriptors", SelectCommandTest.TARGETS.toString(), "--type=fchl19", "--pad", "12", "-o", npz.toString());
        assertEquals(0, r.exit(), r::toString);
        Map<String, NpyArray> z = Npz.read(npz);
        Dataset ds = ExtXyzReader.read(SelectCommandTest.TARGETS);
        double[] offsets = z.get("offsets").data();
        double[] species = z.get("species").data();
        for (int s = 0; s < ds.size(); s++) {
            assertEquals(12 * s, offsets[s]);
            int n = ds.get(s).size();
            for (int i = 0; i < 12; i++) assertEquals(i < n ? ds.get(s).atomicNumbers()[i] : 0, species[12 * s + i], "frame " + s + " row " + i);
        }
    }
}
