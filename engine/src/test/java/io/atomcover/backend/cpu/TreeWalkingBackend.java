package io.atomcover.backend.cpu;


/** Test access to a CPU backend whose cover sessions walk the tree for every row update, however small. */
public final class TreeWalkingBackend {
    private TreeWalkingBackend() {
    }

    /** A pruning CPU backend whose cover sessions never evaluate every pair of a small update. */
    public static CpuKdeBackend create(int threads) {
        CpuKdeBackend b = new CpuKdeBackend(threads, true);
        b.coverAllPairs = 0;
        return b;
    }
}
