package io.atomcover.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}: JMH's own command line, except that when QM7 is not on this
 * machine and no {@code -p dataset=...} was given, the QM7 parameter is left out (with a notice)
 * instead of failing. Every JMH option works as usual ({@code -h} lists them).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        if (!setsDataset(args) && BenchmarkData.find(BenchmarkData.QM7) == null) {
            System.err.println("atomcover-jmh: QM7 not found (../shared/data/qm7/qm7.extxyz or -Datomcover.qm7=PATH); "
                    + "benchmarking the bundled " + BenchmarkData.SI_TRAIN + " only");
            jmhArgs.add("-p");
            jmhArgs.add("dataset=" + BenchmarkData.SI_TRAIN);
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(new String[0]));
    }

    private static boolean setsDataset(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("-pdataset=")) return true;
            if (args[i].equals("-p") && i + 1 < args.length && args[i + 1].startsWith("dataset=")) return true;
        }
        return false;
    }
}
