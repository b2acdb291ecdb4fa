package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.api.Atomcover;
import io.atomcover.backend.KdeBackend;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.io.ExtXyzWriter;
import io.atomcover.metrics.TrajectoryDeltaEntropy;
import io.atomcover.structure.AtomColumn;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover dh-traj}: dH of each frame of a trajectory against the frames before it. */
@Command(name = "dh-traj",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "dH of every environment of each trajectory frame against all earlier frames.",
        description = {
                "For frame t of TRAJ, dH(y | frames 0..t-1) = -log sum_x exp(-|y - x|^2 / 2h^2) of each of its "
                        + "environments y, x running over every environment of the earlier frames: how new the "
                        + "frame is to what the trajectory has visited. The first frame has no earlier frame and is "
                        + "scored against itself. --reference self scores every frame against itself instead, "
                        + "which is what upstream QUESTS's 'dH_traj' computes.",
                "",
                "Output by extension: .json (per-frame summaries and every value; null where dH is +inf), or "
                        + ".extxyz/.xyz (the frames with a per-atom 'dH' column, +inf written as inf). Without -o, "
                        + "a per-frame table is printed.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover dh-traj md.extxyz -o novelty.json",
                "  atomcover dh-traj md.extxyz -o md-dH.extxyz        # view dH per atom in OVITO",
                "  atomcover dh-traj md.extxyz --reference self -o - "})
final class DhTrajCommand extends BaseCommand {
    private static final FilePlan.Names OUTPUTS = FilePlan.Names.of(".json", ".extxyz", ".xyz").orStdout();

    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory: one structure per frame (.extxyz or .xyz).")
    Path trajectory;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the values: .json, .extxyz or .xyz ('-': JSON on stdout instead of the table).")
    Path output;

    @Option(names = "--reference", paramLabel = "previous|self",
            description = "What each frame is compared with: previous (all earlier frames) or self (its own environments, as upstream). Default: ${DEFAULT-VALUE}.")
    String reference = "previous";

    @Mixin
    TypesOption types;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    private TrajectoryDeltaEntropy.Reference mode() {
        return switch (reference) {
            case "previous" -> TrajectoryDeltaEntropy.Reference.PREVIOUS;
            case "self" -> TrajectoryDeltaEntropy.Reference.SELF;
            default -> throw usage("--reference must be previous or self, got '" + reference + "'");
        };
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
        mode();
        if (Inputs.isNpy(trajectory)) throw usage("TRAJ must be structures (.extxyz/.xyz): a .npy matrix has no frames");
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(trajectory);
        files.output("-o", output, OUTPUTS);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Dataset ds = Inputs.readDataset(trajectory, types.options());
        Descriptors x = Inputs.compute(ds, Inputs.descriptor(descriptor), common);
        double[] dH;
        try (KdeBackend backend = backendOptions.open(common, err())) {
            dH = new Atomcover(backend, common.threads, Progress.phases(common.showProgress()))
                    .trajectoryDifferentialEntropies(x, bandwidth.h, mode());
        }
        double seconds = secondsSince(t0);
        int[] off = x.offsets();
        if (output != null && !Json.STDOUT.equals(output) && !output.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            ExtXyzWriter.write(output, withColumn(ds, dH));
        } else if (output != null) {
            Json.write(output, report(ds, x, dH, seconds), out());
        }
        if (Json.STDOUT.equals(output)) return;
        var o = out();
        o.println(Text.format("%s: %d frames, %d environments, reference %s (first frame against itself), h = %s, %.3f s%s",
                trajectory, ds.size(), x.rows(), reference, bandwidth.h, seconds, output == null ? "" : " -> " + output));
        o.println(Text.format("%6s %6s %16s %16s %5s", "frame", "envs", "mean dH", "max dH", "inf"));
        for (int t = 0; t < ds.size(); t++) {
            Stats s = Stats.of(dH, off[t], off[t + 1]);
            o.println(Text.format("%6d %6d %16s %16s %5d", t, off[t + 1] - off[t], fmt(s.mean), fmt(s.max), s.infinite));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : Text.format("%.6f", v + 0.0); // + 0.0: -0.0 (a lone self term) prints as 0
    }

    /** Mean and maximum over the finite values of a range, and how many are infinite. */
    record Stats(double mean, double max, int infinite) {
        static Stats of(double[] v, int from, int to) {
            double sum = 0, max = Double.NEGATIVE_INFINITY;
            int n = 0, inf = 0;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(v[i])) {
                    sum += v[i];
                    max = Math.max(max, v[i]);
                    n++;
                } else {
                    inf++;
                }
            }
            return new Stats(n == 0 ? Double.NaN : sum / n, n == 0 ? Double.NaN : max, inf);
        }
    }

    private ObjectNode report(Dataset ds, Descriptors x, double[] dH, double seconds) {
        int[] off = x.offsets();
        ObjectNode r = Json.object();
        r.put("file", trajectory.toString());
        r.put("reference", reference);
        r.put("first_frame", "self");
        r.put("num_frames", ds.size());
        r.put("n_envs", x.rows());
        r.put("k", descriptor.k);
        r.put("cutoff", descriptor.cutoff);
        r.put("multicomponent", descriptor.multicomponent);
        r.put("bandwidth", bandwidth.h);
        r.put("threads", common.threads);
        r.put("seconds", seconds);
        ArrayNode frames = r.putArray("frames");
        ArrayNode values = r.putArray("delta_entropy");
        for (int t = 0; t < ds.size(); t++) {
            Stats s = Stats.of(dH, off[t], off[t + 1]);
            ObjectNode f = frames.addObject();
            f.put("frame", t);
            f.put("n_envs", off[t + 1] - off[t]);
            Json.putFinite(f, "mean_dH", s.mean);
            Json.putFinite(f, "max_dH", s.max);
            f.put("n_infinite", s.infinite);
            ArrayNode row = values.addArray();
            for (int i = off[t]; i < off[t + 1]; i++) {
                if (Double.isFinite(dH[i])) row.add(dH[i]);
                else row.addNull();
            }
        }
        return r;
    }

    /** The frames with a per-atom real column "dH" (replacing one of that name). */
    static List<Structure> withColumn(Dataset ds, double[] dH) {
        List<Structure> out = new ArrayList<>();
        int[] off = ds.atomOffsets();
        for (int t = 0; t < ds.size(); t++) {
            Structure s = ds.get(t);
            int n = s.size();
            String[] tokens = new String[n];
            double[] reals = new double[n];
            for (int i = 0; i < n; i++) {
                reals[i] = dH[off[t] + i];
                tokens[i] = Double.isFinite(reals[i]) ? Double.toString(reals[i]) : reals[i] > 0 ? "inf" : "nan";
            }
            List<AtomColumn> cols = new ArrayList<>();
            for (AtomColumn c : s.columns()) if (!c.name().equals("dH")) cols.add(c);
            cols.add(new AtomColumn("dH", 'R', 1, tokens, reals));
            String[] symbols = new String[n];
            for (int i = 0; i < n; i++) symbols[i] = s.symbol(i);
            out.add(new Structure(symbols, s.positions(), s.cell(), s.pbc(), s.info(), cols));
        }
        return out;
    }
}
