package io.atomcover.backend;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.util.ProgressListener;
import java.util.Optional;

/**
 * Computes Gaussian kernel sums between two sets of descriptor rows: with {@link PairDistances}, the
 * only place where pairs of rows are visited. Implementations: the multi-threaded CPU backend ({@code io.atomcover.backend.cpu}),
 * OpenCL in its own module (found through {@link java.util.ServiceLoader}).
 *
 * <p>Blocks are flat row-major arrays: rows {@code [first, first+count)} of {@code data} with
 * {@code dim} values each. The kernel is {@code k(x, y) = exp(-|x - y|² / (2h²))}.
 */
public interface KdeBackend extends AutoCloseable {

    /** Short name for reports ("cpu", "opencl:…"). */
    String name();

    /**
     * Linear-space sums: {@code out[i] = Σ_j k(q_i, r_j)} for every query row i; a sum whose terms
     * all underflow is exactly 0, as in the reference implementation.
     */
    void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out);

    /**
     * {@link #kernelSums(RowBlock, RowBlock, double, double[])}, reporting its progress in units of
     * the backend's choosing, from the first report (done 0) to the last (done = total). The default
     * reports only the start and the end.
     */
    default void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out, ProgressListener progress) {
        progress.progress(0, 1);
        kernelSums(query, ref, bandwidth, out);
        progress.progress(1, 1);
    }

    /**
     * {@link #kernelSums(RowBlock, RowBlock, double, double[], ProgressListener)} where each sum may be
     * off by up to {@code tolerance} relative ({@link Tolerance}; 0: exact), which lets a backend
     * aggregate far pairs instead of visiting them. The default computes the exact sums, which are
     * within any tolerance.
     *
     * @throws IllegalArgumentException when the tolerance is out of {@link Tolerance}'s range
     */
    default void kernelSums(RowBlock query, RowBlock ref, double bandwidth, double tolerance, double[] out,
                            ProgressListener progress) {
        Tolerance.check(tolerance);
        kernelSums(query, ref, bandwidth, out, progress);
    }

    /**
     * Log-space sums: {@code out[i] = log Σ_j k(q_i, r_j)}, computed max-shifted so the result stays
     * finite however far q_i is from every r_j; {@code -∞} only when {@code ref} is empty.
     */
    void logKernelSums(RowBlock query, RowBlock ref, double bandwidth, double[] out);

    /**
     * Whether each query row is covered by the reference rows: {@code out[i] = -log K_i < eps}, with
     * K_i the linear sum of {@link #kernelSums} (so a row whose terms all underflow is not covered
     * for any finite eps). The overlap of a dataset with a selection is this test. The default
     * computes every sum; a backend may end a row's sum once it shows the answer, provided every
     * answer is the default's.
     */
    default void covered(RowBlock query, RowBlock ref, double bandwidth, double eps, boolean[] out,
                         ProgressListener progress) {
        double[] p = new double[query.count()];
        kernelSums(query, ref, bandwidth, p, progress);
        for (int i = 0; i < p.length; i++) out[i] = -Math.log(p[i]) < eps;
    }

    /**
     * Distance sums: {@code out[i] = Σ_j |q_i - r_j|} (Euclidean, formed as
     * {@code sqrt(max(|q|² + |r|² - 2q·r, 0))}). Structure-level farthest-point sampling takes mean
     * distances between structures from these. The default is a plain single-threaded CPU loop.
     */
    default void distanceSums(RowBlock query, RowBlock ref, double[] out) {
        PairDistances.distanceSums(query, ref, out);
    }

    /**
     * A session for the greedy cover loop over the structures of {@code d}: picks are appended and
     * covers updated against runs of picks, with whatever the backend keeps resident in between. The
     * default copies picked rows into one array and makes one {@link #kernelSums}/{@link #logKernelSums}
     * call per update.
     *
     * @param logSpace true: covers are log K_e (default MSC mode); false: linear K_e (compat mode)
     */
    default CoverSession coverSession(Descriptors d, double bandwidth, boolean logSpace) {
        return new PlainCoverSession(this, d, bandwidth, logSpace);
    }

    /**
     * A session for the kernel sums along the prefixes of {@code order}, an ordering of structures
     * of {@code d} (selection curves). The default copies the prefix rows into one array and makes
     * {@link #kernelSums} calls per pick: earlier rows against the new ones, the new rows against
     * the prefix and, with the overlap, every dataset row against the new ones.
     *
     * @param order   structure indices, each at most once
     * @param overlap also count dataset rows with {@code dH(e | prefix) < eps}
     */
    default PrefixSession prefixSession(Descriptors d, int[] order, double bandwidth, boolean overlap,
                                        double eps) {
        return new PlainPrefixSession(this, d, order, bandwidth, overlap, eps);
    }

    /**
     * The device-resident eager greedy loop, when this backend has one; MSC then hands it the whole
     * loop. Empty (the default): MSC runs its lazy host-side scheduler on top of the kernel sums.
     */
    default Optional<GreedyCover> greedyCover() {
        return Optional.empty();
    }

    /**
     * Where the rounds of segmented MSC can run their chunks side by side (a cluster backend), when
     * this backend can. Empty (the default): MSC covers the chunks one after another here.
     */
    default Optional<ChunkCovers> chunkCovers() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
