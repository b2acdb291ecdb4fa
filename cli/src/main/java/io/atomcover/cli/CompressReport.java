package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Compression;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.select.ForceTails;
import io.atomcover.select.SelectionMethod;
import io.atomcover.select.SelectionSummary;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code compress} shows of a {@link Compression}: the JSON report, the summary on stdout, the plots. */
final class CompressReport {
    /** Bins of the force-magnitude histogram. */
    static final int FORCE_BINS = 60;

    private final CompressCommand c;
    private final Dataset ds;
    private final Descriptors d;
    private final Compression r;

    CompressReport(CompressCommand command, Dataset ds, Descriptors d, Compression r) {
        this.c = command;
        this.ds = ds;
        this.d = d;
        this.r = r;
    }

    /** The JSON report; "seconds" lacks "output" and "total", which the command adds once it has written. */
    ObjectNode json(double tDescriptors) {
        SelectionSummary s = r.summary();
        SelectionMethod method = r.method();
        int n = r.selected().size();
        ObjectNode o = Json.object();
        o.put("method", method.isMsc() ? "msc" : method.id());
        o.put("size", n);
        ArrayNode sel = o.putArray("selected");
        for (int i : r.selected().indices()) sel.add(i);
        Json.putFinite(o, "entropy", s.entropy());
        Json.putFinite(o, "diversity", s.diversity());
        Json.putFinite(o, "overlap", s.overlap());
        c.tolerance.putJson(o, "entropy_bound");
        o.put("original_size", s.originalSize());
        o.put("compressed_size", s.compressedSize());
        o.put("original_envs", s.originalEnvs());
        o.put("compressed_envs", s.compressedEnvs());
        if (method == SelectionMethod.MSC) {
            if (r.compatDeviations() == null) o.putNull("compat_deviations");
            else o.put("compat_deviations", r.compatDeviations());
        }
        if (r.scores() != null) {
            double[] scores = r.scores();
            ArrayNode sc = o.putArray("scores");
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(scores[i])) sc.add(scores[i]);
                else sc.addNull();
            }
        }
        if (r.forces() != null) o.set("forces", forcesJson(r.forces()));
        if (c.optimal) {
            ObjectNode opt = o.putObject("optimal");
            opt.put("size", n);
            opt.put("criterion", "entropy*diversity");
            opt.put("value", r.optimalValue());
        }
        if (c.full || c.optimal) {
            ArrayNode ord = o.putArray("ordering");
            for (int i : r.ordering().indices()) ord.add(i);
        }
        if (r.curve() != null) o.set("curve", CurveOutput.json(r.curve()));

        ObjectNode sec = o.putObject("seconds");
        sec.put("descriptors", tDescriptors);
        sec.put("selection", r.seconds().selection());
        if (compatChecked()) sec.put("compat_check", r.seconds().compatCheck());
        sec.put("metrics", r.seconds().metrics());
        if (r.curve() != null) sec.put("curve", r.seconds().curve());

        ObjectNode p = o.putObject("parameters");
        p.put("file", c.file.toString());
        if (c.size == null) p.putNull("requested_size");
        else p.put("requested_size", c.size.requested());
        p.put("full", c.full);
        p.put("optimal", c.optimal);
        p.put("bandwidth", c.bandwidth.h);
        p.put("eps", c.coverage.eps);
        p.put("k", c.descriptor.k);
        p.put("cutoff", c.descriptor.cutoff);
        p.put("multicomponent", c.descriptor.multicomponent);
        p.put("dim", d.dim());
        if (method.isMsc()) p.put("mode", method == SelectionMethod.MSC_COMPAT ? "compat" : "default");
        else p.putNull("mode");
        if (method.seeded()) p.put("seed", c.seed);
        else p.putNull("seed");
        if (c.chunks == null) p.putNull("chunks");
        else p.put("chunks", c.chunks);
        if (c.reference == null) p.putNull("reference");
        else p.put("reference", c.reference.toString());
        p.put("backend", r.backend());
        p.put("threads", c.common.threads);
        return o;
    }

    private boolean compatChecked() {
        return r.method() == SelectionMethod.MSC && c.compatCheck;
    }

    private static ObjectNode forcesJson(ForceTails t) {
        ObjectNode f = Json.object();
        ArrayNode levels = f.putArray("quantile_levels");
        for (double v : t.probabilities()) levels.add(v);
        f.set("full", quantilesJson(t.full()));
        f.set("selected", quantilesJson(t.selected()));
        f.put("ks_statistic", t.ksStatistic());
        f.put("ks_p_value", t.ksPValue());
        return f;
    }

    private static ObjectNode quantilesJson(double[] q) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("quantiles");
        for (int i = 0; i < q.length - 1; i++) a.add(q[i]);
        o.put("max", q[q.length - 1]);
        return o;
    }

    /** The curve plot and, with forces, the |F| histogram next to it; returns the files written. */
    List<Path> writePlots() {
        List<Path> written = new ArrayList<>();
        SelectionMethod method = r.method();
        int n = r.selected().size();
        String label = (c.optimal ? "optimal: " : "selected: ") + n;
        String name = method.isMsc() ? "msc" + (method == SelectionMethod.MSC_COMPAT ? " (compat)" : "") : method.id();
        if (c.writePlot(c.plot, () -> Plots.write(c.plot, CurveOutput.panels(r.curve(), name, n, label, c.optimal),
                c.optimal ? 2 : 3)))
            written.add(c.plot);
        if (r.forces() != null) {
            int[] all = new int[ds.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            Path forces = Plots.companion(c.plot, "forces");
            if (c.writePlot(forces, () -> Plots.write(forces, List.of(Plots.forceHistogram(ForceTails.magnitudes(ds, all),
                    ForceTails.magnitudes(ds, r.selected().indices()), FORCE_BINS)), 1)))
                written.add(forces);
        }
        return written;
    }

    /** The human summary on stdout. */
    void summary(List<Path> plots, double seconds) {
        var o = c.out();
        SelectionSummary s = r.summary();
        SelectionMethod method = r.method();
        o.println(c.file + ": " + ds.size() + " structures, " + d.rows() + " environments");
        String how = switch (method) {
            case MSC -> "msc (default scoring" + (r.compatDeviations() == null ? ")"
                    : Text.format("; %d of %d picks differ from --compat quests)", r.compatDeviations(), r.selected().size()));
            case MSC_COMPAT -> "msc (--compat quests scoring)";
            default -> method.id() + (method.seeded() ? " (seed " + c.seed + ")" : "");
        };
        if (c.reference != null) how += ", conditional on " + c.reference;
        if (c.chunks != null) how += ", segmented in chunks of " + c.chunks + " x size";
        Text.line(o, "method", how);
        Text.line(o, "selected", Text.format("%d of %d structures (%.1f %%), %d of %d environments%s", s.compressedSize(),
                s.originalSize(), 100.0 * s.compressedSize() / s.originalSize(), s.compressedEnvs(), s.originalEnvs(),
                c.optimal ? ", the size with the largest entropy x diversity" : ""));
        Text.line(o, "entropy", Text.precise(s.entropy()) + " nats");
        Text.line(o, "diversity", Text.precise(s.diversity()) + " nats");
        c.tolerance.printLine(o, "entropy");
        Text.line(o, "overlap", Text.precise(s.overlap()) + Text.format(" (of the dataset's environments, dH < %s)",
                Double.toString(c.coverage.eps)));
        ForceTails tails = r.forces();
        if (tails != null) {
            Text.line(o, "forces |F|", "   median      q90      q99    q99.9      max");
            Text.line(o, "  all", quantileRow(tails.full()));
            Text.line(o, "  selected", quantileRow(tails.selected()));
            Text.line(o, "  KS test", Text.format("D = %.4f, p = %.3g", tails.ksStatistic(), tails.ksPValue()));
        }
        StringBuilder picks = new StringBuilder();
        for (int i : r.selected().indices()) picks.append(picks.length() == 0 ? "" : " ").append(i);
        Text.line(o, "picks", picks + " (0-based frame indices, in selection order)");
        Text.line(o, "time", Text.seconds(seconds) + Text.format(" (selection %.3f s%s)", r.seconds().selection(),
                compatChecked() ? Text.format(", compat check %.3f s", r.seconds().compatCheck()) : ""));
        List<String> written = new ArrayList<>();
        for (Path p : c.outputs) written.add(p.toString());
        if (c.curve != null) written.add(c.curve.toString());
        for (Path p : plots) written.add(p.toString());
        if (!written.isEmpty()) Text.line(o, "wrote", String.join(", ", written));
    }

    private static String quantileRow(double[] q) {
        StringBuilder b = new StringBuilder();
        for (double v : q) b.append(Text.format(" %8.4f", v));
        return b.toString();
    }
}
