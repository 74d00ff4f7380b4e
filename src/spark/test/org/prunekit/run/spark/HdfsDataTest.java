package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.run.Experiment;
import org.prunekit.run.RefitSettings;
import org.prunekit.run.StudyInput;
import org.prunekit.testing.StudyFiles;

/**
 * {@code data.path: hdfs://...}: an HDFS NameNode and DataNode on 127.0.0.1 ({@code MiniDFSCluster}, in this JVM)
 * hold the breast-cancer CSV; the Spark engine's driver hashes it and its executors read it through Hadoop's
 * {@code FileSystem}, and the results are the local engine's on a local copy of the same bytes.
 */
class HdfsDataTest {

    @TempDir
    static Path hdfsDir;

    @TempDir
    Path dir;

    private static MiniHdfs hdfs;
    private static String uri;

    @BeforeAll
    static void startHdfs() throws IOException {
        hdfs = new MiniHdfs(hdfsDir.toFile());
        uri = hdfs.upload(SparkTests.DATA.toFile(), "/studies/breast_cancer_wisconsin.csv");
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    /**
     * The same study from HDFS on Spark and from the local copy on the local engine: the same results, cell files and
     * byte-identical bundles ({@code --save-path}); only {@code dataset.path} names where each read the data. The
     * resume fingerprint is the data's content: a local run with half its cells deleted is finished by
     * {@code --resume} on Spark from HDFS.
     */
    @Test
    void sparkReadsHdfsAndWritesTheLocalEnginesResults() throws IOException {
        Path hdfsCfg = SparkTests.assertRemoteDataGivesLocalResults(dir, uri, "hdfs");
        String localData = SparkTests.DATA.toAbsolutePath().toString();

        Path resumed = dir.resolve("resumed");
        StudyFiles.copyTree(dir.resolve("local"), resumed);
        List<String> outer = SparkTests.cellNames(resumed).stream()
                .filter(c -> !c.contains("-refit"))
                .toList();
        for (int i = 0; i < outer.size(); i += 2) {
            Files.delete(resumed.resolve("cells").resolve(outer.get(i)));
        }
        delete(resumed.resolve("models")); // so both refits run again, from HDFS
        StudyFiles.Cli resume = SparkTests.runOnLocalSpark(hdfsCfg, resumed, "--save-path", "--resume");
        assertEquals(0, resume.code(), resume.err());
        assertTrue(resume.err().contains("4/8 cells"), "3 outer cells kept, 5 run: " + resume.err());
        assertFalse(resume.err().contains("3/8 cells"), resume.err());
        SparkTests.assertSameResults(dir.resolve("local"), localData, resumed, uri);
    }

    /**
     * Bad input is one line and exit 2 before Spark starts: the local engine refuses a URI naming the config key; a
     * file HDFS does not have is named; so is a scheme no file system on the class path serves; a broadcast of a URI is
     * refused ({@code s3a://}: {@link S3DataTest}). An
     * executor refuses bytes whose SHA-256 is not the driver's.
     */
    @Test
    void badHdfsInputIsOneLineAndExitTwo() {
        Path hdfsCfg = SparkTests.study(dir.resolve("hdfs.yaml"), uri, 3, 1);
        StudyFiles.Cli local = StudyFiles.cli(
                "run", hdfsCfg.toString(), "--out", dir.resolve("l").toString());
        assertEquals(2, local.code(), local.err());
        assertTrue(
                local.err().startsWith("prunekit: " + hdfsCfg + ": data.path: '" + uri + "' is a hdfs URI"),
                local.err());
        assertTrue(local.err().contains("needs --engine spark"), local.err());
        assertEquals(1, local.err().strip().lines().count(), local.err());
        assertFalse(Files.exists(dir.resolve("l")), "nothing written");

        String missing = uri.replace("breast_cancer", "no_such");
        Path missingCfg = SparkTests.study(dir.resolve("missing.yaml"), missing, 3, 1);
        StudyFiles.Cli gone = SparkTests.runOnLocalSpark(missingCfg, dir.resolve("m"));
        assertEquals(2, gone.code(), gone.err());
        assertEquals("prunekit: " + missing + ": not found", gone.err().strip());

        String gs = "gs://bucket/breast_cancer_wisconsin.csv";
        StudyFiles.Cli noGcs =
                SparkTests.runOnLocalSpark(SparkTests.study(dir.resolve("gs.yaml"), gs, 3, 1), dir.resolve("g"));
        assertEquals(2, noGcs.code(), noGcs.err());
        assertEquals(
                "prunekit: " + gs
                        + ": no Hadoop FileSystem for scheme 'gs' on the class path (its file system's jar must"
                        + " be on it, see docs/scale-out.md)",
                noGcs.err().strip());

        StudyFiles.Cli broadcast = SparkTests.runOnLocalSpark(hdfsCfg, dir.resolve("b"), "--data-source", "broadcast");
        assertEquals(2, broadcast.code(), broadcast.err());
        assertTrue(broadcast.err().contains("broadcast needs a local data.path"), broadcast.err());
    }

    @Test
    void executorsCheckTheHdfsBytesAgainstTheDriversDigest() throws IOException {
        Path hdfsCfg = SparkTests.study(dir.resolve("hdfs.yaml"), uri, 3, 1);
        Path work = Path.of("").toAbsolutePath();
        ExperimentConfig cfg = ConfigBinder.load(hdfsCfg, work, dir.resolve("p"));
        Map<String, String> settings = Map.of("master", "local[1]", "conf.spark.ui.enabled", "false");
        try (SparkEngine engine = new SparkEngine(settings)) {
            String sha = engine.dataSha(cfg, work);
            assertEquals(Experiment.sha256(Files.readAllBytes(SparkTests.DATA)), sha, "the driver hashed HDFS's copy");
            StudyInput wrong =
                    new StudyInput(cfg, work, null, "0".repeat(64), null, new RefitSettings("c", "d", false));
            InputException e = assertThrows(InputException.class, () -> engine.prepare(wrong));
            assertEquals(uri, e.file());
            assertTrue(e.getMessage().startsWith("is not the file the driver read"), e.getMessage());
            assertTrue(e.getMessage().contains(sha), "names the digest it read: " + e.getMessage());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
