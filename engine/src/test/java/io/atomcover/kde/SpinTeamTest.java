package io.atomcover.kde;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpinTeamTest {

    @Test
    void everyItemOfEveryBatchRunsExactlyOnce() throws Exception {
        try (SpinTeam team = new SpinTeam(3, "test-spin")) {
            for (int batch = 0; batch < 20_000; batch++) {
                int n = 1 + batch % 7;
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                team.run(n, runs::incrementAndGet);
                for (int i = 0; i < n; i++) assertEquals(1, runs.get(i), "batch " + batch + " item " + i);
                // Now and then let the helpers fall asleep, so batches also start from parked helpers.
                if (batch % 5000 == 4999) Thread.sleep(1 + SpinTeam.SPIN_NANOS / 1_000_000);
            }
        }
    }

    @Test
    void aFailureIsRethrownOnTheCallerAndTheTeamGoesOn() {
        try (SpinTeam team = new SpinTeam(1, "test-spin")) {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run(8, i -> {
                if (i == 5) throw boom;
            }));
            assertSame(boom, thrown);
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            team.run(4, runs::incrementAndGet);
            for (int i = 0; i < 4; i++) assertEquals(1, runs.get(i));
        }
    }

    @Test
    void withoutHelpersTheCallerRunsEverythingInOrder() {
        try (SpinTeam team = new SpinTeam(0, "test-spin")) {
            int[] order = new int[5];
            int[] at = {0};
            team.run(5, i -> order[at[0]++] = i);
            for (int i = 0; i < 5; i++) assertEquals(i, order[i]);
        }
    }
}
