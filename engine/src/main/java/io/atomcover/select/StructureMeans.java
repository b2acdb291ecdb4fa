package io.atomcover.select;

import io.atomcover.descriptor.Descriptors;

/** Per-structure mean descriptors, the representation of the structure-level baselines. */
final class StructureMeans {
    private StructureMeans() {
    }

    /** Row-major S × dim matrix of each structure's mean row (zeros for an empty structure). */
    static double[] of(Descriptors d) {
        int dim = d.dim();
        int[] off = d.offsets();
        double[] x = d.data();
        double[] means = new double[d.structureCount() * dim];
        for (int s = 0; s < d.structureCount(); s++) {
            int n = off[s + 1] - off[s];
            if (n == 0) continue;
            int out = s * dim;
            for (int r = off[s]; r < off[s + 1]; r++)
                for (int c = 0, in = r * dim; c < dim; c++) means[out + c] += x[in + c];
            for (int c = 0; c < dim; c++) means[out + c] /= n;
        }
        return means;
    }
}
