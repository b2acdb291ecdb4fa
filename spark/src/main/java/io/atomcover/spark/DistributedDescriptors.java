package io.atomcover.spark;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Structure;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * QUESTS descriptors computed per partition: the structures, in order, are cut into about
 * {@code partitions} runs of similar atom counts, each run is one task ({@link DescriptorBatch}),
 * and the driver concatenates the rows in order: the same matrix as one machine computes.
 */
public final class DistributedDescriptors {
    private DistributedDescriptors() {
    }

    /** Descriptors of every structure, in order, with one task per run of structures. */
    public static Descriptors compute(JavaSparkContext spark, List<Structure> structures, QuestsDescriptor q, int partitions) {
        DescriptorBatch.QuestsSettings settings = DescriptorBatch.QuestsSettings.of(q, structures);
        List<List<Frame>> runs = runs(structures, Math.max(1, partitions));
        int threads = spark.getConf().getInt("spark.task.cpus", 1);
        List<Rows> batches = spark.parallelize(runs, Math.max(1, runs.size()))
                .map(run -> DescriptorBatch.compute(run, settings, threads)).collect();
        return DescriptorBatch.concat(batches, settings.dim());
    }

    /** Consecutive runs of structures with about the same number of atoms each. */
    static List<List<Frame>> runs(List<Structure> structures, int partitions) {
        long atoms = 0;
        for (Structure s : structures) atoms += s.size();
        List<List<Frame>> out = new ArrayList<>();
        List<Frame> run = new ArrayList<>();
        long done = 0;
        for (Structure s : structures) {
            run.add(Frame.of(s));
            done += s.size();
            if (done * partitions >= atoms * (out.size() + 1) && out.size() < partitions - 1) {
                out.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty() || out.isEmpty()) out.add(run);
        return out;
    }
}
