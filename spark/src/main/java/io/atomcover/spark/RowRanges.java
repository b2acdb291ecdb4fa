package io.atomcover.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * How the query rows of one kernel-sum call are cut into the blocks that become Spark tasks.
 *
 * <p>Every block asks at least {@link #MIN_BLOCK_PAIRS} pairs, so that the CPU backend on the
 * executor takes the same indexed (pruned) path for a block as it takes for the whole call on one
 * machine; with that, the terms a row's sum keeps do not depend on which block it sits in.
 */
final class RowRanges {
    /** Smallest block, in query rows × reference rows. */
    static final long MIN_BLOCK_PAIRS = 1L << 16;

    private RowRanges() {
    }

    /**
     * Consecutive ranges {first, count} covering rows [0, rows): about {@code tasks} of them, none
     * smaller than {@link #MIN_BLOCK_PAIRS} pairs against {@code refRows} (but at least one range).
     */
    static List<int[]> split(int rows, int refRows, int tasks) {
        if (rows < 0 || refRows < 0 || tasks < 1) throw new IllegalArgumentException("rows, refRows ≥ 0 and tasks ≥ 1 required");
        long minRows = Math.max(1, (MIN_BLOCK_PAIRS + Math.max(refRows, 1) - 1) / Math.max(refRows, 1));
        int count = (int) Math.max(1, Math.min(tasks, rows / minRows));
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int first = (int) ((long) rows * i / count);
            int end = (int) ((long) rows * (i + 1) / count);
            out.add(new int[] {first, end - first});
        }
        return out;
    }
}
