package io.atomcover.ilpselect.ilp;

import java.util.Arrays;

/** Minimum-cost assignment of every row to a distinct column (Hungarian method with potentials), rows ≤ columns. */
final class Assignment {
    private Assignment() {
    }

    /**
     * @param cost row-major {@code rows × cols} costs, rows ≤ cols, all finite
     * @return the column of every row
     */
    static int[] solve(double[] cost, int rows, int cols) {
        if (rows > cols) throw new IllegalArgumentException(rows + " rows > " + cols + " columns");
        // 1-based potentials u (rows), v (columns); owner[c] = row assigned to column c (0 = none)
        double[] u = new double[rows + 1];
        double[] v = new double[cols + 1];
        int[] owner = new int[cols + 1];
        int[] previous = new int[cols + 1];
        double[] slack = new double[cols + 1];
        boolean[] visited = new boolean[cols + 1];
        for (int r = 1; r <= rows; r++) {
            owner[0] = r;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[col] = true;
                int row = owner[col];
                int next = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int c = 1; c <= cols; c++) {
                    if (visited[c]) continue;
                    double reduced = cost[(row - 1) * cols + c - 1] - u[row] - v[c];
                    if (reduced < slack[c]) {
                        slack[c] = reduced;
                        previous[c] = col;
                    }
                    if (slack[c] < delta) {
                        delta = slack[c];
                        next = c;
                    }
                }
                for (int c = 0; c <= cols; c++) {
                    if (visited[c]) {
                        u[owner[c]] += delta;
                        v[c] -= delta;
                    } else {
                        slack[c] -= delta;
                    }
                }
                col = next;
            } while (owner[col] != 0);
            do { // augment along the alternating path
                int back = previous[col];
                owner[col] = owner[back];
                col = back;
            } while (col != 0);
        }
        int[] out = new int[rows];
        for (int c = 1; c <= cols; c++) if (owner[c] != 0) out[owner[c] - 1] = c - 1;
        return out;
    }
}
