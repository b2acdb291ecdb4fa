package io.atomcover.backend;


/**
 * Kernel sums along the prefixes of an ordering of a dataset's structures — the pair work of a
 * selection curve. The ordering is given when the session is made; the prefix starts empty and each
 * {@link #next} adds the next structure of the ordering, reporting how the self-inclusive sums
 * {@code p_e = Σ_f k(x_e, x_f)} (f over the prefix rows) of the prefix rows changed and, when the
 * session tracks the overlap, how many dataset rows now have
 * {@code dH(e | prefix) = -log Σ_f k(x_e, x_f) < eps}. The backend keeps what it needs (row
 * indexes, running sums) for the whole session and may work ahead on later prefixes. Not
 * thread-safe.
 */
public interface PrefixSession extends AutoCloseable {

    /**
     * Adds the next structure s of the ordering to the prefix. Afterwards, for every row e of s,
     * {@code sums[e]} (indexed by dataset row) is its sum against the whole prefix, s included; and
     * for each of the first n entries e of {@link #grown()}, n the return value, {@code sums[e]} is
     * the increase of the sum of e, an earlier prefix row, by the terms of s. Other entries of
     * {@code sums} are left as they are. Which rows are listed, and in which order, does not depend
     * on the thread count.
     *
     * @return the number of earlier prefix rows whose sum grew
     * @throws java.util.NoSuchElementException when the whole ordering has been added
     */
    int next(double[] sums);

    /** Dataset rows of the earlier prefix rows whose sums grew in the last {@link #next}; see there. */
    int[] grown();

    /** Dataset rows e with {@code dH(e | prefix) < eps} so far; 0 for a session without overlap. */
    int covered();

    @Override
    default void close() {
    }

    /**
     * The ordering, checked: structure indices in {@code [0, structures)}, each at most once.
     *
     * @throws IllegalArgumentException otherwise
     */
    static int[] checkedOrder(int[] order, int structures) {
        boolean[] seen = new boolean[structures];
        for (int s : order) {
            if (s < 0 || s >= structures) throw new IllegalArgumentException("structure " + s + " outside 0.." + (structures - 1));
            if (seen[s]) throw new IllegalArgumentException("structure " + s + " appears twice in the ordering");
            seen[s] = true;
        }
        return order.clone();
    }
}
