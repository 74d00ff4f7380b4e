package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * {@code data.path: s3a://...}: an S3 endpoint on 127.0.0.1 ({@link S3Server}, S3Proxy checking AWS signatures)
 * holds the breast-cancer CSV; the Spark engine's driver hashes it and its executors read it through Hadoop's S3A
 * client (hadoop-aws with the AWS SDK's S3 module, the class path {@code ./prunekit --engine spark} runs with), and
 * the results are the local engine's on a local copy of the same bytes.
 */
class S3DataTest {

    @TempDir
    static Path s3Dir;

    @TempDir
    Path dir;

    private static S3Server s3;
    private static String uri;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = new S3Server(s3Dir);
        uri = s3.put(SparkTests.DATA, "studies", "tabular/breast_cancer_wisconsin.csv");
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    /**
     * The same study from S3 on Spark and from the local copy on the local engine: the same results, cell files and
     * byte-identical bundles ({@code --save-path}); only {@code dataset.path} names where each read the data.
     */
    @Test
    void sparkReadsS3AndWritesTheLocalEnginesResults() {
        SparkTests.assertRemoteDataGivesLocalResults(
                dir,
                uri,
                "s3",
                s3.conf(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).toArray(String[]::new));
    }

    /**
     * Bad input is one line naming the URI and exit 2 before Spark starts, nothing written: an object the bucket does
     * not have; a URI without a usable bucket name; credentials S3 refuses; and {@code s3a://} where no S3A client is on the class path (S3A's class
     * named but absent, as without hadoop-aws).
     */
    @Test
    void badS3InputIsOneLineAndExitTwo() {
        String missing = uri.replace("breast_cancer", "no_such");
        StudyFiles.Cli gone = onSpark(
                SparkTests.study(dir.resolve("missing.yaml"), missing, 3, 1),
                "m",
                s3.conf(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        assertEquals(2, gone.code(), gone.err());
        assertEquals("prunekit: " + missing + ": not found", gone.err().strip());
        assertFalse(Files.exists(dir.resolve("m")), "nothing written");

        for (String noBucket : List.of("s3a:///tabular/x.csv", "s3a://not_a_bucket!/x.csv")) {
            StudyFiles.Cli bad = onSpark(
                    SparkTests.study(dir.resolve("bad.yaml"), noBucket, 3, 1),
                    "b",
                    s3.conf(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().startsWith("prunekit: " + noBucket + ": cannot open: "), bad.err());
            assertEquals(
                    1,
                    bad.err()
                            .strip()
                            .lines()
                            .filter(l -> l.startsWith("prunekit:"))
                            .count(),
                    bad.err());
            assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());
            assertFalse(Files.exists(dir.resolve("b")), "nothing written");
        }

        Path cfg = SparkTests.study(dir.resolve("s3.yaml"), uri, 3, 1);
        StudyFiles.Cli refused = onSpark(cfg, "r", s3.conf(S3Server.ACCESS_KEY, "not-the-secret"));
        assertEquals(2, refused.code(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(
                refused.err().startsWith("prunekit: " + uri + ": access denied: getFileStatus on " + uri + ": "),
                refused.err());
        assertTrue(refused.err().strip().endsWith("403 Forbidden"), "S3's answer: " + refused.err());
        assertFalse(Files.exists(dir.resolve("r")), "nothing written");

        List<String> noClient = new ArrayList<>(s3.conf(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        noClient.addAll(List.of("--conf", "spark.hadoop.fs.s3a.impl=org.apache.hadoop.fs.s3a.NotOnTheClassPath"));
        StudyFiles.Cli none = onSpark(cfg, "n", noClient);
        assertEquals(2, none.code(), none.err());
        assertEquals(
                "prunekit: " + uri + ": no Hadoop FileSystem for scheme 's3a' on the class path (s3a:// needs"
                        + " hadoop-aws, see docs/scale-out.md)",
                none.err().strip());
    }

    /**
     * An endpoint nobody listens on is one line naming the URI and exit 2, after the driver's probe with few retries;
     * S3A's own defaults kept the driver retrying for over six minutes (the timeout guards against that coming back).
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anUnreachableEndpointIsOneLineAndExitTwo() throws IOException {
        int closed = SparkTests.freePort();
        List<String> conf = new ArrayList<>(s3.conf(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        conf.addAll(List.of("--conf", "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:" + closed));
        StudyFiles.Cli down = onSpark(SparkTests.study(dir.resolve("s3.yaml"), uri, 3, 1), "d", conf);
        assertEquals(2, down.code(), down.err());
        assertEquals(1, down.err().strip().lines().count(), down.err());
        assertTrue(down.err().startsWith("prunekit: " + uri + ": cannot read: "), down.err());
        assertTrue(down.err().contains("Connection refused"), down.err());
        assertFalse(Files.exists(dir.resolve("d")), "nothing written");
    }

    private StudyFiles.Cli onSpark(Path cfg, String out, List<String> conf) {
        return SparkTests.runOnLocalSpark(cfg, dir.resolve(out), conf.toArray(String[]::new));
    }
}
