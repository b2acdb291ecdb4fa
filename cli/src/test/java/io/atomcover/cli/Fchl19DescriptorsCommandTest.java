package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Dataset;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fchl19DescriptorsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void rowsOfAllAtomsOfAllFramesInFileOrder() throws Exception {
        Path out = tmp.resolve("f.npy");
        Cli.Run r = Cli.run("descriptors", SelectCommandTest.TARGETS.toString(), "--type", "fchl19", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        Dataset ds = ExtXyzReader.read(SelectCommandTest.TARGETS);
        double[] expected = concat(Fchl19.defaults().compute(ds.get(0)), Fchl19.defaults().compute(ds.get(1)));
        NpyFile npy = NpyFile.read(out);
        assertArrayEquals(new int[] {ds.get(0).size() + ds.get(1).size(), 720}, npy.shape());
        assertArrayEquals(expected, npy.data());
    }

    @Test
    void padGivesNRowsPerFrameZeroFilledAndTheElementListSetsTheLayout() throws Exception {
        Path out = tmp.resolve("p.npy");
        Cli.Run r = Cli.run("descriptors", SelectCommandTest.TARGETS.toString(), "--type=fchl19", "--pad", "12",
                "--elements", "1,6,7,8", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        Dataset ds = ExtXyzReader.read(SelectCommandTest.TARGETS);
        Fchl19 rep = Fchl19.builder().elements(1, 6, 7, 8).build();
        double[] expected = concat(rep.compute(ds.get(0), 12), rep.compute(ds.get(1), 12));
        NpyFile npy = NpyFile.read(out);
        assertArrayEquals(new int[] {24, rep.dim()}, npy.shape());
        assertArrayEquals(expected, npy.data());
        int dim = rep.dim();
        assertTrue(Arrays.stream(npy.data(), 10 * dim, 12 * dim).allMatch(v -> v == 0), "rows past the 10 atoms of frame 0 are zero");
    }

    @Test
    void aFrameLargerThanThePadOrAnUnlistedElementFailsNamingFileAndLine() throws Exception {
        Path out = tmp.resolve("x.npy");
        Cli.Run r = Cli.run("descriptors", SelectCommandTest.TARGETS.toString(), "--type", "fchl19", "--pad", "10", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("targets.extxyz:13: frame 1 has 11 atoms, more than --pad 10"), r::toString);
        assertFalse(Files.exists(out));

        r = Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "--type", "fchl19", "--elements", "1,6,7", "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("molecules.extxyz:3: element O is not in the FCHL19 element list"), r::toString);
        assertFalse(Files.exists(out));

        assertEquals(2, Cli.run("descriptors", Cli.writeMolecules(tmp).toString(), "--pad", "4", "-o", out.toString()).exit(),
                "--pad needs --type fchl19");
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
