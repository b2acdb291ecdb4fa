package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a benchmark ran on, so figures from different machines can be compared. */
record Machine(int cores, String cpu, String jvm, String os, long maxHeapBytes) {

    static Machine current() {
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), jvm, os, Runtime.getRuntime().maxMemory());
    }

    /** The CPU model from /proc/cpuinfo on Linux, else "unknown". */
    static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) return "unknown";
        try {
            List<String> lines = Files.readAllLines(info);
            for (String l : lines) {
                int colon = l.indexOf(':');
                if (colon > 0 && l.substring(0, colon).trim().equals("model name")) return l.substring(colon + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    String describe() {
        return Text.format("%d cores, %s; %s; %s; max heap %.1f GiB", cores, cpu, os, jvm, maxHeapBytes / (double) (1L << 30));
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("cores", cores);
        n.put("cpu", cpu);
        n.put("jvm", jvm);
        n.put("os", os);
        n.put("max_heap_bytes", maxHeapBytes);
        return n;
    }
}
