package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.structure.ThermalReplicas;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What {@code bench --scale} measured, as the table it prints and the JSON report it writes. */
record ScaleReport(Path file, int structures, long environments, DescriptorOptions descriptor, double bandwidth,
                   int threads, double limitSeconds, double readSeconds, List<Size> sizes, Machine machine) {

    /**
     * One size, the dataset × {@code replicas}; a figure is null when its stage was skipped
     * ({@code skipped} says why, by stage).
     */
    record Size(int replicas, int structures, long environments, double sigmaFirst, double sigmaLast,
                double generateSeconds, Path written, Double descriptorsSeconds, Double entropySeconds, Double entropy,
                Double compressSeconds, Double compressSelectionSeconds, Double compressMetricsSeconds, Integer compressPicks,
                long heapPeakBytes, Long vmHwmBytes, Map<String, String> skipped, String backend) {
    }

    /** The backend that ran last: under auto, a device that failed mid-run has handed its work to the CPU by then. */
    String backend() {
        String b = null;
        for (Size s : sizes) if (s.backend() != null) b = s.backend();
        return b;
    }

    ObjectNode toJson() {
        ObjectNode report = Json.object();
        report.put("file", file.toString());
        report.put("n_structs", structures);
        report.put("n_envs", environments);
        report.put("k", descriptor.k);
        report.put("cutoff", descriptor.cutoff);
        report.put("bandwidth", bandwidth);
        report.put("threads", threads);
        report.put("read_seconds", readSeconds);
        report.put("seed", ThermalReplicas.DEFAULT_SEED);
        report.put("compress_size", ScaleStages.COMPRESS_SIZE);
        report.put("scale_limit_seconds", limitSeconds);
        report.put("backend", backend());
        ArrayNode scale = report.putArray("scale");
        for (Size s : sizes) {
            ObjectNode o = scale.addObject();
            o.put("replicas", s.replicas());
            o.put("n_structs", s.structures());
            o.put("n_envs", s.environments());
            o.put("sigma_first", s.sigmaFirst());
            o.put("sigma_last", s.sigmaLast());
            o.put("generate_seconds", s.generateSeconds());
            if (s.written() != null) o.put("written", s.written().toString());
            o.put("descriptors_seconds", s.descriptorsSeconds());
            o.put("entropy_seconds", s.entropySeconds());
            o.put("entropy", s.entropy());
            o.put("compress_seconds", s.compressSeconds());
            o.put("compress_selection_seconds", s.compressSelectionSeconds());
            o.put("compress_metrics_seconds", s.compressMetricsSeconds());
            o.put("compress_picks", s.compressPicks());
            o.put("heap_peak_bytes", s.heapPeakBytes());
            o.put("vm_hwm_bytes", s.vmHwmBytes());
            ObjectNode skipped = o.putObject("skipped");
            s.skipped().forEach(skipped::put);
        }
        report.set("machine", machine.toJson());
        report.put("atomcover_version", VersionProvider.version());
        return report;
    }

    void print(PrintWriter o) {
        o.println(Text.format("%s x R: %d structures, %d environments per replica (k=%d, cutoff=%s, h=%s, seed %d)",
                file, structures, environments, descriptor.k, Double.toString(descriptor.cutoff), Double.toString(bandwidth),
                ThermalReplicas.DEFAULT_SEED));
        Text.line(o, "machine", machine.describe());
        Text.line(o, "threads", Integer.toString(threads));
        Text.line(o, "backend", String.valueOf(backend()));
        Text.line(o, "runs", "once per stage, no warm-up; limit " + ScaleStages.plain(limitSeconds) + " s per stage");
        for (Size s : sizes) {
            o.println(Text.format("x%d: %d structures, %d environments, sigma %s..%s A", s.replicas(), s.structures(),
                    s.environments(), Double.toString(s.sigmaFirst()), Double.toString(s.sigmaLast())));
            Text.line(o, "  generate", Text.seconds(s.generateSeconds()) + (s.written() == null ? "" : "  (written to " + s.written() + ")"));
            Text.line(o, "  descriptors", figure(s, "descriptors", s.descriptorsSeconds(), ""));
            Text.line(o, "  entropy", figure(s, "entropy", s.entropySeconds(),
                    s.entropy() == null ? "" : "  (H = " + Text.precise(s.entropy()) + " nats)"));
            Text.line(o, "  compress", figure(s, "compress", s.compressSeconds(), s.compressSeconds() == null ? ""
                    : Text.format("  (-s %s: %d picks; selection %s, metrics %s)", ScaleStages.plain(ScaleStages.COMPRESS_SIZE), s.compressPicks(),
                    Text.seconds(s.compressSelectionSeconds()), Text.seconds(s.compressMetricsSeconds()))));
            Text.line(o, "  peak memory", Text.format("heap %s", mib(s.heapPeakBytes()))
                    + (s.vmHwmBytes() == null ? "" : Text.format(", process RSS high-water mark so far %s", mib(s.vmHwmBytes()))));
        }
    }

    private static String figure(Size s, String stage, Double seconds, String detail) {
        return seconds == null ? "skipped: " + s.skipped().get(stage) : Text.seconds(seconds) + detail;
    }

    private static String mib(long bytes) {
        return Text.format("%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
