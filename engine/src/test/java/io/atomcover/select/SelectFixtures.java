package io.atomcover.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.backend.cpu.CpuKdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.ExtXyzReader;
import io.atomcover.metrics.InformationMetrics;
import io.atomcover.util.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared inputs of the selection tests: goldens, Si-train descriptors (computed once), random sets. */
final class SelectFixtures {
    /** Backend shared by the tests (daemon threads; never closed). */
    static final CpuKdeBackend BACKEND = new CpuKdeBackend(2);
    private static Descriptors silicon;
    private static double[] siliconEntropies;

    private SelectFixtures() {
    }

    static JsonNode golden(String name) {
        try (InputStream in = SelectFixtures.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
        return v;
    }

    /** Golden descriptor rows of structures "0".."n-1" as one matrix. */
    static Descriptors goldenDescriptors(JsonNode g) {
        JsonNode all = g.get("descriptors");
        int n = all.size();
        int dim = all.get("0").get(0).size();
        int rows = 0;
        for (int s = 0; s < n; s++) rows += all.get(Integer.toString(s)).size();
        double[] x = new double[rows * dim];
        int[] off = new int[n + 1];
        int r = 0;
        for (int s = 0; s < n; s++) {
            for (JsonNode row : all.get(Integer.toString(s))) {
                for (int k = 0; k < dim; k++) x[r * dim + k] = row.get(k).asDouble();
                r++;
            }
            off[s + 1] = r;
        }
        return new Descriptors(x, dim, off);
    }

    /** QUESTS descriptors of Si-train (k = 32, rc = 5). */
    static synchronized Descriptors silicon() {
        if (silicon == null)
            silicon = new QuestsDescriptor(32, 5.0).compute(
                    ExtXyzReader.read(Path.of("../examples/mlearn-si/Si-train.extxyz")).structures(), 2, ProgressListener.NONE);
        return silicon;
    }

    /** Structure entropies of Si-train at h = 0.015. */
    static synchronized double[] siliconEntropies() {
        if (siliconEntropies == null) siliconEntropies = new InformationMetrics(BACKEND).structureEntropies(silicon(), 0.015, 2, ProgressListener.NONE);
        return siliconEntropies.clone();
    }

    /**
     * S structures of 1..maxRows rows in dim 4: each structure sits near one of a few cluster centres
     * with its own offset, rows scattered at about the bandwidth scale so covers overlap partially.
     */
    static Descriptors clustered(int structures, int maxRows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dim = 4;
        double[][] centres = new double[5][dim];
        for (double[] c : centres) for (int k = 0; k < dim; k++) c[k] = rng.nextDouble() * 0.3;
        int[] off = new int[structures + 1];
        for (int s = 0; s < structures; s++) off[s + 1] = off[s] + 1 + rng.nextInt(maxRows);
        double[] x = new double[off[structures] * dim];
        for (int s = 0; s < structures; s++) {
            double[] c = centres[rng.nextInt(centres.length)];
            double[] shift = new double[dim];
            for (int k = 0; k < dim; k++) shift[k] = 0.03 * rng.nextGaussian();
            for (int r = off[s]; r < off[s + 1]; r++)
                for (int k = 0; k < dim; k++) x[r * dim + k] = c[k] + shift[k] + 0.02 * rng.nextGaussian();
        }
        return new Descriptors(x, dim, off);
    }
}
