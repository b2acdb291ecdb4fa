package io.atomcover.cli;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.Backends;
import io.atomcover.backend.KdeBackend;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}: kernel sums (and segmented-MSC rounds) as Apache Spark jobs. The CLI does
 * not compile against Spark: the backend is the "spark" provider of the spark module, found through
 * ServiceLoader when the launcher has put that module on the class path (it does so only when
 * {@code --spark} is given). The master reaches Spark as the {@code spark.master} system property.
 */
public final class SparkOption {
    /** The provider name the spark module registers. */
    static final String PROVIDER = "spark";

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the kernel sums on Apache Spark: local[N], spark://host:7077, yarn, k8s://... "
                    + "Results equal one machine's (docs/spark.md). Needs the spark module, which the atomcover "
                    + "launcher builds and adds when this option is given.")
    String master;

    boolean given() {
        return master != null;
    }

    /** The Spark backend when {@code --spark} is given, otherwise the one {@code backendOptions} names. */
    KdeBackend open(BackendOptions backendOptions, CommonOptions common, PrintWriter err) {
        if (master == null) return backendOptions.open(common, err);
        if (master.isBlank()) throw new CliFailure("--spark needs a master URL, e.g. local[2] or spark://host:7077");
        if (!Backends.AUTO.equals(backendOptions.backend))
            throw new CliFailure("--spark and --backend " + backendOptions.backend + " cannot be combined: Spark's executors use the CPU backend");
        if (Backends.providers().stream().noneMatch(p -> PROVIDER.equals(p.name())))
            throw new CliFailure("--spark: the spark module is not on the class path; run through the atomcover launcher "
                    + "(it builds spark/target/atomcover-spark.jar and adds it with Spark when --spark is given)");
        System.setProperty("spark.master", master);
        try {
            return Backends.open(PROVIDER, BackendRequest.cpu(common.threads), msg -> { });
        } catch (BackendUnavailableException e) {
            throw new CliFailure("--spark " + master + ": " + e.getMessage(), e);
        }
    }
}
