package io.atomcover.api;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.metrics.Bandwidth;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.select.SelectionMethod;

/**
 * What {@link Atomcover#compress} does. Make one with {@link #builder()}; the defaults are msc
 * without the compat check, bandwidth {@value Bandwidth#DEFAULT}, overlap threshold
 * {@value InformationMetrics#DEFAULT_OVERLAP_EPS}, seed 0.
 *
 * @param method      the selection method
 * @param size        structures to select: a fraction in (0, 1) or a whole count (see
 *                    {@link io.atomcover.select.SelectionSize}); null to keep the whole ordering
 *                    (with {@code full}) or the optimal prefix (with {@code optimal})
 * @param full        order every structure (nested methods only) and report the first {@code size}
 * @param optimal     order every structure and keep the prefix with the largest entropy × diversity
 * @param curve       also compute the selection curve of the ordering (always done with {@code optimal})
 * @param compatCheck msc with default scoring: also run compat scoring and count the picks that differ
 *                    (a second selection of the same size, so off by default)
 * @param bandwidth   kernel bandwidth h
 * @param eps         dH threshold of the overlap
 * @param seed        seed of the seeded methods
 * @param reference   msc only: environments that count as covered already (conditional compression), or null
 * @param chunks      msc only: segmented compression with chunks of {@code chunks} × size (≥ 2), or 0
 * @param tolerance   relative error allowed in the kernel sums of the selection's entropy and diversity
 *                    ({@link io.atomcover.backend.Tolerance}; 0: exact). The selection, its curve and
 *                    its overlap (a threshold count) are always computed exactly.
 */
public record CompressionOptions(SelectionMethod method, Double size, boolean full, boolean optimal, boolean curve,
                                 boolean compatCheck, double bandwidth, double eps, long seed, Descriptors reference,
                                 int chunks, double tolerance) {
    /**
     * @throws IllegalArgumentException for a combination that has no meaning (the rules of
     *                                  {@code atomcover compress})
     */
    public CompressionOptions {
        if (method == null) throw new IllegalArgumentException("no method");
        if (size == null && !full && !optimal) throw new IllegalArgumentException("a size is needed unless full or optimal");
        if (optimal && size != null) throw new IllegalArgumentException("optimal chooses the size itself");
        if (!method.isMsc() && (reference != null || chunks != 0))
            throw new IllegalArgumentException("a reference and chunks apply to msc, not " + method.id());
        if (reference != null && chunks != 0) throw new IllegalArgumentException("a reference and chunks cannot be combined");
        if (chunks != 0 && (chunks < 2 || full || optimal))
            throw new IllegalArgumentException("chunks must be at least 2 and cannot be combined with full or optimal");
        io.atomcover.backend.Tolerance.check(tolerance);
        if (!method.nested() && (full || optimal || curve))
            throw new IllegalArgumentException(method.id() + " selections are not nested: no full ordering or curve");
    }

    /** Options with the defaults, to be changed one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CompressionOptions}. */
    public static final class Builder {
        private SelectionMethod method = SelectionMethod.MSC;
        private Double size;
        private boolean full;
        private boolean optimal;
        private boolean curve;
        private boolean compatCheck;
        private double bandwidth = Bandwidth.DEFAULT;
        private double eps = InformationMetrics.DEFAULT_OVERLAP_EPS;
        private long seed;
        private Descriptors reference;
        private int chunks;
        private double tolerance;

        private Builder() {
        }

        public Builder method(SelectionMethod v) {
            method = v;
            return this;
        }

        /** A fraction in (0, 1) or a whole count. */
        public Builder size(double v) {
            size = v;
            return this;
        }

        public Builder full(boolean v) {
            full = v;
            return this;
        }

        public Builder optimal(boolean v) {
            optimal = v;
            return this;
        }

        public Builder curve(boolean v) {
            curve = v;
            return this;
        }

        public Builder compatCheck(boolean v) {
            compatCheck = v;
            return this;
        }

        public Builder bandwidth(double v) {
            bandwidth = v;
            return this;
        }

        public Builder eps(double v) {
            eps = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder reference(Descriptors v) {
            reference = v;
            return this;
        }

        public Builder chunks(int v) {
            chunks = v;
            return this;
        }

        /** Relative error allowed in the kernel sums of the selection's entropy and diversity (0: exact). */
        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        public CompressionOptions build() {
            return new CompressionOptions(method, size, full, optimal, curve, compatCheck, bandwidth, eps, seed, reference, chunks,
                    tolerance);
        }
    }
}
