package io.atomcover.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.EntropyResult;
import io.atomcover.metrics.Golden;
import io.atomcover.select.MscSelector;
import io.atomcover.select.RandomSelector;
import io.atomcover.select.SelectionMethod;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facade against independent oracles: the upstream QUESTS goldens of the mlearn silicon example
 * (golden/si-mlearn.json: entropy, dH, the MSC and FPS selections at 21 and their summaries) and a
 * brute-force computation over every pair of environments in this class.
 */
class AtomcoverTest {
    static final Path EXAMPLES = Path.of("../examples/mlearn-si");
    static JsonNode golden;
    static Dataset train;
    static Descriptors x;
    static Descriptors y;
    static Descriptors small;
    static double h;
    static CpuKdeBackend backend;
    static Atomcover atomcover;
    static final List<String> phases = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        golden = Golden.load("si-mlearn.json");
        h = golden.get("bandwidth").asDouble();
        backend = new CpuKdeBackend(2);
        atomcover = new Atomcover(backend, 2, (task, unit) -> {
            synchronized (phases) {
                phases.add(task + "|" + unit);
            }
            return Phase.NONE;
        });
        QuestsDescriptor q = new QuestsDescriptor(golden.get("k").asInt(), golden.get("cutoff").asDouble());
        train = ExtXyzReader.read(EXAMPLES.resolve("Si-train.extxyz"));
        x = atomcover.descriptors(train, q);
        y = atomcover.descriptors(ExtXyzReader.read(EXAMPLES.resolve("Si-test.extxyz")), q);
        small = y; // Si-test: 25 structures, small enough for the brute-force oracle
    }

    @AfterAll
    static void tearDown() {
        atomcover.close();
        backend.close();
    }

    @Test
    void entropyAndDiversityMatchTheGolden() {
        EntropyResult r = atomcover.entropy(x, h);
        assertEquals(golden.get("dataset_entropy").asDouble(), r.entropy(), 1e-9 * golden.get("dataset_entropy").asDouble());
        assertEquals(golden.get("dataset_diversity").asDouble(), r.diversity(), 1e-9 * golden.get("dataset_diversity").asDouble());
    }

    @Test
    void differentialEntropiesAndTheirStatisticsMatchTheGolden() {
        DifferentialEntropies dH = atomcover.differentialEntropies(y, x, h);
        double[] expect = Golden.doubles(golden.get("test_dH"));
        assertEquals(expect.length, dH.values().length);
        assertEquals(x.rows(), dH.referenceEnvs());
        for (int i = 0; i < expect.length; i++) assertEquals(expect[i], dH.values()[i], 1e-8, "test row " + i);
        assertEquals(golden.get("test_overlap_eps_1e-5").asDouble(), dH.overlap(1e-5));
        // Statistics of the golden values themselves, within the 1e-8 the values agree to.
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        long finite = 0;
        for (double v : expect) {
            if (!Double.isFinite(v)) continue;
            sum += v;
            max = Math.max(max, v);
            finite++;
        }
        assertEquals(expect.length - finite, dH.infinite());
        assertEquals(sum / finite, dH.finiteMean(), 1e-8);
        assertEquals(max, dH.finiteMax(), 1e-8);
    }

    @Test
    void mscReproducesTheGoldenSelectionAndSummary() {
        for (SelectionMethod m : new SelectionMethod[] {SelectionMethod.MSC, SelectionMethod.MSC_COMPAT}) {
            Compression c = atomcover.compress(train, x, CompressionOptions.builder().method(m).size(0.1).compatCheck(true).build());
            JsonNode g = golden.get("msc").get("21");
            assertArrayEquals(ints(g.get("selected")), c.selected().indices(), m.id());
            assertSummary(g.get("summary"), c);
            assertEquals(21, c.scores().length);
            assertEquals(Double.POSITIVE_INFINITY, c.scores()[0], "the forced first pick");
            if (m == SelectionMethod.MSC) assertEquals(0, c.compatDeviations(), "both scorings agree on the first 21 picks");
            else assertNull(c.compatDeviations());
            // Si-train has forces: the largest |F| of the dataset and of the selection, atom by atom.
            double[] full = c.forces().full(), selected = c.forces().selected();
            assertEquals(maxForce(allStructures()), full[full.length - 1], 1e-12);
            assertEquals(maxForce(c.selected().indices()), selected[selected.length - 1], 1e-12);
            assertNull(c.curve());
        }
    }

    @Test
    void fpsReproducesTheGoldenSelectionAndSummary() {
        Compression c = atomcover.compress(x, CompressionOptions.builder().method(SelectionMethod.FPS).size(21).build());
        JsonNode g = golden.get("fps").get("21");
        assertArrayEquals(ints(g.get("selected")), c.selected().indices());
        assertSummary(g.get("summary"), c);
        assertNull(c.scores());
        assertNull(c.forces(), "no dataset given");
    }

    @Test
    void optimalKeepsThePrefixWithTheLargestEntropyTimesDiversity() {
        Compression c = atomcover.compress(small, CompressionOptions.builder().optimal(true).compatCheck(false).build());
        assertEquals(small.structureCount(), c.ordering().size());
        int n = c.selected().size();
        assertArrayEquals(Arrays.copyOf(c.ordering().indices(), n), c.selected().indices());
        // Every prefix from scratch, pair by pair: the curve agrees and no prefix beats the chosen one.
        double best = Double.NEGATIVE_INFINITY;
        int bestSize = 0;
        for (int k = 1; k <= small.structureCount(); k++) {
            double[] hd = bruteEntropy(small.select(Arrays.copyOf(c.ordering().indices(), k)));
            assertEquals(hd[0], c.curve().entropy()[k - 1], 1e-10 * Math.abs(hd[0]), "entropy of prefix " + k);
            assertEquals(hd[1], c.curve().diversity()[k - 1], 1e-10 * Math.abs(hd[1]), "diversity of prefix " + k);
            if (hd[0] * hd[1] > best * (1 + 1e-12)) {
                best = hd[0] * hd[1];
                bestSize = k;
            }
        }
        assertEquals(bestSize, n);
        assertEquals(best, c.optimalValue(), 1e-9 * best);
        // The summary (read from the curve) against the chosen prefix from scratch.
        double[] chosen = bruteEntropy(small.select(c.selected().indices()));
        assertEquals(chosen[0], c.summary().entropy(), 1e-10 * Math.abs(chosen[0]));
        assertEquals(chosen[1], c.summary().diversity(), 1e-10 * Math.abs(chosen[1]));
        assertEquals(bruteOverlap(small, small.select(c.selected().indices()), 1e-5), c.summary().overlap());
        assertEquals(n, c.summary().compressedSize());
        assertEquals(small.select(c.selected().indices()).rows(), c.summary().compressedEnvs());
    }

    @Test
    void compatCheckIsOptIn() {
        Compression plain = atomcover.compress(small, CompressionOptions.builder().size(5).build());
        assertNull(plain.compatDeviations());
        assertEquals(0.0, plain.seconds().compatCheck());
        Compression checked = atomcover.compress(small, CompressionOptions.builder().size(5).compatCheck(true).build());
        assertEquals(MscSelector.differingPositions(checked.selected().indices(),
                new MscSelector(backend, 0.015, MscSelector.Mode.COMPAT).select(small, 5).indices()),
                (int) checked.compatDeviations());
    }

    @Test
    void compareMeasuresEverySelectionAsFromScratch() {
        phases.clear();
        ComparisonOptions o = ComparisonOptions.of(0.2, 10)
                .withMethods(SelectionMethod.MSC, SelectionMethod.K_MEANS, SelectionMethod.RANDOM, SelectionMethod.MSC)
                .withSeeds(2, 5).withKernel(h, 1e-5);
        Comparison c = atomcover.compare(small, o);
        assertArrayEquals(new int[] {5, 10}, c.sizes());
        assertEquals(6, c.cells().size(), "duplicates dropped: 3 methods x 2 sizes");
        List<String> order = new ArrayList<>();
        for (Comparison.Cell cell : c.cells()) order.add(cell.size() + " " + cell.method().id());
        assertEquals(List.of("5 msc", "5 k_means", "5 random", "10 msc", "10 k_means", "10 random"), order);
        assertEquals(List.of(SelectionMethod.MSC, SelectionMethod.K_MEANS, SelectionMethod.RANDOM),
                new ArrayList<>(c.selectionSeconds().keySet()));
        for (Comparison.Cell cell : c.cells()) {
            int runs = cell.method().seeded() ? 2 : 1;
            assertEquals(runs, cell.selections().length);
            if (cell.method().seeded()) assertArrayEquals(new long[] {5, 6}, cell.seeds());
            else assertNull(cell.seeds());
            for (int r = 0; r < runs; r++) {
                int[] sel = cell.selections()[r];
                assertEquals(cell.size(), sel.length);
                double[] hd = bruteEntropy(small.select(sel));
                assertEquals(hd[0], cell.values(Comparison.Metric.ENTROPY)[r], 1e-10 * Math.abs(hd[0]));
                assertEquals(hd[1], cell.values(Comparison.Metric.DIVERSITY)[r], 1e-10 * Math.abs(hd[1]));
                assertEquals(bruteOverlap(small, small.select(sel), 1e-5), cell.values(Comparison.Metric.OVERLAP)[r]);
            }
            double[] e = cell.values(Comparison.Metric.ENTROPY);
            double mean = Arrays.stream(e).average().orElseThrow();
            assertEquals(mean, cell.mean(Comparison.Metric.ENTROPY), 1e-15 * mean);
            assertEquals(runs == 2 ? Math.abs(e[0] - e[1]) / 2 : 0, cell.std(Comparison.Metric.ENTROPY), 1e-12);
        }
        // Nested methods are read as prefixes of one run; random is the seeded RandomSelector's draw.
        int[] msc5 = c.cell(SelectionMethod.MSC, 5).selections()[0];
        assertArrayEquals(msc5, Arrays.copyOf(c.cell(SelectionMethod.MSC, 10).selections()[0], 5));
        assertArrayEquals(new RandomSelector(6).select(25, 10).indices(), c.cell(SelectionMethod.RANDOM, 10).selections()[1]);
        assertTrue(phases.containsAll(List.of("structure entropies| structures", "msc| picks", "random seed 5| picks",
                "random seed 6| picks", "k_means metrics| environments")), phases.toString());
        assertTrue(phases.stream().noneMatch(p -> p.startsWith("k_means seed")), "k_means runs per size without a phase");
    }

    @Test
    void optionsRefuseWhatHasNoMeaning() {
        assertThrows(IllegalArgumentException.class,
                () -> CompressionOptions.builder().method(SelectionMethod.K_MEANS).full(true).build());
        assertThrows(IllegalArgumentException.class, () -> CompressionOptions.builder().build(), "no size");
        assertThrows(IllegalArgumentException.class,
                () -> CompressionOptions.builder().method(SelectionMethod.FPS).size(3).chunks(3).build());
        assertThrows(IllegalArgumentException.class, () -> atomcover.compare(small, ComparisonOptions.of(5, 5.0)));
        assertThrows(IllegalArgumentException.class,
                () -> atomcover.compress(small, CompressionOptions.builder().size(0.001).build()));
    }

    private static void assertSummary(JsonNode g, Compression c) {
        assertEquals(g.get("entropy").asDouble(), c.summary().entropy(), 1e-9);
        assertEquals(g.get("diversity").asDouble(), c.summary().diversity(), 1e-9);
        assertEquals(g.get("overlap").asDouble(), c.summary().overlap(), 1e-12);
        assertEquals(g.get("original_size").asInt(), c.summary().originalSize());
        assertEquals(g.get("compressed_size").asInt(), c.summary().compressedSize());
        assertEquals(g.get("original_envs").asInt(), c.summary().originalEnvs());
        assertEquals(g.get("compressed_envs").asInt(), c.summary().compressedEnvs());
    }

    private static int[] allStructures() {
        int[] all = new int[train.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return all;
    }

    private static double maxForce(int[] structures) {
        double max = 0;
        for (int s : structures) {
            double[] f = train.get(s).column("forces").reals();
            for (int a = 0; a < f.length; a += 3) max = Math.max(max, Math.sqrt(f[a] * f[a] + f[a + 1] * f[a + 1] + f[a + 2] * f[a + 2]));
        }
        return max;
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asInt();
        return v;
    }

    /** Kernel sum of row i of a against every row of b, every pair with {@link Math#exp}. */
    private static double kernelSum(Descriptors a, int i, Descriptors b) {
        int dim = a.dim();
        double[] da = a.data(), db = b.data();
        double p = 0;
        for (int j = 0; j < b.rows(); j++) {
            double d2 = 0;
            for (int k = 0; k < dim; k++) {
                double t = da[i * dim + k] - db[j * dim + k];
                d2 += t * t;
            }
            p += Math.exp(-d2 / (2 * h * h));
        }
        return p;
    }

    /** {entropy, diversity} from every pair: H = -(1/N) Σ log(p_i / N), D = log Σ 1/p_i. */
    private static double[] bruteEntropy(Descriptors s) {
        int n = s.rows();
        double sumLog = 0, sumInv = 0;
        for (int i = 0; i < n; i++) {
            double p = kernelSum(s, i, s);
            sumLog += Math.log(p / n);
            sumInv += 1 / p;
        }
        return new double[] {-sumLog / n, Math.log(sumInv)};
    }

    /** Fraction of the rows of d whose dH = -log Σ k against the selection is below eps. */
    private static double bruteOverlap(Descriptors d, Descriptors sel, double eps) {
        int covered = 0;
        for (int i = 0; i < d.rows(); i++) if (-Math.log(kernelSum(d, i, sel)) < eps) covered++;
        return (double) covered / d.rows();
    }
}
