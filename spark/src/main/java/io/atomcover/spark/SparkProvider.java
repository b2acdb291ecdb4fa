package io.atomcover.spark;

import io.atomcover.backend.BackendRequest;
import io.atomcover.backend.BackendUnavailableException;
import io.atomcover.backend.DeviceInfo;
import io.atomcover.backend.KdeBackend;
import io.atomcover.backend.KdeBackendProvider;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The "spark" backend, found through {@link java.util.ServiceLoader} when this module is on the class
 * path ({@code atomcover --spark MASTER}, or a job under {@code spark-submit}). The master and every
 * other setting come from Spark's own configuration: the {@code spark.*} system properties (the
 * command line sets {@code spark.master}) or what {@code spark-submit} passes. It offers no devices,
 * so {@code --backend auto} never picks it.
 */
public final class SparkProvider implements KdeBackendProvider {
    /** The name {@code --backend} selects it by. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of();
    }

    /** A backend on a new Spark context, stopped when the backend closes. */
    @Override
    public KdeBackend open(BackendRequest request) {
        SparkConf conf = new SparkConf().setAppName("atomcover");
        if (!conf.contains("spark.master"))
            throw new BackendUnavailableException("no Spark master: give --spark MASTER (local[4], spark://host:7077, yarn) or run under spark-submit");
        try {
            return new SparkKdeBackend(new JavaSparkContext(conf), true, request.threads(), SparkKdeBackend.DEFAULT_DISTRIBUTE_PAIRS);
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("cannot start Spark on " + conf.get("spark.master") + ": " + e.getMessage(), e);
        }
    }
}
