package org.prunekit.run.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ConfigLoader;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.protocol.Study;
import org.prunekit.run.Experiment;

/**
 * The study on an executor: built once per executor JVM from a {@link ShippedStudy} and kept for the tasks that
 * follow (one study at a time). The data's bytes (broadcast, or read from the shared path) are checked against the
 * driver's SHA-256 before anything parses them.
 */
final class ExecutorStudies {

    private static String cachedId;
    private static Study cached;

    private ExecutorStudies() {}

    static synchronized Study get(ShippedStudy s) {
        String id = s.id();
        if (id.equals(cachedId)) {
            return cached;
        }
        cached = null;
        cachedId = null;
        Study study = build(s);
        cached = study;
        cachedId = id;
        return study;
    }

    private static Study build(ShippedStudy s) {
        byte[] data = s.dataUri() == null ? s.data().value() : read(s.dataUri());
        String sha = Experiment.sha256(data);
        if (!sha.equals(s.dataSha())) {
            if (s.dataUri() != null) {
                throw new InputException(
                        s.dataUri(),
                        "is not the file the driver read: SHA-256 " + sha + " on this executor, the driver's "
                                + s.dataSha() + " (changed, or a different file at the same path)");
            }
            throw new IllegalStateException(
                    "the data arrived changed on this executor: SHA-256 " + sha + ", the driver's " + s.dataSha());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory(scratch(), "prunekit-study");
            Path dataFile = dir.resolve("data").resolve(s.dataFileName());
            Files.createDirectories(dataFile.getParent());
            Files.write(dataFile, data);
            Path foldFile = null;
            if (s.folds() != null) {
                foldFile = dir.resolve("folds")
                        .resolve(Path.of(s.foldName()).getFileName().toString());
                Files.createDirectories(foldFile.getParent());
                Files.write(foldFile, s.folds().value());
            }
            ExperimentConfig cfg = ConfigBinder.bind(
                    s.configName(),
                    ConfigLoader.parse(s.configName(), new StringReader(s.configText())),
                    dir,
                    dir.resolve("out"));
            return Experiment.prepare(cfg, dataFile, foldFile, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Where the study's files go while it is built: Spark's folder for this application's files
     * ({@link SparkFiles#getRootDirectory}: on an executor its working folder, which the cluster manager removes with
     * the application; in local mode the driver's, removed when Spark stops), so an executor killed mid-build leaves
     * nothing in the machine's temporary folder. Outside Spark, the temporary folder.
     */
    private static Path scratch() {
        return SparkEnv.get() == null
                ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(SparkFiles.getRootDirectory());
    }

    /** The file at {@code uri}, read through Hadoop's {@code FileSystem} with the application's Hadoop settings. */
    private static byte[] read(String uri) {
        SparkConf conf =
                SparkEnv.get() == null ? new SparkConf() : SparkEnv.get().conf();
        return HadoopFiles.read(uri, HadoopFiles.configuration(conf));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
