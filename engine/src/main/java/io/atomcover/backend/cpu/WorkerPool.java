package io.atomcover.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a CPU backend, shared with its sessions: {@code threads - 1} daemon workers plus
 * the calling thread, which always takes part, so one thread needs no pool at all.
 */
final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** @param threads threads to use, ≥ 1 (the calling thread counts as one) */
    WorkerPool(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "atomcover-kde-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(threads - 1, tf);
        } else {
            pool = null;
        }
    }

    int threads() {
        return threads;
    }

    /** Runs body(0..n-1) on the pool plus the calling thread; failures are rethrown here. */
    void forEach(int n, IntTask body) {
        if (pool == null || n <= 1) {
            for (int i = 0; i < n; i++) body.run(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) body.run(i);
        };
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 1; t < threads; t++) fs.add(pool.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(n);
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new IllegalStateException("kernel sum task failed", failure);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

    @FunctionalInterface
    interface IntTask {
        void run(int i);
    }
}
