package org.prunekit.protocol;

import java.util.List;
import java.util.function.Function;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.Fold;
import org.prunekit.data.Table;
import org.prunekit.data.imbalance.Resampler;

/**
 * A config with its data loaded: what every cell reads (immutable, shared by the worker threads).
 *
 * @param y          class index of every row, in the order of {@code classes}
 * @param positive   index of the positive class for binary metrics, -1 for multi-class
 * @param outerFolds the outer folds, by repeat then fold
 * @param resamplers the resampler of a strategy name (tests inject recording ones)
 */
public record Study(
        ExperimentConfig config,
        Table table,
        List<String> classes,
        int[] y,
        int positive,
        List<Fold> outerFolds,
        Function<String, Resampler> resamplers) {

    public Study {
        classes = List.copyOf(classes);
        y = y.clone();
        outerFolds = List.copyOf(outerFolds);
    }

    @Override
    public int[] y() {
        return y.clone();
    }

    int label(int row) {
        return y[row];
    }
}
