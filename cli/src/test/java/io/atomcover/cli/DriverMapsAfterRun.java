package io.atomcover.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM side of {@link SignalSafetyTest}: runs one command line in-process, then prints its exit
 * status and whether the OpenCL library ended up mapped into this JVM.
 */
public final class DriverMapsAfterRun {
    private DriverMapsAfterRun() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int exit = Main.execute(args, sink, sink);
        System.out.println("exit=" + exit);
        System.out.println("libOpenCL=" + Files.readString(Path.of("/proc/self/maps")).contains("libOpenCL"));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
