package org.prunekit.run.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.prunekit.run.Experiment;

/**
 * What an executor needs to build a study: the config file's text, and the data as a broadcast of the file's bytes
 * or as a path every executor reads itself, with the data's SHA-256 (computed by the driver) to check it on arrival.
 *
 * @param configName the config file's name as the user gave it (for messages)
 * @param dataName     the data file as the config names it (path or URI), for messages
 * @param dataFileName its file name: the executor's copy gets the same name, so messages name it
 * @param data       the data file's bytes, or null when executors read {@code dataUri}
 * @param dataUri    the data file's URI (e.g. {@code file:///shared/data.csv}, {@code hdfs://nn:8020/d.csv}), read through Hadoop's
 *                   {@code FileSystem} on each executor, or null when the bytes are broadcast
 * @param folds      the outer fold file's bytes, or null when the outer split is not {@code fold-file}
 */
record ShippedStudy(
        String configName,
        String configText,
        String dataName,
        String dataFileName,
        Broadcast<byte[]> data,
        String dataUri,
        String dataSha,
        String foldName,
        Broadcast<byte[]> folds)
        implements Serializable {

    /** The study's identity on an executor: config text and data. */
    String id() {
        return Experiment.sha256(configText + "\ndata " + dataSha);
    }
}
