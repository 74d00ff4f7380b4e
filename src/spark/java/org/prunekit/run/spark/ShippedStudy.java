package org.prunekit.run.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor needs to build a study: the config file's text and the data (and fold) file's bytes as
 * broadcasts, with the data's SHA-256 to check them on arrival.
 *
 * @param configName the config file's name as the user gave it (for messages)
 * @param dataName   the data file's name (the executor's copy gets the same name, so messages name it)
 * @param folds      the outer fold file's bytes, or null when the outer split is not {@code fold-file}
 */
record ShippedStudy(
        String configName,
        String configText,
        String dataName,
        Broadcast<byte[]> data,
        String dataSha,
        String foldName,
        Broadcast<byte[]> folds)
        implements Serializable {

    /** The study's identity on an executor: config text and data. */
    String id() {
        return org.prunekit.run.Experiment.sha256(configText + "\ndata " + dataSha);
    }
}
