package io.atomcover.kde;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs small batches of tasks on the calling thread plus helper threads that keep spinning for a
 * short while after each batch, so that handing work over costs about a microsecond instead of an
 * executor round trip (tens of microseconds, as long as the tasks of one greedy-cover update).
 * Helpers that find nothing to do for {@value #SPIN_NANOS} ns park until the next batch.
 *
 * <p>Each batch is its own object with its own claim counter, so a helper that wakes late can
 * only find an old batch exhausted or join the current one; it never runs an item twice.
 */
final class SpinTeam implements AutoCloseable {
    static final long SPIN_NANOS = 200_000;

    private final Thread[] helpers;
    private volatile Batch current;
    private volatile boolean closed;

    /** @param helpers threads besides the caller (0: every batch runs on the caller) */
    SpinTeam(int helpers, String name) {
        this.helpers = new Thread[helpers];
        for (int i = 0; i < helpers; i++) {
            Thread t = new Thread(this::helperLoop, name + "-" + (i + 1));
            t.setDaemon(true);
            this.helpers[i] = t;
            t.start();
        }
    }

    /** Runs body(0..n-1), on the caller and the helpers; returns when all are done, rethrowing the first failure. */
    void run(int n, CpuKdeBackend.IntTask body) {
        if (helpers.length == 0 || n <= 1) {
            for (int i = 0; i < n; i++) body.run(i);
            return;
        }
        Batch b = new Batch(body, n);
        current = b;
        for (Thread h : helpers) LockSupport.unpark(h);
        b.work();
        while (b.done.get() < n) Thread.onSpinWait();
        current = null;
        if (b.failure != null) {
            if (b.failure instanceof RuntimeException e) throw e;
            if (b.failure instanceof Error e) throw e;
            throw new IllegalStateException(b.failure);
        }
    }

    private void helperLoop() {
        Batch last = null;
        while (!closed) {
            long idleSince = System.nanoTime();
            Batch b;
            while ((b = current) == null || b == last) {
                if (closed) return;
                if (System.nanoTime() - idleSince < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            last = b;
            b.work();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
    }

    private static final class Batch {
        final CpuKdeBackend.IntTask body;
        final int n;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Batch(CpuKdeBackend.IntTask body, int n) {
            this.body = body;
            this.n = n;
        }

        /** Claims and runs items until none is left; a failure ends the batch (remaining items are skipped). */
        void work() {
            int i;
            while ((i = next.getAndIncrement()) < n) {
                try {
                    if (failure == null) body.run(i);
                } catch (RuntimeException | Error e) {
                    if (failure == null) failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
