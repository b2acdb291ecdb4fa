package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.krr.EnergyUnit;
import java.util.Arrays;
import java.util.List;

/** Learning-curve points in the JSON reports of {@code learning-curve} and {@code experiment}. */
public final class CurveJson {
    private CurveJson() {
    }

    /** One object per point: size, mae and cv_mae (kcal/mol), sigma, lambda, prediction and label (energy unit). */
    public static void putPoints(ArrayNode points, List<CurvePoint> curve, EnergyUnit unit) {
        for (CurvePoint p : curve) {
            ObjectNode o = points.addObject();
            o.put("size", p.size());
            o.put("mae", unit.toKcalPerMol(p.absError()));
            o.put("sigma", p.sigma());
            o.put("lambda", p.lambda());
            o.put("cv_mae", unit.toKcalPerMol(p.cvError()));
            o.put("prediction", p.prediction());
            o.put("label", p.label());
        }
    }

    /**
     * The MAE of {@code points} at each of {@code sizes} (NaN for a size without a point).
     *
     * @throws IllegalArgumentException when {@code points} is not an array of points with a size and a
     *                                  finite, non-negative mae, or lists a size twice or one not asked for
     */
    public static double[] maeBySize(JsonNode points, int[] sizes) {
        if (points == null || !points.isArray()) throw new IllegalArgumentException("no \"points\" array");
        double[] mae = new double[sizes.length];
        Arrays.fill(mae, Double.NaN);
        for (JsonNode p : points) {
            JsonNode size = p.get("size"), value = p.get("mae");
            if (size == null || !size.canConvertToInt() || !size.isIntegralNumber()) throw new IllegalArgumentException("a point without an integer size");
            if (value == null || !value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble()))
                throw new IllegalArgumentException("the point of size " + size.asInt() + " has no finite mae");
            int i = indexOf(sizes, size.asInt());
            if (i < 0) throw new IllegalArgumentException("a point of size " + size.asInt() + ", which is not one of the sizes");
            if (!Double.isNaN(mae[i])) throw new IllegalArgumentException("two points of size " + size.asInt());
            mae[i] = value.asDouble();
        }
        return mae;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) if (values[i] == v) return i;
        return -1;
    }
}
