package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/** What {@code bench} measured, as the table it prints and the JSON report it writes. */
record BenchReport(Path file, int structures, DescriptorOptions descriptor, double bandwidth, int threads, int repeat,
                   double warmup, double readSeconds, Figures figures, MscFull msc, Machine machine) {

    /**
     * The timed stages on the dataset: samples in seconds, with what they found (environments,
     * descriptor dimension, the share of pairs evaluated, the entropy, the MSC picks, the backend).
     */
    record Figures(long environments, int dim, double[] descriptors, double[] kernelSums, double evaluatedFraction,
                   double[] entropy, double entropyValue, double[] mscHalf, int mscHalfSize, String backend) {
    }

    /** The QM7 (or --qm7) stage: structure entropies, then the full default-mode ordering, once each. */
    record MscFull(Path file, int structures, long envs, double entropySeconds, double orderingSeconds, String backend) {
    }

    /** The backend that ran last: under auto, a device that failed mid-run has handed its work to the CPU by then. */
    String backend() {
        return msc != null ? msc.backend() : figures.backend();
    }

    ObjectNode toJson() {
        Figures f = figures;
        long n = f.environments();
        ObjectNode report = Json.object();
        report.put("file", file.toString());
        report.put("n_structs", structures);
        report.put("n_envs", n);
        report.put("dim", f.dim());
        report.put("k", descriptor.k);
        report.put("cutoff", descriptor.cutoff);
        report.put("bandwidth", bandwidth);
        report.put("threads", threads);
        report.put("repeat", repeat);
        report.put("warmup_seconds", warmup);
        report.put("read_seconds", readSeconds);
        report.put("descriptors_seconds", median(f.descriptors()));
        report.put("descriptors_envs_per_second", envsPerSecond());
        report.put("kernel_sums_seconds", median(f.kernelSums()));
        report.put("kernel_sums_pairs_per_second", pairsPerSecond());
        report.put("kernel_sums_evaluated_fraction", f.evaluatedFraction());
        report.put("backend", backend());
        if (msc != null) {
            report.put("msc_file", msc.file().toString());
            report.put("msc_n_structs", msc.structures());
            report.put("msc_n_envs", msc.envs());
            report.put("msc_structure_entropies_seconds", msc.entropySeconds());
            report.put("msc_full_ordering_seconds", msc.orderingSeconds());
        }
        report.put("entropy_seconds", median(f.entropy()));
        report.put("entropy", f.entropyValue());
        report.put("msc_half_size", f.mscHalfSize());
        report.put("msc_half_seconds", median(f.mscHalf()));
        ObjectNode samples = report.putObject("samples_seconds");
        samples.set("descriptors", array(f.descriptors()));
        samples.set("kernel_sums", array(f.kernelSums()));
        samples.set("entropy", array(f.entropy()));
        samples.set("msc_half", array(f.mscHalf()));
        report.set("machine", machine.toJson());
        report.put("atomcover_version", VersionProvider.version());
        return report;
    }

    void print(PrintWriter o) {
        Figures f = figures;
        long n = f.environments();
        o.println(Text.format("%s: %d structures, %d environments (k=%d, cutoff=%s, dim %d, h=%s)",
                file, structures, n, descriptor.k, Double.toString(descriptor.cutoff), f.dim(), Double.toString(bandwidth)));
        Text.line(o, "machine", machine.describe());
        Text.line(o, "threads", Integer.toString(threads));
        Text.line(o, "backend", backend());
        Text.line(o, "runs", Text.format("median of %d, after %s s of warm-up per stage", repeat, Double.toString(warmup)));
        Text.line(o, "read", Text.seconds(readSeconds) + " (once)");
        Text.line(o, "descriptors", Text.seconds(median(f.descriptors())) + "  " + Text.rate(envsPerSecond()) + " environments/s");
        Text.line(o, "kernel sums", Text.seconds(median(f.kernelSums())) + "  " + Text.rate(pairsPerSecond())
                + " pair evaluations/s (" + n + "^2 pairs; "
                + (f.evaluatedFraction() >= 1 ? "all evaluated)" : Text.format("%.1f%% evaluated, the rest pruned)", 100 * f.evaluatedFraction())));
        Text.line(o, "entropy", Text.seconds(median(f.entropy())) + "  (H = " + Text.precise(f.entropyValue()) + " nats)");
        Text.line(o, "msc 50 %", Text.seconds(median(f.mscHalf())) + Text.format("  (%d of %d structures, default mode; structure entropies not included)",
                f.mscHalfSize(), structures));
        if (msc != null)
            Text.line(o, "msc", Text.format("%s full ordering of %s (%d structures, %d environments, once); structure entropies %s",
                    Text.seconds(msc.orderingSeconds()), msc.file().getFileName(), msc.structures(), msc.envs(),
                    Text.seconds(msc.entropySeconds())));
    }

    private double envsPerSecond() {
        return figures.environments() / median(figures.descriptors());
    }

    private double pairsPerSecond() {
        double n = figures.environments();
        return n * n / median(figures.kernelSums());
    }

    static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static ArrayNode array(double[] samples) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (double v : samples) a.add(v);
        return a;
    }
}
