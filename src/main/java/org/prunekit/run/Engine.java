package org.prunekit.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.prunekit.config.ExperimentConfig;

/**
 * Where a study's cells run: {@link LocalEngine} (a thread pool in this JVM, the default) or a cluster engine found
 * through {@link EngineProvider}. The {@link Harness} hands an engine groups of cells ({@link CellGroup}, each run as
 * one task by {@link CellTask}) and gets each cell's outcome back;
 * everything else (the protocol inside a cell, the cell files, resume, the results and the report) is the harness's,
 * so every engine writes the same results.
 */
public interface Engine extends AutoCloseable {

    /**
     * SHA-256 (hex) of the study's data, read as this engine reads it: streamed, never parsed. The local engine reads
     * local files only and refuses a {@code data.path} URI ({@link Experiment#dataPath}).
     */
    default String dataSha(ExperimentConfig cfg, Path workDir) {
        return Experiment.sha256(Experiment.dataPath(cfg, workDir));
    }

    /** Reads and checks the study's data where the cells will run, and says what the driver needs to know of it. */
    StudyPlan prepare(StudyInput input);

    /**
     * Runs {@code groups} of the prepared study, each as one task ({@link CellTask}), and hands each cell's outcome to
     * {@code sink} on the calling thread as soon as its group ends (completion order). Stops at the first group that
     * fails for good and throws its error; outcomes that arrived before were handed to {@code sink}.
     */
    void run(List<CellGroup> groups, Consumer<CellOutput> sink, Progress progress);

    @Override
    default void close() {}
}
