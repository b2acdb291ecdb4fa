package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code --backend auto} runs on when it opened a device: calls go to the device backend
 * until one of them throws {@link BackendUnavailableException} (an OpenCL error in mid-run, out of
 * device memory, a kernel that cannot be built for a new descriptor length). Then it sends one
 * warning line, closes the device backend, redoes that call on the CPU backend with the same
 * arguments, and stays on the CPU for the rest of its life. A device greedy cover that fails throws
 * {@link GreedyCoverAbandoned}, so the selector restarts the selection on the CPU.
 *
 * <p>Thread-safe when the device backend is: concurrent calls share the device until one fails,
 * and the switch waits for the calls still on the device.
 */
public final class FallbackKdeBackend implements KdeBackend {
    private final KdeBackend primary;
    private final Supplier<KdeBackend> cpuFactory;
    private final Consumer<String> warn;
    /** Readers: calls on the primary. Writer: the switch to the CPU, which closes the primary. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile KdeBackend cpu;
    private boolean closed;

    /**
     * @param primary    the device backend, used until it fails
     * @param cpuFactory makes the CPU backend at the first failure
     * @param warn       receives the one-line warning of the switch
     */
    public FallbackKdeBackend(KdeBackend primary, Supplier<KdeBackend> cpuFactory, Consumer<String> warn) {
        this.primary = primary;
        this.cpuFactory = cpuFactory;
        this.warn = warn;
    }

    /** Whether a failure has moved the work to the CPU backend. */
    public boolean fellBack() {
        return cpu != null;
    }

    /** The backend calls go to now. */
    public KdeBackend active() {
        KdeBackend c = cpu;
        return c != null ? c : primary;
    }

    @Override
    public String name() {
        return active().name();
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        call(b -> b.kernelSums(query, ref, bandwidth, out));
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out, ProgressListener progress) {
        call(b -> b.kernelSums(query, ref, bandwidth, out, progress));
    }

    @Override
    public void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double tolerance, double[] out,
                           ProgressListener progress) {
        call(b -> b.kernelSums(query, ref, bandwidth, tolerance, out, progress));
    }

    @Override
    public void covered(RowBlock query, RowBlock ref, double bandwidth, double eps, boolean[] out, ProgressListener progress) {
        call(b -> b.covered(query, ref, bandwidth, eps, out, progress));
    }

    @Override
    public void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out) {
        call(b -> b.logKernelSums(query, ref, bandwidth, out));
    }

    @Override
    public void distanceSums(RowBlock query, RowBlock ref, double[] out) {
        call(b -> b.distanceSums(query, ref, out));
    }

    /**
     * On the CPU: the CPU backend's session. On the device: the generic session over this backend's
     * kernel sums, so a failure in mid-session falls back like any other call (a device backend's
     * own session is not used).
     */
    @Override
    public CoverSession coverSession(Descriptors d, double bandwidth, boolean logSpace) {
        KdeBackend c = cpu;
        if (c != null) return c.coverSession(d, bandwidth, logSpace);
        return KdeBackend.super.coverSession(d, bandwidth, logSpace);
    }

    /** The device's greedy cover, failing over as {@link GreedyCoverAbandoned}; empty once on the CPU. */
    @Override
    public Optional<GreedyCover> greedyCover() {
        BackendUnavailableException failure;
        lock.readLock().lock();
        try {
            if (cpu != null) return cpu.greedyCover();
            return primary.greedyCover().map(Guarded::new);
        } catch (BackendUnavailableException e) {
            failure = e;
        } finally {
            lock.readLock().unlock();
        }
        switchToCpu(failure);
        return cpu.greedyCover();
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            if (cpu == null) primary.close();
            else cpu.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------------------------------------

    /** One backend call: on the primary while it works, else (and after its failure, again) on the CPU. */
    private void call(Consumer<KdeBackend> work) {
        BackendUnavailableException failure;
        lock.readLock().lock();
        try {
            if (cpu == null) {
                work.accept(primary);
                return;
            }
            failure = null;
        } catch (BackendUnavailableException e) {
            failure = e;
        } finally {
            lock.readLock().unlock();
        }
        if (failure != null) switchToCpu(failure);
        work.accept(cpu);
    }

    /** Closes the primary and opens the CPU backend, once; later failures (of calls in flight) only wait for it. */
    private void switchToCpu(BackendUnavailableException failure) {
        lock.writeLock().lock();
        try {
            if (cpu != null) return;
            if (closed) throw new IllegalStateException("backend closed");
            try {
                primary.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            cpu = cpuFactory.get();
            warn.accept(oneLine(failure.getMessage()) + "; using the CPU backend for this and the rest of the run");
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static String oneLine(String s) {
        return s == null ? "the device backend failed" : s.replaceAll("\\s*[\\r\\n]+\\s*", " | ");
    }

    /** The primary's greedy cover; a failure switches to the CPU and abandons the run. */
    private final class Guarded implements GreedyCover {
        private final GreedyCover device;

        Guarded(GreedyCover device) {
            this.device = device;
        }

        @Override
        public Result run(Descriptors d, double[] entropies, double[] initialCover, int size, double bandwidth,
                          boolean logSpace, ProgressListener progress) {
            BackendUnavailableException failure;
            lock.readLock().lock();
            try {
                if (cpu == null) return device.run(d, entropies, initialCover, size, bandwidth, logSpace, progress);
                failure = null;
            } catch (BackendUnavailableException e) {
                failure = e;
            } finally {
                lock.readLock().unlock();
            }
            if (failure != null) switchToCpu(failure);
            throw new GreedyCoverAbandoned("the device greedy cover was given up; the selection restarts on "
                    + cpu.name(), failure);
        }
    }
}
