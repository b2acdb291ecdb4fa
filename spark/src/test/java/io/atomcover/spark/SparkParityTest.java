package io.atomcover.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.api.Atomcover;
import io.atomcover.api.Compression;
import io.atomcover.api.CompressionOptions;
import io.atomcover.api.DifferentialEntropies;
import io.atomcover.api.Phases;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.select.SelectionMethod;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On {@code local[2]}, every Spark path gives the single-machine facade's answers on the bundled
 * silicon data: descriptors bit for bit, entropy and dH within 1e-12 relative, overlap counts
 * exactly, segmented MSC selections identical. Every kernel-sum call goes to the cluster here (no
 * driver-side shortcut), so the blocks and tasks are what a cluster runs; the compression runs keep
 * the per-structure sums on the driver, as the default threshold does.
 */
class SparkParityTest {
    private static final Path EXAMPLES = Path.of("../examples/mlearn-si");
    private static final double H = 0.015;

    private static JavaSparkContext spark;
    private static CpuKdeBackend cpu;
    private static Atomcover one;
    private static Atomcover cluster;
    private static Atomcover clusterForStructures;
    private static Dataset train;
    private static Descriptors x;
    private static Descriptors y;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("atomcover-test")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1"));
        cpu = new CpuKdeBackend(2);
        one = new Atomcover(cpu, 2, Phases.NONE);
        cluster = new Atomcover(new SparkKdeBackend(spark, false, 2, 0), 2, Phases.NONE);
        clusterForStructures = new Atomcover(new SparkKdeBackend(spark, false, 2, 1L << 20), 2, Phases.NONE);
        train = ExtXyzReader.read(EXAMPLES.resolve("Si-train.extxyz"));
        x = one.descriptors(train, new QuestsDescriptor());
        y = one.descriptors(ExtXyzReader.read(EXAMPLES.resolve("Si-test.extxyz")), new QuestsDescriptor());
    }

    @AfterAll
    static void stop() {
        cluster.close();
        clusterForStructures.close();
        cpu.close();
        spark.stop();
    }

    @Test
    void descriptorsPerPartitionAreTheSameMatrix() {
        Dataset read = HadoopFiles.readStructures(EXAMPLES.resolve("Si-train.extxyz").toUri().toString(), new Configuration());
        Descriptors d = DistributedDescriptors.compute(spark, read.structures(), new QuestsDescriptor(), 5);
        assertArrayEquals(x.offsets(), d.offsets());
        assertArrayEquals(x.data(), d.data());
    }

    @Test
    void multicomponentDescriptorsUseTheDatasetsSpecies() {
        QuestsDescriptor q = new QuestsDescriptor().multicomponent(true);
        Descriptors d = DistributedDescriptors.compute(spark, train.structures(), q, 3);
        assertArrayEquals(one.descriptors(train, q).data(), d.data());
    }

    @Test
    void entropyWithinOneTrillionth() {
        EntropyResult a = one.entropy(y, H);
        EntropyResult b = cluster.entropy(y, H);
        assertEquals(a.entropy(), b.entropy(), 1e-12 * Math.abs(a.entropy()));
        assertEquals(a.diversity(), b.diversity(), 1e-12 * Math.abs(a.diversity()));
    }

    @Test
    void differentialEntropiesAndOverlapAreIdentical() {
        DifferentialEntropies a = one.differentialEntropies(y, x, H);
        DifferentialEntropies b = cluster.differentialEntropies(y, x, H);
        for (int i = 0; i < y.rows(); i++)
            assertEquals(a.values()[i], b.values()[i], 1e-12 * Math.max(1, Math.abs(a.values()[i])), "dH of row " + i);
        for (double eps : new double[] {1e-5, 1e-3, 1, 3})
            assertEquals(Math.round(a.overlap(eps) * y.rows()), Math.round(b.overlap(eps) * y.rows()));
        assertTrue(a.overlap(3) > 0, "the thresholds above cover some environments");
    }

    @Test
    void segmentedSelectionIsIdentical() {
        // 214 structures, chunks of 2·12 = 24: three rounds of parallel chunks before the last.
        for (boolean compat : new boolean[] {false, true}) {
            CompressionOptions o = CompressionOptions.builder().method(SelectionMethod.MSC).size(12).chunks(2)
                    .bandwidth(H).compatCheck(compat).build();
            Compression a = one.compress(x, o);
            Compression b = clusterForStructures.compress(x, o);
            assertArrayEquals(a.ordering().indices(), b.ordering().indices());
            assertArrayEquals(a.selected().indices(), b.selected().indices());
            assertEquals(a.compatDeviations(), b.compatDeviations());
            assertEquals(a.summary().overlap(), b.summary().overlap());
            assertEquals(a.summary().entropy(), b.summary().entropy(), 1e-12 * Math.abs(a.summary().entropy()));
        }
    }

    /** The spark-submit entry point: a local file as a file: URI, a .npy written through Hadoop. */
    @Test
    void jobsGiveTheSameAnswers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String test = EXAMPLES.resolve("Si-test.extxyz").toAbsolutePath().toUri().toString();
        String trainFile = EXAMPLES.resolve("Si-train.extxyz").toString();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();

        var e = json.readTree(AtomcoverJob.run(spark, new String[] {"entropy", test, "--bandwidth", "0.015", "--partitions", "3"}));
        EntropyResult a = one.entropy(y, H);
        assertEquals(a.entropy(), e.get("entropy").asDouble(), 1e-12 * Math.abs(a.entropy()));
        assertEquals(y.rows(), e.get("n_envs").asInt());

        Path npy = dir.resolve("dH.npy");
        var d = json.readTree(AtomcoverJob.run(spark, new String[] {"dh", test, trainFile, "-o", npy.toString(), "-e", "1"}));
        DifferentialEntropies r = one.differentialEntropies(y, x, H);
        assertEquals(r.overlap(1), d.get("overlap").asDouble());
        double[] written = io.atomcover.io.Npy.read(npy).data();
        for (int i = 0; i < y.rows(); i++)
            assertEquals(r.values()[i], written[i], 1e-12 * Math.max(1, Math.abs(r.values()[i])));

        var c = json.readTree(AtomcoverJob.run(spark, new String[] {"compress", trainFile, "-s", "12", "--chunks", "2"}));
        Compression one12 = one.compress(x, CompressionOptions.builder().method(SelectionMethod.MSC).size(12).chunks(2)
                .bandwidth(H).compatCheck(false).build());
        int[] picked = new int[c.get("selected").size()];
        for (int i = 0; i < picked.length; i++) picked[i] = c.get("selected").get(i).asInt();
        assertArrayEquals(one12.selected().indices(), picked);
    }

    @Test
    void jobArgumentsAreCheckedByName() {
        var a = AtomcoverJob.JobArgs.parse(new String[] {"f.xyz", "--bandwidth", "0.02", "-c", "4.5", "--multicomponent"});
        assertEquals("f.xyz", a.file(0));
        assertEquals(0.02, a.number("-b", 1));
        assertEquals(4.5, a.number("-c", 1));
        assertTrue(a.flag("--multicomponent"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AtomcoverJob.JobArgs.parse(new String[] {"f.xyz", "--bandwith", "0.02"}));
    }
}
