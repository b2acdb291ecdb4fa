package io.atomcover.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one parallel-for of atomcover: runs {@code body(i)} for i = 0..count-1 on {@code threads - 1}
 * daemon workers plus the calling thread, which always takes part (so one thread needs no pool at
 * all). Indices are handed out one at a time in ascending order from a shared counter, so callers
 * may put their longest tasks first. The first failure stops the hand-out and is rethrown to the
 * caller once every thread has left the body; nothing of a call runs after it returns.
 *
 * <p>An instance keeps its workers between calls, for callers that run many short loops (a CPU
 * backend's kernel sums, called thousands of times by a greedy cover); {@link #run} makes a pool for
 * one loop. Calls may come from several threads at once; a body that calls {@link #forEach} of the
 * pool running it gets a sequential loop instead of waiting for workers that are all busy.
 */
public final class Parallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads} threads (≥ 1, the calling thread counts as one). */
    public Parallel(int threads) {
        this(threads, "atomcover-worker");
    }

    /** A pool of {@code threads} threads whose workers are named {@code name-1}, {@code name-2}, …. */
    public Parallel(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Worker(this, r, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            pool = null;
        }
    }

    /** Runs {@code body.accept(i)} for i = 0..count-1 on a pool of up to {@code threads} threads made for this call. */
    public static void run(int threads, int count, IntConsumer body) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        try (Parallel p = new Parallel(Math.max(1, Math.min(threads, count)))) {
            p.forEach(count, body);
        }
    }

    /**
     * Like {@link #run(int, int, IntConsumer)}, with one {@code local.get()} per thread that takes part
     * (scratch space), passed to each body call on that thread.
     */
    public static <S> void run(int threads, int count, Supplier<? extends S> local, ObjIntConsumer<? super S> body) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        try (Parallel p = new Parallel(Math.max(1, Math.min(threads, count)))) {
            p.forEach(count, local, body);
        }
    }

    /** Threads this pool runs on, the calling thread included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body.accept(i)} for i = 0..count-1 on this pool and the calling thread. */
    public void forEach(int count, IntConsumer body) {
        if (pool == null || count <= 1 || isOwnWorker()) {
            for (int i = 0; i < count; i++) body.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        execute(next, count, () -> {
            for (int i; (i = next.getAndIncrement()) < count; ) body.accept(i);
        });
    }

    /**
     * Runs {@code body.accept(s, i)} for i = 0..count-1, where s is made by {@code local.get()} once
     * per thread that takes part, before its first index.
     */
    public <S> void forEach(int count, Supplier<? extends S> local, ObjIntConsumer<? super S> body) {
        if (count <= 0) return;
        if (pool == null || count == 1 || isOwnWorker()) {
            S s = local.get();
            for (int i = 0; i < count; i++) body.accept(s, i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        execute(next, count, () -> {
            int i = next.getAndIncrement();
            if (i >= count) return;
            S s = local.get();
            for (; i < count; i = next.getAndIncrement()) body.accept(s, i);
        });
    }

    /** Shuts the workers down; calls after this fail. */
    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

    /** Runs {@code worker} on {@code threads - 1} pool threads and the caller; waits for all of them. */
    private void execute(AtomicInteger next, int count, Runnable worker) {
        int helpers = Math.min(threads, count) - 1;
        List<Future<?>> started = new ArrayList<>(helpers);
        for (int t = 0; t < helpers; t++) started.add(pool.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(count); // let the other threads stop early
        }
        boolean interrupted = false;
        for (Future<?> f : started) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    next.set(count);
                    if (failure == null) failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: no body may run after this call returns
                    interrupted = true;
                    next.set(count);
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new IllegalStateException("parallel task failed", failure);
        if (interrupted) throw new IllegalStateException("interrupted");
    }

    private boolean isOwnWorker() {
        return Thread.currentThread() instanceof Worker w && w.owner == this;
    }

    /** A pool thread, marked with its pool so that nested loops on the same pool run inline. */
    private static final class Worker extends Thread {
        final Parallel owner;

        Worker(Parallel owner, Runnable r, String name) {
            super(r, name);
            this.owner = owner;
        }
    }
}
