package io.atomcover.ilpselect.fchl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.ilpselect.krr.Energies;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.InputException;
import io.atomcover.structure.Dataset;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors name the line when the dataset knows where the frame starts, else the frame (and atom). */
class Fchl19InputsTest {
    private static final Path FILE = Path.of("m.xyz");
    /** Frame 0 (lines 1-4) H2, frame 1 (lines 5-8) CO without energy. */
    private static final String XYZ = "2\nenergy=-1\nH 0 0 0\nH 0.7 0 0\n2\nname=co\nC 0 0 0\nO 1.1 0 0\n";

    private static final Fchl19 CHN = Fchl19Inputs.representation(List.of(1, 6, 7));

    @Test
    void knownLinesAreNamedAsInTheFile() {
        Dataset ds = ExtXyzReader.read(new StringReader(XYZ), FILE);
        InputException e = assertThrows(InputException.class, () -> Fchl19Inputs.check(ds, CHN, 0));
        assertEquals("m.xyz:8: element O is not in the FCHL19 element list [1, 6, 7] (see --elements)", e.getMessage());
        e = assertThrows(InputException.class, () -> Energies.of(ds, 1, "energy"));
        assertEquals("m.xyz:6: frame 1 has no 'energy' info value", e.getMessage());
        assertEquals(6, Energies.commentLine(ds, 1));
    }

    @Test
    void unknownLinesNameTheFrame() {
        Dataset ds = new Dataset(FILE, ExtXyzReader.read(new StringReader(XYZ), FILE).structures());
        InputException e = assertThrows(InputException.class, () -> Fchl19Inputs.check(ds, CHN, 0));
        assertEquals("m.xyz: frame 1, atom 1: element O is not in the FCHL19 element list [1, 6, 7] (see --elements)", e.getMessage());
        assertEquals(0, e.line());
        e = assertThrows(InputException.class, () -> Energies.of(ds, 1, "energy"));
        assertEquals("m.xyz: frame 1 has no 'energy' info value", e.getMessage());
        e = Fchl19Inputs.frameError(FILE, ds, 1, 1, "target co has the same file name");
        assertEquals("m.xyz: frame 1: target co has the same file name", e.getMessage());
        assertEquals(0, Fchl19Inputs.lineIn(ds, 1, 2));
    }
}
