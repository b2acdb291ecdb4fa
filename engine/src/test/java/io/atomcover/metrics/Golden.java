package io.atomcover.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atomcover.descriptor.Descriptors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Golden reference values bundled under src/test/resources/golden. */
public final class Golden {
    private Golden() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden descriptor rows of the given structure keys, as one matrix (one structure per key). */
    public static Descriptors descriptors(JsonNode golden, String... keys) {
        int dim = golden.get("descriptors").get(keys[0]).get(0).size();
        int rows = 0;
        for (String k : keys) rows += golden.get("descriptors").get(k).size();
        double[] data = new double[rows * dim];
        int[] off = new int[keys.length + 1];
        int r = 0;
        for (int s = 0; s < keys.length; s++) {
            for (JsonNode row : golden.get("descriptors").get(keys[s])) {
                for (int k = 0; k < dim; k++) data[r * dim + k] = row.get(k).asDouble();
                r++;
            }
            off[s + 1] = r;
        }
        return new Descriptors(data, dim, off);
    }

    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }
}
