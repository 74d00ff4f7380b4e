package org.prunekit.run.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * An S3 endpoint for tests: S3Proxy (jclouds' file-system blob store behind the S3 API, with AWS signature checks) in
 * a JVM of its own, on 127.0.0.1, its buckets folders under a folder the test owns. The pom copies S3Proxy's
 * self-contained jar to {@code target/s3proxy/s3proxy.jar}; running it apart keeps its Jetty, Guava and logging off
 * the test's (Spark's) class path.
 */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "prunekit-test";
    static final String SECRET_KEY = "prunekit-test-secret";
    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");

    private final Path root;
    private final Process process;
    private final int port;

    S3Server(Path root) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the pom's spark profile copies it (mvn test)");
        }
        this.root = root;
        this.port = SparkTests.freePort();
        Path props = root.resolve("s3proxy.properties");
        Files.writeString(
                props,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + root.resolve("buckets").toAbsolutePath(),
                        ""));
        Files.createDirectories(root.resolve("buckets"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = root.resolve("s3proxy.log");
        process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx256m",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--properties",
                        props.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // a test JVM that ends without @AfterAll (a crash, surefire's timeout) still takes its S3 server with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitListening(log, Duration.ofSeconds(60));
    }

    /**
     * Uploads {@code local} to {@code bucket/key} through Hadoop's S3A client (as a user would, so S3 keeps its ETag
     * and a private ACL) and returns its {@code s3a://} URI.
     */
    String put(Path local, String bucket, String key) throws IOException {
        Files.createDirectories(root.resolve("buckets").resolve(bucket));
        String uri = "s3a://" + bucket + "/" + key;
        Configuration hadoop = new Configuration();
        settings(ACCESS_KEY, SECRET_KEY).forEach(hadoop::set);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(URI.create(uri));
        try (FileSystem fs = FileSystem.newInstance(target.toUri(), hadoop)) {
            fs.copyFromLocalFile(
                    new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()), target);
        }
        return uri;
    }

    /**
     * The {@code --conf} arguments that point Hadoop's S3A client at this server (Spark hands {@code spark.hadoop.*}
     * properties to Hadoop without the prefix), with the credentials given.
     */
    List<String> conf(String accessKey, String secretKey) {
        List<String> args = new ArrayList<>();
        settings(accessKey, secretKey).forEach((k, v) -> args.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        return args;
    }

    /**
     * S3A's settings for this server: its endpoint over plain HTTP, path-style requests, the credentials given, and no
     * cached client (Hadoop keeps one {@code FileSystem} per scheme and bucket in a JVM, whatever the settings: a later
     * run in this test JVM would reuse an earlier run's credentials).
     */
    private Map<String, String> settings(String accessKey, String secretKey) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.access.key", accessKey);
        s.put("fs.s3a.secret.key", secretKey);
        s.put("fs.s3a.impl.disable.cache", "true");
        return s;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Path log, Duration limit) throws IOException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within " + limit + ": " + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
