package io.atomcover.kde;

/**
 * Kernel sums along a growing prefix of an ordering of a dataset's structures — the pair work of a
 * selection curve. The prefix starts empty; each {@link #append} adds one structure and reports how
 * the self-inclusive sums {@code p_e = Σ_f k(x_e, x_f)} (f over the prefix rows) of the prefix rows
 * changed, and, when the session tracks the overlap, how many dataset rows now have
 * {@code dH(e | prefix) = -log Σ_f k(x_e, x_f) < eps}. The backend keeps what it needs (row
 * indexes, running sums) for the whole session. Not thread-safe.
 */
public interface PrefixSession extends AutoCloseable {

    /**
     * Appends structure {@code s} to the prefix. Afterwards, for every row e of s, {@code sums[e]}
     * (indexed by dataset row) is its sum against the whole prefix, s included; and for each of the
     * first n entries e of {@link #grown()}, n the return value, {@code sums[e]} is the increase of
     * the sum of e, an earlier prefix row, by the terms of s. Other entries of {@code sums} are left
     * as they are. Which rows are listed, and in which order, does not depend on the thread count.
     *
     * @return the number of earlier prefix rows whose sum grew
     * @throws IllegalArgumentException when s was appended before
     */
    int append(int s, double[] sums);

    /** Dataset rows of the earlier prefix rows whose sums grew in the last {@link #append}; see there. */
    int[] grown();

    /** Dataset rows e with {@code dH(e | prefix) < eps} so far; 0 for a session without overlap. */
    int covered();

    @Override
    default void close() {
    }
}
