package io.atomcover.backend;


/**
 * Kernel sums of a fixed dataset's structures against a growing set of picked structures of the
 * same dataset — the one operation of the greedy cover loop. The backend keeps what it needs (row
 * indexes, device buffers) for the whole session, so a pick costs an append and an update costs only
 * the pairs that can matter.
 *
 * <p>Covers are per environment (row of the dataset): {@code log K_e} in log space, {@code K_e} in
 * linear space, where {@code K_e = Σ_f exp(-|x_e - x_f|² / (2h²))} over the rows f of the picks
 * applied so far. Not thread-safe.
 */
public interface CoverSession extends AutoCloseable {

    /**
     * Appends the rows of structure {@code s} to the picked set; it becomes pick {@link #picks()} − 1.
     *
     * @throws IllegalArgumentException when s was picked before (each structure is picked at most once)
     */
    void pick(int s);

    /** Number of picks appended so far. */
    int picks();

    /**
     * For {@code i < count}: adds the kernel sum of dataset row {@code rows[i]} (a row of structure
     * {@code s}) against picks {@code [fromPicks[i], picks())} to {@code cover[rows[i]]}: log-add-exp
     * in log space, plain addition in linear space, where a sum whose terms all underflow adds
     * exactly 0.
     */
    void accumulate(int s, int[] rows, int[] fromPicks, int count, double[] cover);

    /**
     * {@link #accumulate} that may stop early. Row i's update may end as soon as its cover is known
     * to exceed {@code stop[i]} (in the units of cover): the cover is then left unchanged,
     * {@code reached[i]} receives a lower bound of the updated cover greater than stop[i], and
     * {@code stopped[i]} is set. Otherwise the row is updated as by accumulate and stopped[i] is
     * false. A greedy scheduler uses this to show cheaply that a row is not its structure's minimum.
     * The default never stops.
     */
    default void accumulateUntil(int s, int[] rows, int[] fromPicks, int count, double[] cover,
                                 double[] stop, double[] reached, boolean[] stopped) {
        accumulate(s, rows, fromPicks, count, cover);
        java.util.Arrays.fill(stopped, 0, count, false);
    }

    /**
     * {@link #accumulateUntil(int, int[], int[], int, double[], double[], double[], boolean[])} for the
     * rows of several structures in one call: row i belongs to structure {@code structures[i]}. A
     * backend may spread them over its threads; each structure's rows are updated as by a call of
     * their own. The
     * default makes one call per run of rows of the same structure.
     */
    default void accumulateUntil(int[] structures, int[] rows, int[] fromPicks, int count, double[] cover,
                                 double[] stop, double[] reached, boolean[] stopped) {
        for (int i = 0, j; i < count; i = j) {
            for (j = i + 1; j < count && structures[j] == structures[i]; ) j++;
            double[] reachedRun = new double[j - i];
            boolean[] stoppedRun = new boolean[j - i];
            accumulateUntil(structures[i], java.util.Arrays.copyOfRange(rows, i, j), java.util.Arrays.copyOfRange(fromPicks, i, j),
                    j - i, cover, java.util.Arrays.copyOfRange(stop, i, j), reachedRun, stoppedRun);
            System.arraycopy(reachedRun, 0, reached, i, j - i);
            System.arraycopy(stoppedRun, 0, stopped, i, j - i);
        }
    }

    /**
     * Whether the cover of dataset row {@code row} is exact for the picks it has seen. A session may
     * leave a row's cover at a lower bound of its true value (the largest new term alone, for rows
     * far from every pick, whose exact sum is costly); such a bound only rises with exact work, so
     * a greedy scheduler may use it as a stale value. {@link #exactify} makes it exact.
     */
    default boolean isExact(int row) {
        return true;
    }

    /**
     * Makes the covers of the given rows of structure {@code s} exact against all picks so far
     * (rows that are exact already are left as they are): {@code base} (the cover before the first
     * pick, e.g. from a reference set; null: none) plus the sums against picks [0, picks()).
     */
    default void exactify(int s, int[] rows, int count, double[] base, double[] cover) {
    }

    /** Query × reference rows of the updates so far (the work a brute-force loop would do). */
    long pairsRequested();

    @Override
    default void close() {
    }
}
