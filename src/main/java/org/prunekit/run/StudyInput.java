package org.prunekit.run;

import java.nio.file.Path;
import java.util.function.Function;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.imbalance.Resampler;

/**
 * What an engine needs to build a study where its cells run.
 *
 * @param workDir    relative data and fold-file paths are resolved against it
 * @param dataFile   the data file (absolute), or null when {@code data.path} is a URI (the engine reads it itself)
 * @param dataSha    SHA-256 of the data file, hex: the data every cell must see
 * @param resamplers resampler per imbalance strategy, or null for the config's own
 * @param refit      what refit cells need to build their model files where they run
 */
public record StudyInput(
        ExperimentConfig config,
        Path workDir,
        Path dataFile,
        String dataSha,
        Function<String, Resampler> resamplers,
        RefitSettings refit) {}
