package org.prunekit.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.prunekit.data.Schema;

/**
 * {@code data:} block.
 *
 * @param path     the CSV file (relative paths are relative to the working folder; a {@code file:} URI becomes its
 *                 path), or null when {@code uri} names it
 * @param uri      the CSV file as a URI with a scheme other than {@code file} ({@code hdfs://namenode:8020/d/x.csv},
 *                 {@code s3a://bucket/x.csv}: any scheme Hadoop's {@code FileSystem} knows, read by the Spark engine
 *                 only), or null for a local file
 * @param target   the class column
 * @param positive the positive class for binary metrics, or null for the second class in sorted order
 * @param missing  {@code impute} (training median / most frequent level), {@code drop-rows} or {@code error}
 * @param schema   how to read the CSV (target, type overrides, missing tokens and policy, bad-row policy)
 */
public record DataSpec(Path path, URI uri, String target, String positive, String missing, Schema schema) {
    public DataSpec {
        if ((path == null) == (uri == null)) {
            throw new IllegalArgumentException("exactly one of path and uri");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schema, "schema");
    }

    /** A local file. */
    public DataSpec(Path path, String target, String positive, String missing, Schema schema) {
        this(Objects.requireNonNull(path, "path"), null, target, positive, missing, schema);
    }

    /** True when the data is a URI that only a file system client (Hadoop's, on the Spark engine) reads. */
    public boolean remote() {
        return uri != null;
    }

    /** The data file as the config names it: the URI, or the path with forward slashes (messages, results). */
    public String location() {
        return remote() ? uri.toString() : path.toString().replace('\\', '/');
    }

    /** The data file's name, without its folder. */
    public String fileName() {
        if (!remote()) {
            return path.getFileName().toString();
        }
        String p = uri.getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
