package io.atomcover.select;

import io.atomcover.backend.PairDistances;
import io.atomcover.descriptor.Descriptors;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.Well19937c;

/**
 * k-means (k-means++ seeding, Lloyd iterations; Commons Math) with k = size on per-structure mean
 * descriptors; from each cluster the member nearest its centroid. Clusters partition the
 * structures, so the result has exactly {@code size} distinct structures
 * (the reference skips its last cluster and returns one too few). When duplicates leave fewer
 * non-empty clusters than k, the remaining slots take each cluster's next-nearest members in turn.
 * Order: representatives by index, then any fill-ins.
 */
public final class KMeansSelector {
    private static final int MAX_ITERATIONS = 300;
    private final long seed;

    public KMeansSelector(long seed) {
        this.seed = seed;
    }

    public Selection select(Descriptors d, int size) {
        int total = d.structureCount();
        if (size < 0 || size > total) throw new IllegalArgumentException("size " + size + " outside 0.." + total);
        if (size == total) {
            int[] all = new int[total];
            for (int i = 0; i < total; i++) all[i] = i;
            return new Selection("k_means", all);
        }
        if (size == 0) return new Selection("k_means", new int[0]);
        int dim = d.dim();
        double[] means = StructureMeans.of(d);
        List<IndexedPoint> points = new ArrayList<>(total);
        for (int s = 0; s < total; s++) {
            double[] p = new double[dim];
            System.arraycopy(means, s * dim, p, 0, dim);
            points.add(new IndexedPoint(s, p));
        }
        KMeansPlusPlusClusterer<IndexedPoint> clusterer = new KMeansPlusPlusClusterer<>(size, MAX_ITERATIONS,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), new Well19937c(seed),
                KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_POINTS_NUMBER);
        List<CentroidCluster<IndexedPoint>> clusters = clusterer.cluster(points);
        // Members of each cluster by distance to its centroid (ties: lower index first).
        List<int[]> ranked = new ArrayList<>();
        for (CentroidCluster<IndexedPoint> c : clusters) {
            if (c.getPoints().isEmpty()) continue;
            double[] centre = c.getCenter().getPoint();
            List<IndexedPoint> members = new ArrayList<>(c.getPoints());
            double[] dist = new double[total];
            for (IndexedPoint p : members) dist[p.index] = PairDistances.squaredDistance(p.getPoint(), 0, centre, 0, dim);
            members.sort((a, b) -> a.index == b.index ? 0
                    : dist[a.index] != dist[b.index] ? Double.compare(dist[a.index], dist[b.index]) : Integer.compare(a.index, b.index));
            ranked.add(members.stream().mapToInt(p -> p.index).toArray());
        }
        int[] reps = new int[ranked.size()];
        for (int i = 0; i < reps.length; i++) reps[i] = ranked.get(i)[0];
        java.util.Arrays.sort(reps);
        int[] out = java.util.Arrays.copyOf(reps, size);
        // Duplicate structures can leave fewer non-empty clusters than k: fill round-robin with each
        // cluster's next-nearest member so the result still has exactly `size` structures.
        int n = reps.length;
        for (int depth = 1; n < size; depth++)
            for (int[] members : ranked)
                if (depth < members.length && n < size) out[n++] = members[depth];
        return new Selection("k_means", out);
    }

    private static final class IndexedPoint extends DoublePoint {
        private static final long serialVersionUID = 1L;
        final int index;

        IndexedPoint(int index, double[] point) {
            super(point);
            this.index = index;
        }
    }
}
