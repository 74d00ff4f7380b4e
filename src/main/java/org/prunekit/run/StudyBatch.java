package org.prunekit.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.report.OutputFolder;

/**
 * The checks before several studies run one after another in one JVM ({@code prunekit run A.yaml B.yaml ...}). Each
 * study then runs exactly as it would alone ({@link Harness#run}, its own folder, its own {@code time} block), so a
 * batch only adds what one study cannot know: that no two studies write the same folder, and that every study could
 * start, so that a bad second study is refused before the first one writes anything.
 */
public final class StudyBatch {

    private StudyBatch() {}

    /**
     * Fails, with the one-line error of the first study that could not run, when two studies share an output folder
     * or a study's folder or data would be refused at its turn: the local data file unreadable, the folder not a
     * prunekit folder, already there without {@code force} or {@code resume}, written from another config or data
     * ({@code resume}), or holding one of the study's inputs; a data URI ({@code hdfs://}) unless {@code remoteData}
     * (an engine that reads it). Opens each local data file, and reads it whole (its
     * SHA-256, as the run does) only with {@code resume}; writes nothing. A lock held by another run, and a data file that is readable but malformed, are only
     * found at that study's turn.
     */
    public static void check(
            List<ExperimentConfig> studies, Path workDir, boolean force, boolean resume, boolean remoteData) {
        Map<Path, ExperimentConfig> byFolder = new HashMap<>();
        for (ExperimentConfig cfg : studies) {
            Path dir = cfg.output().dir().toAbsolutePath().normalize();
            ExperimentConfig other = byFolder.putIfAbsent(dir, cfg);
            if (other != null) {
                throw new InputException(
                        cfg.source(),
                        "writes its results to " + dir + ", as " + other.source()
                                + " does; give each study its own output folder");
            }
        }
        for (ExperimentConfig cfg : studies) {
            // a data URI: read by the Spark engine at the study's turn; refused now on the local engine
            Path dataFile = cfg.data().remote() && remoteData ? null : Experiment.dataPath(cfg, workDir);
            // the fingerprint (the data's SHA-256, a full read) matters only to --resume; otherwise opening suffices
            String fingerprint = null;
            if (dataFile != null && resume) {
                fingerprint = Harness.fingerprint(cfg, Experiment.sha256(dataFile));
            } else if (dataFile != null) {
                Experiment.requireReadable(dataFile);
            }
            OutputFolder.check(cfg.output().dir(), fingerprint, force, resume, Harness.inputs(cfg, workDir, dataFile));
        }
    }
}
