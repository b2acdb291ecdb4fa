package io.atomcover.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Both volume rules of upstream QUESTS's get_bandwidth: values worked out by hand at volumes where
 * the formulas simplify, and the values of upstream's formulas re-derived in NumPy
 * (upstream/bandwidth.py beside this test's resources, its output upstream/bandwidth.json).
 */
class BandwidthRulesTest {
    @Test
    void cutoffRuleAtVolumesWhereItSimplifies() {
        // v = 1: ln v = 0, so z = 0 and the weight (1 - 0)^2 = 1.
        assertEquals(0.086164 + 0.016, Bandwidth.cutoff(1.0), 1e-15);
        // (ln v)^2 = 11.61172 exactly reaches the scale: weight 0, the floor 0.016.
        assertEquals(0.016, Bandwidth.cutoff(Math.exp(Math.sqrt(11.61172))), 1e-15);
        // Beyond it the clamp keeps the floor.
        assertEquals(0.016, Bandwidth.cutoff(1e4), 0.0);
        // (ln v)^2 = 11.61172 / 2: z = 1/2, weight (1 - 1/4)^2 = 9/16.
        assertEquals(0.086164 * 9.0 / 16.0 + 0.016, Bandwidth.cutoff(Math.exp(Math.sqrt(11.61172 / 2))), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.cutoff(0.0));
    }

    @Test
    void gaussianRuleAtVolumesWhereItSimplifies() {
        assertEquals(0.0897141 + 0.0119417, Bandwidth.gaussian(0), 1e-15);
        // v = 2·10.896: exp(-2).
        assertEquals(0.0897141 * Math.exp(-2) + 0.0119417, Bandwidth.gaussian(2 * 10.896), 1e-15);
    }

    @Test
    void bothRulesMatchUpstreamsFormulasReDerivedInNumPy() throws Exception {
        JsonNode j;
        try (InputStream in = getClass().getResourceAsStream("/upstream/bandwidth.json")) {
            j = new ObjectMapper().readTree(in);
        }
        int n = 0;
        for (JsonNode row : j.get("rows")) {
            double v = row.get("volume").asDouble();
            assertEquals(row.get("gaussian").asDouble(), Bandwidth.gaussian(v), 1e-15, "gaussian at " + v);
            assertEquals(row.get("cutoff").asDouble(), Bandwidth.cutoff(v), 1e-15, "cutoff at " + v);
            assertEquals(Bandwidth.Rule.CUTOFF.apply(v), Bandwidth.cutoff(v), 0.0);
            n++;
        }
        assertEquals(9, n);
    }
}
