package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.run.Harness;
import org.prunekit.run.Progress;

/**
 * A real multi-process Spark standalone cluster on 127.0.0.1 (a master and two workers, each its own JVM, each
 * worker starting its own executor JVM): a study run there writes the local engine's results, also when the executors
 * read the data from its path rather than a broadcast, and still does when one worker and its executor are killed
 * mid-run (the last test: it leaves one worker).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {

    @TempDir
    static Path dir;

    static StandaloneCluster cluster;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        cluster = new StandaloneCluster(dir, 2);
        local = run(SparkTests.study(dir, 3, 2), "local", (Map<String, String>) null, Progress.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoWorkersWriteTheLocalEnginesResults() {
        Recorder progress = new Recorder(null);
        Path spark = run(SparkTests.study(dir, 3, 2), "cluster", cluster, progress);
        assertEquals(14, progress.cells.size(), "3 folds x 2 repeats x 2 arms + 2 refits");
        SparkTests.assertSameResults(local, spark);
    }

    /**
     * {@code --data-source path}: no broadcast; each executor JVM reads the data at its {@code file://} URI through
     * Hadoop's {@code FileSystem} and checks the driver's SHA-256.
     */
    @Test
    @Order(2)
    void executorsReadingTheDataFromItsPathWriteTheLocalEnginesResults() {
        Recorder progress = new Recorder(null);
        Map<String, String> conf = new HashMap<>(cluster.driverConf());
        conf.put(SparkEngine.DATA_SOURCE, SparkEngine.PATH);
        Path spark = run(SparkTests.study(dir, 3, 2), "path", conf, progress);
        assertEquals(14, progress.cells.size());
        SparkTests.assertSameResults(local, spark);
    }

    @Test
    @Order(3)
    void aWorkerKilledMidRunStillGivesTheSameResults() {
        Recorder progress = new Recorder(cluster);
        Path spark = run(SparkTests.study(dir, 3, 2), "killed", cluster, progress);
        assertTrue(progress.killed, "a worker was killed after the first cell");
        assertEquals(0, cluster.executors(0), "the killed worker has no executor left");
        assertTrue(
                progress.warnings.stream().anyMatch(w -> w.contains("executor") && w.contains("lost")),
                "the driver saw the executor go: " + progress.warnings);
        assertEquals(14, progress.cells.size());
        SparkTests.assertSameResults(local, spark);
    }

    private static Path run(Path cfgFile, String name, StandaloneCluster on, Progress progress) {
        return run(cfgFile, name, on == null ? null : on.driverConf(), progress);
    }

    /** @param settings the Spark engine's settings, or null for the local engine */
    private static Path run(Path cfgFile, String name, Map<String, String> settings, Progress progress) {
        Path work = Path.of("").toAbsolutePath();
        ExperimentConfig cfg = ConfigBinder.load(cfgFile, work, dir.resolve(name));
        Harness.Options options = new Harness.Options(2, false, false, progress, null);
        if (settings == null) {
            return Harness.run(cfg, work, options);
        }
        try (SparkEngine engine = new SparkEngine(settings)) {
            return Harness.run(cfg, work, options, engine);
        }
    }

    /** Records cells and warnings; kills worker 0 (and its executor) when the first cell arrives, if asked to. */
    private static final class Recorder implements Progress {
        final List<String> cells = Collections.synchronizedList(new ArrayList<>());
        final Set<String> warnings = ConcurrentHashMap.newKeySet();
        final StandaloneCluster killOn;
        volatile boolean killed;

        Recorder(StandaloneCluster killOn) {
            this.killOn = killOn;
        }

        @Override
        public void cellDone(int done, int total, String key, int skipped) {
            cells.add(key);
            if (killOn != null && !killed) {
                try {
                    killOn.killWorker(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed = true;
            }
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }
}
