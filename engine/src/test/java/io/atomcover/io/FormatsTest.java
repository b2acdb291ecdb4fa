package io.atomcover.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.structure.AtomColumn;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every format reads to what ASE 3.22.1 reads from the same file (ase-values.json, written by
 * make_fixtures.py next to the fixtures), and the engine gives the same entropy for a fixture and
 * for its extxyz twin written by ASE: bit for bit where the format holds the twin's numbers exactly
 * (Cartesian coordinates), within 1e-7 (relative) where positions are computed from fractional ones
 * and the twin keeps only 8 decimals of them (up to 5e-9 Å off; the positions themselves agree with
 * ASE's to 1e-11 Å in {@link #readsWhatAseReads}).
 */
class FormatsTest {
    static final String DIR = "/io/formats/";
    /** Absolute tolerance (Å, eV, eV/Å) against ASE; both parse the same decimal text. */
    static final double TOL = 1e-12;
    private static JsonNode ase;
    private static CpuKdeBackend backend;

    @BeforeAll
    static void load() throws IOException {
        ase = new ObjectMapper().readTree(FormatsTest.class.getResourceAsStream(DIR + "ase-values.json"));
        backend = new CpuKdeBackend(1);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static Path fixture(String name) {
        try {
            return Path.of(FormatsTest.class.getResource(DIR + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset read(String spec, ReadOptions options) {
        return StructureFiles.read(InputSpec.parse(spec), options, new ByteArrayInputStream(new byte[0]));
    }

    static ReadOptions options(JsonNode entry) {
        Map<Integer, String> types = new TreeMap<>();
        JsonNode t = entry.get("types");
        if (t != null) for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            types.put(Integer.parseInt(e.getKey()), e.getValue().asText());
        }
        return new ReadOptions(types);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSCAR-direct", "POSCAR-cartesian.vasp", "CONTCAR-selective", "POSCAR-volume",
            "sio2-atomic.data", "sio2-full.data", "sio2-ortho.lammpstrj", "sio2-triclinic.dump", "sio2-scaled.lammpstrj",
            "vasprun.xml", "OUTCAR"})
    void readsWhatAseReads(String name) {
        JsonNode entry = ase.get(name);
        Dataset ds = read(fixture(name).toString(), options(entry));
        JsonNode frames = entry.get("frames");
        assertEquals(frames.size(), ds.size(), name + ": frames");
        for (int f = 0; f < ds.size(); f++) {
            String where = name + " frame " + f;
            Structure s = ds.get(f);
            JsonNode a = frames.get(f);
            assertEquals(a.get("symbols").size(), s.size(), where);
            for (int i = 0; i < s.size(); i++) assertEquals(a.get("symbols").get(i).asText(), s.symbol(i), where + " atom " + i);
            for (int k = 0; k < 3; k++) assertEquals(a.get("pbc").get(k).asBoolean(), s.periodic(k), where + " pbc");
            for (int r = 0; r < 3; r++)
                for (int c = 0; c < 3; c++)
                    assertEquals(a.get("cell").get(r).get(c).asDouble(), s.cell()[3 * r + c], TOL, where + " cell");
            // ASE 3.22 puts scaled dump coordinates from the cell corner at 0; here they start at the box origin
            JsonNode disp = entry.has("celldisp") ? entry.get("celldisp").get(f) : null;
            double posTol = name.contains("POSCAR") || name.contains("CONTCAR") || name.contains("vasprun") || name.contains("scaled")
                    ? 1e-12 * 8 : TOL;
            for (int i = 0; i < s.size(); i++)
                for (int k = 0; k < 3; k++)
                    assertEquals(a.get("positions").get(i).get(k).asDouble() + (disp == null ? 0 : disp.get(k).asDouble()),
                            s.positions()[3 * i + k], posTol, where + " atom " + i);
            assertInfo(a, s, "energy", where);
            assertInfo(a, s, "free_energy", where);
            AtomColumn forces = s.column("forces");
            if (a.has("forces")) {
                assertNotNull(forces, where + " forces");
                for (int i = 0; i < s.size(); i++)
                    for (int k = 0; k < 3; k++)
                        assertEquals(a.get("forces").get(i).get(k).asDouble(), forces.reals()[3 * i + k], TOL, where + " force " + i);
            } else {
                assertNull(forces, where + " forces");
            }
        }
    }

    private static void assertInfo(JsonNode a, Structure s, String key, String where) {
        if (a.has(key)) assertEquals(a.get(key).asDouble(), Double.parseDouble(s.info().get(key)), TOL, where + " " + key);
        else assertNull(s.info().get(key), where + " " + key);
    }

    /** Formats whose coordinates are the twin's numbers exactly: the entropy is the same double. */
    @ParameterizedTest
    @ValueSource(strings = {"POSCAR-cartesian.vasp", "sio2-atomic.data", "sio2-full.data", "sio2-ortho.lammpstrj",
            "sio2-triclinic.dump", "OUTCAR"})
    void entropyBitIdenticalToExtxyzTwin(String name) {
        ReadOptions o = options(ase.get(name));
        double viaFormat = entropy(read(fixture(name).toString(), o));
        double viaExtxyz = entropy(read(fixture(name + ".extxyz").toString(), ReadOptions.DEFAULT));
        assertEquals(Double.doubleToRawLongBits(viaExtxyz), Double.doubleToRawLongBits(viaFormat),
                name + ": " + viaFormat + " vs extxyz " + viaExtxyz);
    }

    /** Formats with fractional coordinates: ASE's twin holds 8 decimals of the computed positions (see the class note). */
    @ParameterizedTest
    @ValueSource(strings = {"POSCAR-direct", "CONTCAR-selective", "POSCAR-volume", "vasprun.xml"})
    void entropyCloseToExtxyzTwin(String name) {
        double viaFormat = entropy(read(fixture(name).toString(), ReadOptions.DEFAULT));
        double viaExtxyz = entropy(read(fixture(name + ".extxyz").toString(), ReadOptions.DEFAULT));
        assertEquals(viaExtxyz, viaFormat, 1e-7 * Math.abs(viaExtxyz), name);
    }

    /** gzip, xz, bzip2 and a gzip file with an uninformative name: the same frames as the plain file, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"sio2-ortho.extxyz.gz", "sio2-ortho.extxyz.xz", "sio2-ortho.extxyz.bz2", "sio2-ortho-gzip.bin"})
    void compressedExtxyzIsTheSame(String name) {
        Dataset plain = read(fixture("sio2-ortho.lammpstrj.extxyz").toString(), ReadOptions.DEFAULT);
        Dataset packed = read(fixture(name).toString(), ReadOptions.DEFAULT);
        assertEquals(plain.size(), packed.size());
        for (int f = 0; f < plain.size(); f++) {
            assertArrayEquals(plain.get(f).positions(), packed.get(f).positions());
            assertArrayEquals(plain.get(f).cell(), packed.get(f).cell());
            assertEquals(plain.get(f).info(), packed.get(f).info());
        }
        assertEquals(Double.doubleToRawLongBits(entropy(plain)), Double.doubleToRawLongBits(entropy(packed)), name);
    }

    static double entropy(Dataset ds) {
        var x = new QuestsDescriptor(32, 5.0).compute(ds.structures(), 1, ProgressListener.NONE);
        return new InformationMetrics(backend).entropy(x, 0.015).entropy();
    }
}
