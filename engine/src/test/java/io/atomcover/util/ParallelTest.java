package io.atomcover.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyIndexRunsExactlyOnce() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int count : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(1, count));
                Parallel.run(threads, count, i -> hits.incrementAndGet(i));
                for (int i = 0; i < count; i++) assertEquals(1, hits.get(i), threads + " threads, index " + i + " of " + count);
            }
        }
    }

    @Test
    void poolIsReusedAcrossCallsAndCallerTakesPart() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (Parallel pool = new Parallel(3, "test-pool")) {
            assertEquals(3, pool.threads());
            for (int call = 0; call < 200; call++) {
                long[] out = new long[64];
                pool.forEach(out.length, i -> {
                    seen.add(Thread.currentThread());
                    long s = 0;
                    for (int k = 0; k <= i * 1000; k++) s += k;
                    out[i] = s;
                });
                for (int i = 0; i < out.length; i++) assertEquals((long) i * 1000 * (i * 1000 + 1) / 2, out[i]);
            }
        }
        // at most the two workers of the pool plus this thread, whatever the number of calls
        assertTrue(seen.size() <= 3, seen.toString());
        for (Thread t : seen) assertTrue(t == Thread.currentThread() || t.getName().startsWith("test-pool-"), t.getName());
    }

    @Test
    void indicesAreHandedOutInAscendingOrder() {
        // one thread: strictly in order; several: each thread sees its own indices ascending
        int[] order = new int[50];
        AtomicInteger pos = new AtomicInteger();
        Parallel.run(1, order.length, i -> order[pos.getAndIncrement()] = i);
        for (int i = 0; i < order.length; i++) assertEquals(i, order[i]);
        ThreadLocal<int[]> last = ThreadLocal.withInitial(() -> new int[] {-1});
        try (Parallel pool = new Parallel(4)) {
            pool.forEach(10_000, i -> {
                int[] l = last.get();
                assertTrue(i > l[0]);
                l[0] = i;
            });
        }
    }

    @Test
    void firstFailureIsRethrownAfterTheOthersStop() {
        RuntimeException boom = new IllegalStateException("boom");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        try (Parallel pool = new Parallel(4)) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> pool.forEach(10_000, i -> {
                running.incrementAndGet();
                try {
                    if (i == 5) throw boom;
                    Thread.onSpinWait();
                } finally {
                    running.decrementAndGet();
                }
            }));
            assertSame(boom, thrown);
            assertEquals(0, running.get(), "a body still ran after forEach returned");
            // the pool stays usable after a failure
            int[] out = new int[100];
            pool.forEach(out.length, i -> out[i] = i + 1);
            after.set(out[99]);
        }
        assertEquals(100, after.get());
        Error err = new AssertionError("worker error");
        assertSame(err, assertThrows(AssertionError.class, () -> Parallel.run(3, 100, i -> {
            if (i == 50) throw err;
        })));
    }

    @Test
    void perThreadStateIsMadeOncePerThreadThatTakesPart() {
        AtomicInteger made = new AtomicInteger();
        long[] out = new long[500];
        Parallel.run(3, out.length, () -> {
            made.incrementAndGet();
            return new long[1];
        }, (scratch, i) -> {
            scratch[0] = i * 2L;
            out[i] = scratch[0];
        });
        for (int i = 0; i < out.length; i++) assertEquals(i * 2L, out[i]);
        assertTrue(made.get() >= 1 && made.get() <= 3, "made " + made.get());
        AtomicInteger none = new AtomicInteger();
        Parallel.run(3, 0, none::incrementAndGet, (s, i) -> { });
        assertEquals(0, none.get());
    }

    @Test
    void nestedLoopOnTheSamePoolRunsInline() {
        int n = 6;
        int[] cells = new int[n * n];
        try (Parallel pool = new Parallel(2)) {
            pool.forEach(n, i -> pool.forEach(n, j -> cells[i * n + j] = i * n + j + 1));
        }
        int[] want = new int[n * n];
        for (int k = 0; k < want.length; k++) want[k] = k + 1;
        assertArrayEquals(want, cells);
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new Parallel(0));
        assertThrows(IllegalArgumentException.class, () -> Parallel.run(0, 3, i -> { }));
    }
}
