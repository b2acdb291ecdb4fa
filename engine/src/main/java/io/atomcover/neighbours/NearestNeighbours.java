package io.atomcover.neighbours;

/**
 * The k nearest reference rows of each query row, nearest first.
 *
 * @param k         neighbours per query row
 * @param ids       reference row of neighbour j of query i at {@code i·k + j}
 * @param distances Euclidean distance of that neighbour, same layout
 */
public record NearestNeighbours(int k, int[] ids, double[] distances) {
    /** Number of query rows. */
    public int queries() {
        return k == 0 ? 0 : ids.length / k;
    }
}
