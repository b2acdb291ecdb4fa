package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.cli.plot.Chart;
import io.atomcover.cli.plot.Marker;
import io.atomcover.cli.plot.Series;
import io.atomcover.io.AtomicFiles;
import io.atomcover.select.SelectionCurve;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A selection curve (metrics of every prefix of an ordering) as CSV, JSON and plot panels. */
final class CurveOutput {
    static final String CSV_HEADER = "size,environments,entropy,diversity,overlap";

    private CurveOutput() {
    }

    /** One line per prefix: size, environments, entropy, diversity, overlap; values at full precision. */
    static void writeCsv(Path target, SelectionCurve c) throws IOException {
        AtomicFiles.write(target, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write(CSV_HEADER + "\n");
            for (int i = 0; i < c.entropy().length; i++) {
                w.write((i + 1) + "," + c.environments()[i] + "," + c.entropy()[i] + "," + c.diversity()[i] + ","
                        + c.overlap()[i] + "\n");
            }
            w.flush();
        });
    }

    /** The curve as JSON arrays (size, environments, entropy, diversity, overlap). */
    static ObjectNode json(SelectionCurve c) {
        ObjectNode o = Json.object();
        ArrayNode size = o.putArray("size");
        for (int i = 1; i <= c.entropy().length; i++) size.add(i);
        ArrayNode envs = o.putArray("environments");
        for (int e : c.environments()) envs.add(e);
        put(o.putArray("entropy"), c.entropy());
        put(o.putArray("diversity"), c.diversity());
        put(o.putArray("overlap"), c.overlap());
        return o;
    }

    private static void put(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) a.add(v);
            else a.addNull();
        }
    }

    /**
     * Panels of entropy, diversity and overlap against the number of structures, the chosen size
     * marked; with {@code withProduct} a fourth panel of entropy × diversity (the optimal-size criterion).
     */
    static List<Chart> panels(SelectionCurve c, String method, int chosen, String chosenLabel, boolean withProduct) {
        int n = c.entropy().length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        List<Chart> panels = new ArrayList<>();
        panels.add(panel("Entropy", "entropy H (nats)", x, c.entropy(), method, chosen, chosenLabel));
        panels.add(panel("Diversity", "diversity D (nats)", x, c.diversity(), method, chosen, chosenLabel));
        panels.add(panel("Overlap with the whole dataset", "overlap (fraction of environments)", x, c.overlap(), method, chosen,
                chosenLabel));
        if (withProduct)
            panels.add(panel("Entropy × diversity", "H × D (nats²)", x, c.entropyTimesDiversity(), method, chosen, chosenLabel));
        return panels;
    }

    private static Chart panel(String title, String yLabel, double[] x, double[] y, String method, int chosen, String chosenLabel) {
        Chart chart = Plots.panel(title, Plots.STRUCTURES, yLabel);
        chart.x().min(0.0).counts();
        Plots.line(chart, method, x, y, new Color(31, 119, 180));
        if (chosen >= 1 && chosen <= y.length)
            chart.add(new Series(chosenLabel, new double[] {chosen}, new double[] {y[chosen - 1]})).noLine().marker(Marker.DIAMOND)
                    .color(new Color(214, 39, 40));
        return chart;
    }
}
