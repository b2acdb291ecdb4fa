package io.atomcover.descriptor;

import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestsDescriptorTest {
    private static final boolean[] PERIODIC = {true, true, true};

    static Structure crystal(String symbol, double[] pos, double[] cell, boolean[] pbc) {
        String[] symbols = new String[pos.length / 3];
        Arrays.fill(symbols, symbol);
        return new Structure(symbols, pos, cell, pbc, null, null);
    }

    static Structure random(Random rnd, String[] alphabet, int n, double edge) {
        double[] cell = NeighbourSearchTest.triclinic(rnd, edge);
        double[] pos = NeighbourSearchTest.atomsIn(rnd, cell, n);
        String[] symbols = new String[n];
        for (int i = 0; i < n; i++) symbols[i] = alphabet[rnd.nextInt(alphabet.length)];
        return new Structure(symbols, pos, cell, PERIODIC, null, null);
    }

    private static double maxDiff(double[] a, int ao, double[] b, int bo, int n) {
        double m = 0;
        for (int t = 0; t < n; t++) m = Math.max(m, Math.abs(a[ao + t] - b[bo + t]));
        return m;
    }

    @Test
    void matchesTheLiteralSpecFormulaOnRandomCells() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 4; trial++) {
            // from sparse (fewer than k within rc) to dense (more than k: truncation at k)
            Structure s = random(rnd, new String[] {"Si"}, 8 + 20 * trial, 7 + rnd.nextDouble());
            for (int k : new int[] {32, 7}) {
                QuestsDescriptor d = new QuestsDescriptor(k, 5.0);
                double[] rows = d.compute(s);
                for (int i = 0; i < s.size(); i++) {
                    double[] ref = Reference.descriptor(s.positions(), s.cell(), PERIODIC, k, 5.0, i);
                    double diff = maxDiff(rows, i * d.dim(), ref, 0, d.dim());
                    assertTrue(diff <= 1e-12, "trial " + trial + " k " + k + " atom " + i + ": max difference " + diff);
                }
            }
        }
    }

    @Test
    void moleculeWithFewerThanKAtomsPadsWithZeros() {
        // methane-like: C at the centre, four H at 1.09 Å
        double a = 1.09 / Math.sqrt(3);
        Structure ch4 = Structure.molecule(new String[] {"C", "H", "H", "H", "H"},
                new double[] {0, 0, 0, a, a, a, -a, -a, a, -a, a, -a, a, -a, -a});
        QuestsDescriptor d = new QuestsDescriptor();
        double[] rows = d.compute(ch4);
        assertEquals(5 * 63, rows.length);
        double x1 = Reference.weight(1.09 + 1e-16, 5.0) / (1.09 + 1e-16);
        for (int j = 0; j < 4; j++) assertEquals(x1, rows[j], 1e-12);
        for (int j = 4; j < 32; j++) assertEquals(0.0, rows[j], 0);
        // centre: 4 live rows with 3 positive entries each -> x2[0..2] positive, the rest zero
        for (int t = 0; t < 3; t++) assertTrue(rows[32 + t] > 0);
        for (int t = 3; t < 31; t++) assertEquals(0.0, rows[32 + t], 0);
        for (int i = 0; i < 5; i++) {
            double[] ref = Reference.descriptor(ch4.positions(), null, null, 32, 5.0, i);
            assertTrue(maxDiff(rows, i * 63, ref, 0, 63) <= 1e-14);
        }
    }

    @Test
    void singleAtomIsZeroAloneAndSeesItsImagesWhenPeriodic() {
        QuestsDescriptor d = new QuestsDescriptor();
        double[] alone = d.compute(Structure.molecule(new String[] {"Cu"}, new double[] {1, 2, 3}));
        assertArrayEquals(new double[63], alone);
        // a generic (fcc-like, distorted) cell: image distances come in +-n pairs only, so with k even
        // the k nearest are whole pairs and no tie at the k-th place can make the choice ambiguous
        Structure cu = crystal("Cu", new double[] {0.3, 0.2, 0.1},
                new double[] {0.05, 1.8, 1.75, 1.83, 0.02, 1.79, 1.77, 1.81, -0.03}, PERIODIC);
        double[] row = d.compute(cu);
        Neighbours nb = new Neighbours();
        new NeighbourSearch(cu, 5.0).all(0, nb);
        assertTrue(nb.count() > 32, "more than k images within the cutoff");
        assertEquals(Reference.weight(nb.distance(0) + 1e-16, 5) / (nb.distance(0) + 1e-16), row[0], 1e-14);
        assertTrue(row[31] > 0 && row[32] > 0, "x1 and x2 filled");
        double diff = maxDiff(row, 0, Reference.descriptor(cu.positions(), cu.cell(), PERIODIC, 32, 5.0, 0), 0, 63);
        assertTrue(diff <= 1e-12, "max difference " + diff);
    }

    @Test
    void twoAtomsHaveOneNeighbourAndNoPairTerm() {
        QuestsDescriptor d = new QuestsDescriptor();
        double[] rows = d.compute(Structure.molecule(new String[] {"H", "H"}, new double[] {0, 0, 0, 0, 0, 0.74}));
        double expected = Reference.weight(0.74 + 1e-16, 5) / (0.74 + 1e-16);
        assertEquals(expected, rows[0], 0);
        assertEquals(expected, rows[63], 0);
        for (int t = 1; t < 63; t++) {
            assertEquals(0.0, rows[t], 0);
            assertEquals(0.0, rows[63 + t], 0);
        }
        double[] atCutoff = d.compute(Structure.molecule(new String[] {"H", "H"}, new double[] {0, 0, 0, 0, 3, 4}));
        assertArrayEquals(new double[126], atCutoff, "an atom exactly at rc has zero weight");
    }

    @Test
    void invariantUnderTranslationAndWrapping() {
        Random rnd = new Random(4);
        Structure s = random(rnd, new String[] {"Si"}, 40, 9);
        double[] base = new QuestsDescriptor().compute(s);
        double[] cell = s.cell();
        double[] moved = s.positions().clone();
        double[] wrapped = s.positions().clone();
        for (int i = 0; i < s.size(); i++) {
            int na = rnd.nextInt(7) - 3, nb = rnd.nextInt(7) - 3, nc = rnd.nextInt(7) - 3;
            for (int t = 0; t < 3; t++) {
                moved[3 * i + t] += 0.37 * (t + 1) - 1.1;
                wrapped[3 * i + t] += na * cell[t] + nb * cell[3 + t] + nc * cell[6 + t];
            }
        }
        double[] t1 = new QuestsDescriptor().compute(crystal("Si", moved, cell, PERIODIC));
        double[] t2 = new QuestsDescriptor().compute(crystal("Si", wrapped, cell, PERIODIC));
        double d1 = maxDiff(base, 0, t1, 0, base.length), d2 = maxDiff(base, 0, t2, 0, base.length);
        assertTrue(d1 <= 1e-12, "translation changed the descriptor by " + d1);
        assertTrue(d2 <= 1e-12, "wrapping changed the descriptor by " + d2);
    }

    @Test
    void multicomponentBlocks() {
        Random rnd = new Random(8);
        Structure s = random(rnd, new String[] {"O", "Ti", "H"}, 30, 8);
        Structure t = random(rnd, new String[] {"O", "Li"}, 12, 6);
        QuestsDescriptor plain = new QuestsDescriptor(16, 4.5);
        QuestsDescriptor multi = plain.multicomponent(true);
        List<Structure> data = List.of(s, t);
        assertArrayEquals(new int[] {1, 3, 8, 22}, multi.speciesFor(data), "sorted by atomic number");
        int block = 31;
        assertEquals(5 * block, multi.dim(data));
        assertEquals(block, plain.dim(data));
        assertThrows(IllegalStateException.class, multi::dim);
        assertEquals(3 * block, multi.species(8, 1).dim());

        Descriptors m = multi.compute(data, 2, null);
        Descriptors p = plain.compute(data, 2, null);
        assertEquals(5 * block, m.dim());
        int[] species = multi.speciesFor(data);
        for (int si = 0; si < 2; si++) {
            Structure st = data.get(si);
            for (int i = 0; i < st.size(); i++) {
                int r = m.offsets()[si] + i;
                assertEquals(0.0, maxDiff(m.data(), r * m.dim(), p.data(), r * block, block), 0, "first block is the plain descriptor");
                int q = Arrays.binarySearch(species, st.atomicNumber(i));
                for (int b = 0; b < species.length; b++) {
                    if (b == q) continue;
                    for (int c = 0; c < block; c++) assertEquals(0.0, m.data()[r * m.dim() + (b + 1) * block + c], 0, "other species' blocks are zero");
                }
            }
            // the own-species block equals the plain descriptor of that species' atoms alone
            for (int q = 0; q < species.length; q++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < st.size(); i++) if (st.atomicNumber(i) == species[q]) members.add(i);
                if (members.isEmpty()) continue;
                double[] sub = new double[3 * members.size()];
                for (int j = 0; j < members.size(); j++) System.arraycopy(st.positions(), 3 * members.get(j), sub, 3 * j, 3);
                double[] alone = plain.compute(crystal(st.symbol(members.get(0)), sub, st.cell(), PERIODIC));
                for (int j = 0; j < members.size(); j++) {
                    int r = m.offsets()[si] + members.get(j);
                    assertEquals(0.0, maxDiff(m.data(), r * m.dim() + (q + 1) * block, alone, j * block, block), 0);
                }
            }
        }
        double[] single = multi.compute(t);
        assertEquals(t.size() * 3 * block, single.length, "one structure: its own species");
        assertThrows(IllegalArgumentException.class, () -> multi.species(8).compute(t));
    }

    @Test
    void parallelIsBitIdenticalToSerial() {
        Random rnd = new Random(12);
        List<Structure> data = new ArrayList<>();
        data.add(random(rnd, new String[] {"Si", "C"}, 700, 22)); // several units of work
        for (int s = 0; s < 9; s++) data.add(random(rnd, new String[] {"Si", "C"}, 1 + rnd.nextInt(70), 6 + 4 * rnd.nextDouble()));
        data.add(Structure.molecule(new String[] {"C", "O"}, new double[] {0, 0, 0, 1.1, 0, 0}));
        for (QuestsDescriptor d : List.of(new QuestsDescriptor(), new QuestsDescriptor().multicomponent(true))) {
            Descriptors serial = d.compute(data, 1, null);
            AtomicLong last = new AtomicLong(-1);
            ProgressListener monotone = (done, total) -> {
                assertEquals(serial.rows(), total);
                assertTrue(done > last.get());
                last.set(done);
            };
            Descriptors parallel = d.compute(data, 3, monotone);
            assertEquals(serial.rows(), last.get(), "progress reaches the total");
            assertArrayEquals(serial.offsets(), parallel.offsets());
            assertArrayEquals(serial.data(), parallel.data(), "bit-exact");
            // and the per-structure entry point agrees too (multicomponent: with the dataset's species)
            QuestsDescriptor perStructure = d.isMulticomponent() ? d.species(d.speciesFor(data)) : d;
            for (int s = 0; s < data.size(); s++) {
                double[] one = perStructure.compute(data.get(s));
                assertArrayEquals(Arrays.copyOfRange(serial.data(), serial.offsets()[s] * serial.dim(),
                        serial.offsets()[s + 1] * serial.dim()), one);
            }
        }
    }

    @Test
    void emptyInputsAndBadParameters() {
        Descriptors none = new QuestsDescriptor().compute(List.of(), 2, null);
        assertEquals(0, none.rows());
        assertEquals(63, none.dim());
        assertThrows(IllegalArgumentException.class, () -> new QuestsDescriptor(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new QuestsDescriptor(32, -1));
        assertThrows(IllegalArgumentException.class, () -> new QuestsDescriptor(32, Double.NaN));
    }
}
