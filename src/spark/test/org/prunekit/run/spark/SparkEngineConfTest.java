package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The Spark settings the engine adds to what the user gave. */
class SparkEngineConfTest {

    private static String executorOmp(SparkConf conf, Map<String, String> driverEnv) {
        SparkEngine.openMpThreads(conf, driverEnv);
        return conf.get("spark.executorEnv.OMP_NUM_THREADS");
    }

    @Test
    void executorsGetTheDriversOpenMpThreadsOrOne() {
        assertEquals("1", executorOmp(new SparkConf(false), Map.of()), "nothing set anywhere: one thread");
        assertEquals("1", executorOmp(new SparkConf(false), Map.of("OMP_NUM_THREADS", "1")), "the launcher's default");
        assertEquals("3", executorOmp(new SparkConf(false), Map.of("OMP_NUM_THREADS", "3")), "the user's export");
        SparkConf given = new SparkConf(false).set("spark.executorEnv.OMP_NUM_THREADS", "4");
        assertEquals("4", executorOmp(given, Map.of("OMP_NUM_THREADS", "1")), "--conf wins");
    }
}
