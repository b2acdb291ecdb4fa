package io.atomcover.ilpselect.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {
    @Test
    void theSampleIsTheFirstPlacesOfASeededFisherYatesShuffleAndTheRestIsTheDatabase() {
        Holdout h = Holdout.draw(30, 4, 7);
        // Oracle: the same shuffle written out independently, with java.util.Random (fixed by the Java spec).
        int[] order = IntStream.range(0, 30).toArray();
        Random r = new Random(7);
        for (int i = 0; i < 4; i++) {
            int j = i + r.nextInt(30 - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] want = Arrays.copyOf(order, 4);
        Arrays.sort(want);
        assertArrayEquals(want, h.targets());
        assertEquals(26, h.databaseFrames().length);
        // Targets and database partition the frames: nothing is in both, nothing is lost.
        int[] all = IntStream.concat(Arrays.stream(h.targets()), Arrays.stream(h.databaseFrames())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 30).toArray(), all);
        assertArrayEquals(h.targets(), Holdout.draw(30, 4, 7).targets(), "deterministic");
        assertNotEquals(Arrays.toString(h.targets()), Arrays.toString(Holdout.draw(30, 4, 8).targets()), "the seed matters");
    }

    @Test
    void theDatabaseKeepsTheOtherFramesInFileOrderWithTheirValues() {
        List<Structure> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            frames.add(Structure.molecule(new String[] {"C"}, new double[] {i, 0, 0}));
        Dataset file = new Dataset(null, frames, new long[] {1, 4, 7, 10, 13, 16});
        Holdout h = Holdout.draw(6, 2, 0);
        Dataset db = h.database(file);
        double[] values = {10, 11, 12, 13, 14, 15};
        double[] kept = h.databaseValues(values);
        assertEquals(4, db.size());
        for (int i = 0; i < 4; i++) {
            int f = h.databaseFrames()[i];
            assertEquals(f, db.get(i).positions()[0]);
            assertEquals(1 + 3L * f, db.frameLine(i));
            assertEquals(10 + f, kept[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> Holdout.draw(6, 6, 0));
        assertThrows(IllegalArgumentException.class, () -> Holdout.draw(6, 0, 0));

        // Chosen by hand: those frames, sorted, and no seed.
        Holdout chosen = Holdout.of(6, new int[] {4, 1});
        assertArrayEquals(new int[] {1, 4}, chosen.targets());
        assertArrayEquals(new int[] {0, 2, 3, 5}, chosen.databaseFrames());
        assertEquals(null, chosen.seed());
        assertThrows(IllegalArgumentException.class, () -> Holdout.of(6, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Holdout.of(6, new int[] {6}));
    }
}
