package io.atomcover.descriptor;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SortingNetworkTest {
    @Test
    void sortsEveryColumnLargestFirst() {
        Random rnd = new Random(2);
        for (int size = 1; size <= 64; size <<= 1) {
            SortingNetwork net = new SortingNetwork(size);
            for (int trial = 0; trial < 20; trial++) {
                int columns = 1 + rnd.nextInt(size + 3);
                double[][] rows = new double[size][columns];
                for (double[] r : rows)
                    for (int c = 0; c < columns; c++) r[c] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3) == 0 ? rnd.nextInt(5) : rnd.nextDouble();
                double[][] expected = new double[columns][size];
                for (int c = 0; c < columns; c++) {
                    for (int p = 0; p < size; p++) expected[c][p] = -rows[p][c];
                    Arrays.sort(expected[c]);
                    for (int p = 0; p < size; p++) expected[c][p] = -expected[c][p];
                }
                net.sortColumnsDescending(rows, columns);
                for (int c = 0; c < columns; c++) {
                    double[] got = new double[size];
                    for (int p = 0; p < size; p++) got[p] = rows[p][c];
                    assertArrayEquals(expected[c], got, "size " + size + " column " + c);
                }
            }
        }
    }

    @Test
    void batcherSizes() {
        // Batcher's odd-even merge sort: 0, 1, 5, 19, 63, 191 comparators for 1..32 positions
        int[] expected = {0, 1, 5, 19, 63, 191};
        for (int b = 0; b < expected.length; b++) assertEquals(expected[b], new SortingNetwork(1 << b).comparators());
        assertThrows(IllegalArgumentException.class, () -> new SortingNetwork(12));
    }
}
