package io.atomcover.spark;

import io.atomcover.io.ExtXyzReader;
import io.atomcover.io.Npy;
import java.io.OutputStream;
import io.atomcover.structure.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Files at any Hadoop path: structures in (parsed by the engine's extended-XYZ reader) and dH
 * vectors out (.npy). Structures come from any path Hadoop's FileSystem reads ({@code file:}, {@code hdfs:}, {@code s3a:}
 * with the user's connector, a plain path meaning the default file system), read on the driver and
 * parsed by the engine's extended-XYZ reader; {@code .gz} and {@code .bz2} are decompressed by
 * Hadoop's codecs.
 */
public final class HadoopFiles {
    private HadoopFiles() {
    }

    /** Every frame of the file at {@code uri}, under the Hadoop configuration {@code conf}. */
    public static Dataset readStructures(String uri, Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try {
            FileSystem fs = path.getFileSystem(conf);
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
            InputStream raw = fs.open(path);
            InputStream in = codec == null ? raw : codec.createInputStream(raw);
            try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return ExtXyzReader.read(reader, Path.of(path.getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Writes a float64 .npy vector to {@code uri}, replacing what is there. */
    public static void writeNpy(String uri, Configuration conf, double[] values) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
            Npy.writeTo(out, values, new long[] {values.length});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + uri + ": " + e.getMessage(), e);
        }
    }
}
