package org.prunekit.run.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.prunekit.data.InputException;

/**
 * Files read through Hadoop's {@code FileSystem}, as Spark reads its own inputs: {@code file://}, {@code hdfs://},
 * {@code s3a://} (with hadoop-aws on the class path) or any scheme a {@code FileSystem} on the class path serves, with
 * the application's Hadoop settings ({@code spark.hadoop.*} properties).
 */
final class HadoopFiles {

    private HadoopFiles() {}

    /** Hadoop's configuration for {@code conf}: its {@code spark.hadoop.*} properties applied. */
    static Configuration configuration(SparkConf conf) {
        return SparkHadoopUtil.get().newConfiguration(conf);
    }

    /** The file's bytes. */
    static byte[] read(String uri, Configuration hadoop) {
        try (InputStream in = open(uri, hadoop, false)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(uri, "cannot read: " + withoutUri(e.getMessage(), uri));
        }
    }

    /**
     * SHA-256 of the file (hex), streamed: nothing is kept or parsed. This is the driver's first contact with the file
     * system, so an {@code s3a://} store is {@linkplain #probe probed} first.
     */
    static String sha256(String uri, Configuration hadoop) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(open(uri, hadoop, true), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // the digest sees every byte
            }
        } catch (IOException e) {
            throw new InputException(uri, "cannot read: " + withoutUri(e.getMessage(), uri));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static InputStream open(String uri, Configuration hadoop, boolean probeFirst) throws IOException {
        Path path = new Path(URI.create(uri));
        try {
            if (probeFirst) {
                probe(path, hadoop);
            }
            return path.getFileSystem(hadoop).open(path);
        } catch (FileNotFoundException e) {
            throw new InputException(uri, "not found");
        } catch (AccessDeniedException e) {
            // S3A's 403: its message names the URI again, then the operation and S3's answer
            throw new InputException(uri, "access denied: " + withoutUri(e.getMessage(), uri));
        } catch (UnsupportedFileSystemException e) {
            throw noFileSystem(uri, path);
        } catch (IllegalArgumentException e) {
            // a URI its file system cannot use: s3a:///key or s3a://not_a_bucket!/key ("bucket is null/empty")
            throw new InputException(uri, "cannot open: " + withoutUri(e.getMessage(), uri));
        } catch (RuntimeException e) {
            // a scheme Hadoop's defaults map to a class that is not on the class path (s3a without hadoop-aws)
            if (e.getCause() instanceof ClassNotFoundException) {
                throw noFileSystem(uri, path);
            }
            throw e;
        }
    }

    /**
     * For {@code s3a://}, asks for the file's status once with S3A's retries cut to one SDK attempt under one S3A
     * retry and a 10-second connection timeout, so that a store that cannot be reached (a wrong endpoint, a refused
     * connection) is an error within seconds: with S3A's defaults ({@code fs.s3a.attempts.maximum} 10 SDK attempts
     * under {@code fs.s3a.retry.limit} 7 retries, each backing off) the driver waited over six minutes with nothing to
     * say. The read that follows, and the executors' reads, keep the application's settings.
     */
    private static void probe(Path path, Configuration hadoop) throws IOException {
        if (!"s3a".equals(path.toUri().getScheme())) {
            return;
        }
        Configuration quick = new Configuration(hadoop);
        quick.setInt("fs.s3a.attempts.maximum", 1);
        quick.setInt("fs.s3a.retry.limit", 1);
        quick.setInt("fs.s3a.connection.establish.timeout", 10_000);
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), quick)) {
            fs.getFileStatus(path);
        }
    }

    /** {@code message} without the leading "{@code uri}: " that Hadoop's file systems put before their own text. */
    private static String withoutUri(String message, String uri) {
        String m = message == null ? "" : message.strip();
        for (String prefix : new String[] {uri + ": ", "`" + uri + "': "}) {
            if (m.startsWith(prefix)) {
                return m.substring(prefix.length());
            }
        }
        return m;
    }

    private static InputException noFileSystem(String uri, Path path) {
        String scheme = path.toUri().getScheme();
        String needs = "s3a".equals(scheme) ? "s3a:// needs hadoop-aws" : "its file system's jar must be on it";
        return new InputException(
                uri,
                "no Hadoop FileSystem for scheme '" + scheme + "' on the class path (" + needs
                        + ", see docs/scale-out.md)");
    }
}
