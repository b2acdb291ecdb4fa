package io.atomcover.neighbours;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import io.atomcover.backend.RowBlock;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An approximate k-nearest-neighbour index over descriptor rows: a hierarchical navigable small-world
 * graph (Malkov and Yashunin 2018) from hnswlib-core, Euclidean distance. Upstream QUESTS uses
 * NN-descent (pynndescent) for the same purpose; both are graph searches whose recall is tuned by
 * their parameters.
 *
 * <p>The graph is not reproducible bit for bit: the library draws node levels from an unseeded
 * random source, and rows are inserted by several threads. Queries are read-only and may run in
 * parallel.
 */
public final class HnswIndex {
    /** One row as the library's item: its row number and a copy of its values. */
    private record Row(Integer id, double[] vector) implements Item<Integer, double[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    private final com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, double[], Row, Double> index;
    private final int dim;
    private final int size;

    private HnswIndex(com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, double[], Row, Double> index, int dim, int size) {
        this.index = index;
        this.dim = dim;
        this.size = size;
    }

    /** Builds the graph of the reference rows on {@code threads} threads; progress in rows. */
    public static HnswIndex build(RowBlock ref, IndexParameters p, int threads, ProgressListener progress) {
        if (ref.count() == 0) throw new IllegalArgumentException("an index needs at least one reference row");
        int dim = ref.dim();
        com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, double[], Row, Double> index =
                com.github.jelmerk.hnswlib.core.hnsw.HnswIndex
                        .newBuilder(dim, DistanceFunctions.DOUBLE_EUCLIDEAN_DISTANCE, ref.count())
                        .withM(p.m()).withEfConstruction(p.efConstruction()).withEf(p.ef())
                        .build();
        AtomicLong done = new AtomicLong();
        int n = ref.count();
        Parallel.run(threads, n, i -> {
            double[] v = new double[dim];
            System.arraycopy(ref.data(), (ref.first() + i) * dim, v, 0, dim);
            index.add(new Row(i, v));
            long d = done.incrementAndGet();
            if ((d & 1023) == 0 || d == n) progress.progress(d, n);
        });
        return new HnswIndex(index, dim, n);
    }

    /** Reference rows in the index. */
    public int size() {
        return size;
    }

    /**
     * The k (at most {@link #size()}) nearest indexed rows of every query row, on {@code threads}
     * threads; the search keeps max(k, ef) candidates.
     */
    public NearestNeighbours query(RowBlock q, int k, int threads, ProgressListener progress) {
        if (q.dim() != dim) throw new IllegalArgumentException("dimension mismatch: " + q.dim() + " vs " + dim);
        int kk = Math.min(k, size);
        int n = q.count();
        int[] ids = new int[n * kk];
        double[] dist = new double[n * kk];
        AtomicLong done = new AtomicLong();
        Parallel.run(threads, n, i -> {
            double[] v = new double[dim];
            System.arraycopy(q.data(), (q.first() + i) * dim, v, 0, dim);
            List<SearchResult<Row, Double>> found = index.findNearest(v, kk);
            for (int j = 0; j < kk; j++) {
                // The library may return fewer than asked when the graph search cannot reach enough rows.
                boolean ok = j < found.size();
                ids[i * kk + j] = ok ? found.get(j).item().id() : -1;
                dist[i * kk + j] = ok ? found.get(j).distance() : Double.POSITIVE_INFINITY;
            }
            long d = done.incrementAndGet();
            if ((d & 1023) == 0 || d == n) progress.progress(d, n);
        });
        return new NearestNeighbours(kk, ids, dist);
    }
}
