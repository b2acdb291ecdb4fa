package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.backend.Backends;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.KdeBackendProvider;
import io.atomcover.backend.SignalChaining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code atomcover devices}: the compute devices the backends can use. */
@Command(name = "devices",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "List the OpenCL platforms and devices (for --backend/--device).",
        description = {
                "List every OpenCL platform and device of this machine with its number for --device, type, memory, "
                        + "compute units and double-precision (fp64) support, and say plainly when there is no OpenCL "
                        + "platform (then --backend auto uses the CPU, and --backend opencl fails).",
                "",
                "--backend auto takes the first GPU listed here; --backend opencl --device N takes device N, whatever its "
                        + "type (a CPU device such as PoCL's works too, mainly for testing). A device without fp64 cannot be "
                        + "used: the accumulators are double even with --precision float.",
                "",
                "The devices are listed by a short-lived child JVM, so that this one loads no driver. The last line says "
                        + "whether this JVM chains signal handlers (libjsig preloaded, as the atomcover launcher does): "
                        + "OpenCL is only loaded into a JVM that does, because its drivers replace the JVM's handlers.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover devices",
                "  atomcover devices -o -",
                "  atomcover entropy Si-train.extxyz --backend opencl --device 1"})
final class DevicesCommand extends BaseCommand {
    @Mixin
    JsonOutputOption json;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        json.validate();
    }

    @Override
    void declareFiles(FilePlan files) {
        json.declare(files);
    }

    @Override
    void run() throws Exception {
        ObjectNode report = Json.object();
        ArrayNode backends = report.putArray("backends");
        StringBuilder text = new StringBuilder();
        List<KdeBackendProvider> providers = Backends.providers();
        for (KdeBackendProvider p : providers) {
            ObjectNode b = backends.addObject();
            b.put("name", p.name());
            ArrayNode list = b.putArray("devices");
            List<DeviceInfo> devices;
            try {
                devices = p.devices();
            } catch (RuntimeException | LinkageError e) {
                b.put("unavailable", String.valueOf(e.getMessage()));
                text.append(p.name()).append(": ").append(e.getMessage()).append('\n');
                text.append("  --backend auto uses the CPU; for a GPU install its vendor OpenCL driver, for a CPU device PoCL "
                        + "(Debian/Ubuntu: apt-get install pocl-opencl-icd)\n");
                continue;
            }
            if (devices.isEmpty()) {
                text.append(p.name()).append(": no devices\n");
                continue;
            }
            String platform = null;
            for (DeviceInfo d : devices) {
                ObjectNode o = list.addObject();
                o.put("index", d.index());
                o.put("platform", d.platform());
                o.put("name", d.name());
                o.put("type", d.type());
                o.put("global_memory_bytes", d.globalMemoryBytes());
                o.put("compute_units", d.computeUnits());
                o.put("fp64", d.fp64());
                if (!d.platform().equals(platform)) {
                    platform = d.platform();
                    text.append(p.name()).append(" platform: ").append(platform).append('\n');
                }
                text.append(Text.format("  device %d: %s (%s), %.1f GiB, %d compute units, fp64 %s%n", d.index(), d.name(),
                        d.type(), d.globalMemoryBytes() / (double) (1L << 30), d.computeUnits(), d.fp64() ? "yes" : "no"));
            }
        }
        if (providers.isEmpty()) text.append("no accelerated backend in this build\n");
        ObjectNode cpu = backends.addObject();
        cpu.put("name", Backends.CPU);
        cpu.put("threads", common.threads);
        text.append(Text.format("cpu: always available, %d threads (--threads)%n", common.threads));
        boolean chained = SignalChaining.active();
        report.put("signal_chaining", chained);
        text.append(chained ? "signal chaining: on (OpenCL devices can be opened)\n"
                : "signal chaining: off (OpenCL devices are not opened in this JVM; start it with "
                        + SignalChaining.PRELOAD + "=" + SignalChaining.library().map(Path::toString).orElse("$JAVA_HOME/lib/libjsig.so")
                        + ", as the atomcover launcher does)\n");
        if (json.file() != null) Json.write(json.file(), report, out());
        if (json.toStdout()) return;
        PrintWriter o = out();
        o.print(text);
    }
}
