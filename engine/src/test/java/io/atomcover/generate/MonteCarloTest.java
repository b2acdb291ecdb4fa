package io.atomcover.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short chains from the first Si-test structure against the next four: the recorded temperatures,
 * decisions and best score replayed by an independent computation (the annealing formula, the
 * Metropolis rule on the recorded scores and draws, and the score of the written structure from its
 * descriptors and a plain-loop dH), and reproducibility by seed.
 */
class MonteCarloTest {
    static final double H = 0.015;
    static final QuestsDescriptor Q = new QuestsDescriptor(32, 5.0);
    static CpuKdeBackend backend;
    static Structure start;
    static Descriptors reference;

    @BeforeAll
    static void load() {
        backend = new CpuKdeBackend(2);
        List<Structure> s = ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures();
        start = s.get(0);
        reference = Q.compute(s.subList(1, 5), 2, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static NoveltyScore exact() {
        InformationMetrics m = new InformationMetrics(backend);
        return (rows, dim) -> m.differentialEntropyLog(Descriptors.ofRows(rows, dim), reference, H);
    }

    static McmcRun chain(McmcParameters p, long seed) {
        return new MonteCarlo(Q, exact(), p).run(start, seed, ProgressListener.NONE);
    }

    static final McmcParameters P = new McmcParameters(12, 0.5, 0.05, 2.0, 3, 1e-3);

    @Test
    void temperaturesFollowTheAnnealingFormula() {
        McmcRun r = chain(P, 9);
        int period = 12 / 3;
        for (int step = 0; step < 12; step++) {
            double expected = 0.5 * Math.max(1 - (step % period) / (double) period, 1e-3);
            assertEquals(expected, r.temperature()[step], 1e-15, "step " + step);
        }
    }

    @Test
    void decisionsFollowTheMetropolisRule() {
        McmcRun r = chain(P, 9);
        double current = Double.POSITIVE_INFINITY;
        int accepted = 0;
        for (int step = 0; step < 12; step++) {
            double s = r.score()[step];
            boolean expected = Double.isFinite(s) && Math.exp(-(s - current) / r.temperature()[step]) > r.draw()[step];
            assertEquals(expected, r.accepted()[step], "step " + step);
            if (expected) {
                current = s;
                accepted++;
            }
        }
        assertTrue(r.accepted()[0], "the first proposal is always accepted");
        assertTrue(accepted < 12, "with these settings some proposals are rejected; " + accepted + " of 12 accepted");
    }

    @Test
    void theBestStructureHasTheRecordedScore() {
        McmcRun r = chain(P, 9);
        int best = 0;
        for (int step = 1; step < 12; step++) if (r.score()[step] < r.score()[best]) best = step;
        assertEquals(best, r.bestStep());
        assertEquals(r.score()[best], r.bestScore(), 0.0);
        // Independent score: descriptors of the written structure, dH by a plain loop, mean |dH - target|.
        double[] rows = Q.compute(r.best());
        int d = reference.dim(), n = rows.length / d;
        double score = 0;
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (int j = 0; j < reference.rows(); j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double e = rows[i * d + c] - reference.data()[j * d + c];
                    s += e * e;
                }
                p += Math.exp(-s / (2 * H * H));
            }
            score += Math.abs(-Math.log(p) - 2.0);
        }
        assertEquals(score / n, r.bestScore(), 1e-9 * Math.max(1, score / n));
        assertEquals(Double.toString(r.bestScore()), r.best().info().get("mcmc_score"));
        assertArrayEquals(start.cell(), r.best().cell(), 0.0);
        assertFalse(java.util.Arrays.equals(start.positions(), r.best().positions()));
    }

    @Test
    void displacementsAreGaussianDrawsFromTheSeed() {
        McmcRun r = chain(P.withSteps(1), 4);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        double[] expected = start.positions().clone();
        for (int i = 0; i < expected.length; i++) expected[i] += 0.05 * rng.nextGaussian();
        assertArrayEquals(expected, r.best().positions(), 0.0);
        assertEquals(rng.nextDouble(), r.draw()[0], 0.0);
    }

    @Test
    void reproducibleBySeed() {
        McmcRun a = chain(P, 21);
        McmcRun b = chain(P, 21);
        McmcRun c = chain(P, 22);
        assertArrayEquals(a.best().positions(), b.best().positions(), 0.0);
        assertArrayEquals(a.score(), b.score(), 0.0);
        assertArrayEquals(a.accepted(), b.accepted());
        assertFalse(java.util.Arrays.equals(a.score(), c.score()));
    }

    @Test
    void withoutDisplacementEveryProposalIsTheStartAndAccepted() {
        McmcRun r = chain(new McmcParameters(4, 1.0, 0.0, 2.0, 1, 1e-3), 1);
        for (int i = 0; i < 4; i++) {
            assertTrue(r.accepted()[i]);
            assertEquals(r.score()[0], r.score()[i], 0.0);
        }
        assertArrayEquals(start.positions(), r.best().positions(), 0.0);
    }
}
