package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Comparison;
import io.atomcover.api.Comparison.Cell;
import io.atomcover.api.Comparison.Metric;
import io.atomcover.select.SelectionMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code compare} reports of a {@link Comparison}: the JSON report, and the table on stdout (one row
 * per size and method, mean ± std of each metric, the best marked).
 */
final class CompareReport {
    private CompareReport() {
    }

    /** The JSON report; "seconds" lacks "total", which the command adds once it has written. */
    static ObjectNode json(CompareCommand command, int total, int envs, int[] n, Comparison result, double tDescriptors) {
        List<SizeArg> sizes = command.sizes;
        ObjectNode o = Json.object();
        o.put("file", command.file.toString());
        o.put("original_size", total);
        o.put("original_envs", envs);
        ArrayNode req = o.putArray("requested_sizes");
        for (SizeArg s : sizes) req.add(s.requested());
        ArrayNode sz = o.putArray("sizes");
        for (int v : n) sz.add(v);
        ArrayNode ms = o.putArray("methods");
        for (SelectionMethod m : command.methods) ms.add(m.id());
        ArrayNode sd = o.putArray("seeds");
        for (int r = 0; r < command.seeds; r++) sd.add(command.seed + r);
        ArrayNode results = o.putArray("results");
        for (Cell c : result.cells()) {
            ObjectNode r = results.addObject();
            r.put("method", c.method().id());
            r.put("size", c.size());
            r.put("requested_size", sizes.get(indexOf(n, c.size())).requested());
            r.put("seeded", c.method().seeded());
            if (c.seeds() == null) r.putNull("seeds");
            else {
                ArrayNode a = r.putArray("seeds");
                for (long v : c.seeds()) a.add(v);
            }
            for (Metric k : Metric.values()) {
                ObjectNode m = r.putObject(k.id());
                Json.putFinite(m, "mean", c.mean(k));
                if (c.method().seeded()) Json.putFinite(m, "std", c.std(k));
                else m.putNull("std");
                ArrayNode vals = m.putArray("values");
                for (double v : c.values(k)) vals.add(v);
            }
            ArrayNode sel = r.putArray("selected");
            for (int[] run : c.selections()) {
                ArrayNode a = sel.addArray();
                for (int i : run) a.add(i);
            }
        }
        ObjectNode sec = o.putObject("seconds");
        sec.put("descriptors", tDescriptors);
        ObjectNode ss = sec.putObject("selection");
        result.selectionSeconds().forEach((m, v) -> ss.put(m.id(), v));
        sec.put("metrics", result.metricsSeconds());
        ObjectNode p = o.putObject("parameters");
        p.put("bandwidth", command.bandwidth.h);
        p.put("eps", command.coverage.eps);
        p.put("k", command.descriptor.k);
        p.put("cutoff", command.descriptor.cutoff);
        p.put("multicomponent", command.descriptor.multicomponent);
        p.put("std", "population (ddof=0) over seeds");
        p.put("backend", result.backend());
        p.put("threads", command.common.threads);
        return o;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) if (values[i] == v) return i;
        return -1;
    }

    /** The table on stdout, the sizes and seeds above it, the time and the files written below. */
    static void print(CompareCommand command, int total, int envs, int[] n, List<Cell> cells, boolean plotted, double seconds) {
        var o = command.out();
        List<SizeArg> sizes = command.sizes;
        int seeds = command.seeds;
        long seed = command.seed;
        StringBuilder sizeList = new StringBuilder();
        for (int i = 0; i < n.length; i++)
            sizeList.append(i == 0 ? "" : ", ").append(sizes.get(i).text()).append(" -> ").append(n[i]);
        o.println(command.file + ": " + total + " structures, " + envs + " environments; bandwidth " + command.bandwidth.h);
        o.println("sizes " + sizeList + "; seeded methods: mean ± std over " + seeds + " seed" + (seeds == 1 ? "" : "s")
                + " (" + seed + (seeds > 1 ? ".." + (seed + seeds - 1) : "") + "); * best mean at that size");
        o.println();
        int methodWidth = "method".length();
        for (SelectionMethod m : command.methods) methodWidth = Math.max(methodWidth, m.id().length());
        Metric[] metrics = Metric.values();
        String[][] rows = new String[cells.size()][];
        int[] width = new int[metrics.length];
        for (int k = 0; k < metrics.length; k++) width[k] = metrics[k].id().length();
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            rows[c] = new String[metrics.length];
            for (int k = 0; k < metrics.length; k++) {
                String v = Text.format("%.4f", cell.mean(metrics[k]));
                if (cell.method().seeded() && seeds > 1) v += Text.format(" ± %.4f", cell.std(metrics[k]));
                if (isBest(cells, cell, metrics[k])) v += " *";
                rows[c][k] = v;
                width[k] = Math.max(width[k], v.length());
            }
        }
        int sizeWidth = Math.max("size".length(), Integer.toString(total).length());
        StringBuilder head = new StringBuilder();
        head.append(pad("size", sizeWidth, true)).append("  ").append(pad("method", methodWidth, false));
        for (int k = 0; k < metrics.length; k++) head.append("  ").append(pad(metrics[k].id(), width[k], false));
        o.println(head.toString().stripTrailing());
        int lastSize = -1;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            StringBuilder b = new StringBuilder();
            b.append(pad(cell.size() == lastSize ? "" : Integer.toString(cell.size()), sizeWidth, true)).append("  ")
                    .append(pad(cell.method().id(), methodWidth, false));
            for (int k = 0; k < metrics.length; k++) b.append("  ").append(pad(rows[c][k], width[k], false));
            lastSize = cell.size();
            o.println(b.toString().stripTrailing());
        }
        o.println();
        List<String> written = new ArrayList<>();
        if (command.output != null) written.add(command.output.toString());
        if (plotted) written.add(command.plot.toString());
        Text.line(o, "time", Text.seconds(seconds));
        if (!written.isEmpty()) Text.line(o, "wrote", String.join(", ", written));
    }

    /** Whether no other method at the same size has a larger mean, compared as printed (4 decimals). */
    private static boolean isBest(List<Cell> cells, Cell cell, Metric metric) {
        int rivals = 0;
        String mine = Text.format("%.4f", cell.mean(metric));
        for (Cell other : cells) {
            if (other.size() != cell.size() || other == cell) continue;
            rivals++;
            double theirs = Double.parseDouble(Text.format("%.4f", other.mean(metric)));
            if (theirs > Double.parseDouble(mine)) return false;
        }
        return rivals > 0;
    }

    private static String pad(String s, int width, boolean right) {
        StringBuilder b = new StringBuilder();
        if (right) b.append(" ".repeat(Math.max(0, width - s.length())));
        b.append(s);
        if (!right) b.append(" ".repeat(Math.max(0, width - s.length())));
        return b.toString();
    }
}
