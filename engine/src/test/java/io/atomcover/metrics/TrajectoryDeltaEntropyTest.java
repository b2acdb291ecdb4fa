package io.atomcover.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dH along a trajectory (the first eight frames of Si-test, 477 environments) against two oracles:
 * the existing exact dH of each frame against the descriptors of the frames before it (computed on
 * their own), and a plain double loop over the pairs.
 */
class TrajectoryDeltaEntropyTest {
    static final double H = 0.015;
    static CpuKdeBackend backend;
    static List<Structure> frames;
    static Descriptors x;

    @BeforeAll
    static void load() {
        backend = new CpuKdeBackend(2);
        frames = ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-test.extxyz")).structures().subList(0, 8);
        x = new QuestsDescriptor(32, 5.0).compute(frames, 2, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** -log Σ_j exp(-|y - x_j|²/2h²) over rows [from, to) of x, by a plain loop. */
    static double bruteForce(int row, int from, int to) {
        int d = x.dim();
        double p = 0;
        for (int j = from; j < to; j++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double e = x.data()[row * d + c] - x.data()[j * d + c];
                s += e * e;
            }
            p += Math.exp(-s / (2 * H * H));
        }
        return -Math.log(p);
    }

    @Test
    void eachFrameAgainstAllEarlierFrames() {
        double[] got = TrajectoryDeltaEntropy.compute(backend, x, H, TrajectoryDeltaEntropy.Reference.PREVIOUS, ProgressListener.NONE);
        int[] off = x.offsets();
        InformationMetrics m = new InformationMetrics(backend);
        for (int t = 0; t < frames.size(); t++) {
            // Oracle 1: the existing dH on a prefix, computed from scratch (the first frame: against itself).
            Descriptors frame = new QuestsDescriptor(32, 5.0).compute(frames.subList(t, t + 1), 1, ProgressListener.NONE);
            Descriptors before = t == 0 ? frame : new QuestsDescriptor(32, 5.0).compute(frames.subList(0, t), 1, ProgressListener.NONE);
            double[] expected = m.differentialEntropy(frame, before, H);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(got, off[t], off[t + 1]), 1e-12, "frame " + t);
            // Oracle 2: the pair loop.
            for (int i = off[t]; i < off[t + 1]; i++) {
                double b = bruteForce(i, 0, t == 0 ? off[1] : off[t]);
                assertEquals(b, got[i], 1e-9 * Math.max(1, Math.abs(b)), "frame " + t + " row " + i);
            }
        }
    }

    @Test
    void selfModeScoresEveryFrameAgainstItself() {
        double[] got = TrajectoryDeltaEntropy.compute(backend, x, H, TrajectoryDeltaEntropy.Reference.SELF, ProgressListener.NONE);
        int[] off = x.offsets();
        for (int t = 0; t < frames.size(); t++)
            for (int i = off[t]; i < off[t + 1]; i++) {
                double b = bruteForce(i, off[t], off[t + 1]);
                assertEquals(b, got[i], 1e-9 * Math.max(1, Math.abs(b)), "frame " + t + " row " + i);
            }
    }

    @Test
    void theFirstFrameIsTheSameInBothModes() {
        double[] prev = TrajectoryDeltaEntropy.compute(backend, x, H, TrajectoryDeltaEntropy.Reference.PREVIOUS, ProgressListener.NONE);
        double[] self = TrajectoryDeltaEntropy.compute(backend, x, H, TrajectoryDeltaEntropy.Reference.SELF, ProgressListener.NONE);
        int n0 = x.rowsOf(0);
        assertArrayEquals(java.util.Arrays.copyOf(self, n0), java.util.Arrays.copyOf(prev, n0), 0.0);
    }
}
