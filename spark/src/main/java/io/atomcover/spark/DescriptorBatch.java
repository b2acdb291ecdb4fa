package io.atomcover.spark;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Spark task of the descriptor job computes: the QUESTS descriptors of a run of
 * consecutive structures. A structure's rows depend on that structure alone (and, multicomponent,
 * on the species list, which the driver fixes for the whole dataset), so batches concatenated in
 * order are the descriptors of the whole dataset. Plain Java, tested without Spark.
 */
final class DescriptorBatch {
    private DescriptorBatch() {
    }

    static Rows compute(List<Frame> frames, QuestsSettings settings, int threads) {
        List<Structure> structures = new ArrayList<>(frames.size());
        for (Frame f : frames) structures.add(f.structure());
        Descriptors d = settings.descriptor().compute(structures, threads, ProgressListener.NONE);
        return Rows.of(d);
    }

    /** Batches in order, concatenated into one descriptor matrix. */
    static Descriptors concat(List<Rows> batches, int dim) {
        int structures = 0;
        long values = 0;
        for (Rows b : batches) {
            structures += b.offsets().length - 1;
            values += b.data().length;
        }
        double[] data = new double[Math.toIntExact(values)];
        int[] offsets = new int[structures + 1];
        int s = 0;
        int row = 0;
        int at = 0;
        for (Rows b : batches) {
            System.arraycopy(b.data(), 0, data, at, b.data().length);
            at += b.data().length;
            int[] o = b.offsets();
            for (int i = 1; i < o.length; i++) offsets[++s] = row + o[i];
            row += o[o.length - 1];
        }
        return new Descriptors(data, dim, offsets);
    }

    /** The settings of a QUESTS descriptor, serialisable; multicomponent runs name their species. */
    record QuestsSettings(int k, double cutoff, int[] species) implements java.io.Serializable {
        static QuestsSettings of(QuestsDescriptor q, List<Structure> all) {
            // Every batch must use the dataset's species blocks, not only those it happens to hold.
            return new QuestsSettings(q.k(), q.cutoff(), q.isMulticomponent() ? q.speciesFor(all) : null);
        }

        QuestsDescriptor descriptor() {
            QuestsDescriptor q = new QuestsDescriptor(k, cutoff);
            return species == null ? q : q.species(species);
        }

        int dim() {
            return descriptor().dim();
        }
    }
}
